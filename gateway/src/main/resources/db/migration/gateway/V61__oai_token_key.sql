-- The key that signs the OAI-PMH provider's resumption tokens when branchlink.oai.token-secret is not set: made once by
-- the first node that needs it, shared by all, so a harvester may be sent to any node with any page's token.
create table oai_token_key (
    id     smallint primary key check (id = 1),
    secret bytea not null
);
