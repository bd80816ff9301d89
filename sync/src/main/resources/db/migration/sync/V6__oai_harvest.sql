-- Where each site's OAI-PMH harvest stands: the last datestamp fully harvested (the next harvest asks from it) and,
-- while a harvest is under way, the resumption token of its next page (a restart continues with it).
create table oai_harvest_state (
    site_id          text not null,
    base_url         text not null,
    metadata_prefix  text not null,
    harvested_until  text,
    resumption_token text,
    pages            integer not null default 0,
    updated_at       timestamptz not null default now(),
    primary key (site_id, base_url, metadata_prefix)
);
