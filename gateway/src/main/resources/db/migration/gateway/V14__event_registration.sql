-- Registrations for events: places up to the capacity, then a waiting list in order of registration; check-in at
-- the event (participation); a rating afterwards. A reader has at most one live registration per event.
create table event_registration (
    id bigserial primary key,
    event_id bigint not null references cultural_event (id),
    reader_id bigint references reader (id),
    status text not null check (status in ('registered', 'waitlisted', 'cancelled', 'attended')),
    walk_in boolean not null default false,
    created_at timestamptz not null default now(),
    promoted_at timestamptz,
    cancelled_at timestamptz,
    checked_in_at timestamptz,
    rating smallint check (rating between 1 and 5),
    comment text,
    rated_at timestamptz,
    check (reader_id is not null or walk_in)
);
create unique index event_registration_once on event_registration (event_id, reader_id)
    where status <> 'cancelled' and reader_id is not null;
create index event_registration_queue on event_registration (event_id, status, created_at, id);
create index event_registration_reader on event_registration (reader_id, status);
