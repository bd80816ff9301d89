-- Holds (预约): a reader asks for a title (any copy of a work) or one copy, to pick up at a site of their choice.
-- A hold waits in its queue (FIFO by placed_at) until a copy is allocated to it; the copy is then pulled from the
-- shelf, sent to the pickup site and is ready there. A copy fills at most one active hold: the unique index below
-- makes that a fact of the database, whichever node allocates.
create table hold (
    id                 bigserial primary key,
    card               text not null,
    work_id            text not null,
    copy_site          text,
    copy_barcode       text,
    pickup_site        text not null,
    status             text not null,
    placed_at          timestamptz not null default now(),
    suspended_until    date,
    allocated_site     text,
    allocated_barcode  text,
    allocated_at       timestamptz,
    ready_at           timestamptz,
    expires_at         timestamptz,
    closed_at          timestamptz
);
create index hold_queue on hold (work_id, placed_at) where status = 'waiting';
create index hold_card on hold (card) where closed_at is null;
create unique index hold_one_per_copy on hold (allocated_site, allocated_barcode)
    where status in ('allocated', 'in_transit', 'ready');
