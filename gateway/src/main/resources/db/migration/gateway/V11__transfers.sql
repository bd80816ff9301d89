-- Stock transfers (调拨) between sites: requested → approved (where policy asks central approval) → shipped →
-- received. Each copy's line records whether it was shipped and received; a copy received that was not in the
-- transfer is an extra line. Shipped copies never received are the missing ones.
create table transfer (
    id           bigserial primary key,
    from_site    text not null,
    to_site      text not null,
    status       text not null,
    reason       text not null default 'manual',
    created_by   text not null,
    created_at   timestamptz not null default now(),
    approved_by  text,
    approved_at  timestamptz,
    shipped_by   text,
    shipped_at   timestamptz,
    received_by  text,
    received_at  timestamptz
);
create index transfer_open on transfer (status, shipped_at) where status in ('requested', 'approved', 'shipped');

create table transfer_item (
    transfer_id  bigint not null references transfer (id),
    item_site    text not null,
    barcode      text not null,
    received     boolean not null default false,
    extra        boolean not null default false,
    primary key (transfer_id, item_site, barcode)
);
