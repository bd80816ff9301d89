-- Lending: each copy's circulation state (written by circulation, read when building search documents) and the
-- outbox of works whose availability must be pushed to Solr. The outbox row is written in the same transaction as the
-- state, so a change is never lost when Solr is down or the node dies; the indexer deletes a row only after Solr took
-- the update and made it visible.

create table item_state (
    site_id     text not null,
    barcode     text not null,
    status      text not null,
    at_site     text,
    destination text,
    changed_at  timestamptz not null default now(),
    primary key (site_id, barcode)
);

-- borrow anywhere: a barcode scanned at any site is looked up county-wide
create index item_barcode on item (barcode);

create sequence availability_seq;

create table availability_outbox (
    work_id   text primary key,
    seq       bigint not null,
    queued_at timestamptz not null default clock_timestamp()
);
create index availability_outbox_seq on availability_outbox (seq);
