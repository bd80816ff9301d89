-- Camel's JDBC idempotent repository (files and pages already processed, per route), and failed exchanges.
create table camel_messageprocessed (
    processorname text not null,
    messageid     text not null,
    createdat     timestamp not null,
    primary key (processorname, messageid)
);

create table sync_failure (
    id         bigserial primary key,
    route_id   text not null,
    site_id    text,
    source     text,
    error      text not null,
    created_at timestamptz not null default now()
);
create index sync_failure_site on sync_failure (site_id, created_at desc);
