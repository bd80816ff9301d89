-- Venues and amateur troupes (issue 20, point 2; seed 001 (一) and (四)2): the rooms and halls of every site with their
-- capacity, equipment, accessibility, hours and standard fee; the county's registered troupes and teams with their
-- members and the guidance they were given; bookings by readers for themselves or for their troupe, free or
-- discounted by rule, awaiting approval where the venue wants it, checked in at the door or marked not shown.
create table venue (
    id              bigserial primary key,
    site_id         text not null,
    name            text not null,
    kind            text not null check (kind in ('room', 'hall', 'outdoor')),
    capacity        integer not null check (capacity > 0),
    equipment       text not null default '',
    accessible      boolean not null default false,
    needs_approval  boolean not null default false,
    fee_per_hour    integer not null default 0 check (fee_per_hour >= 0),
    opens_at        time not null,
    closes_at       time not null check (closes_at > opens_at),
    active          boolean not null default true,
    unique (site_id, name)
);

create table amateur_troupe (
    id             bigserial primary key,
    site_id        text not null,
    kind           text not null check (kind in ('troupe', 'team')),
    name           text not null unique,
    genre          text not null,
    leader         text not null,
    contact_card   text,
    registered_on  date not null,
    active         boolean not null default true
);
create index amateur_troupe_contact on amateur_troupe (contact_card) where contact_card is not null;

create table troupe_member (
    id         bigserial primary key,
    troupe_id  bigint not null references amateur_troupe (id) on delete cascade,
    name       text not null,
    part       text not null default '',
    joined_on  date not null
);

create table troupe_guidance (
    id          bigserial primary key,
    troupe_id   bigint not null references amateur_troupe (id) on delete cascade,
    given_on    date not null,
    guide       text not null,
    content     text not null,
    recorded_by text not null
);
create index troupe_guidance_day on troupe_guidance (given_on);

create table venue_booking (
    id              bigserial primary key,
    venue_id        bigint not null references venue (id),
    reader_id       bigint references reader (id) on delete set null,
    troupe_id       bigint references amateur_troupe (id),
    purpose         text not null,
    public_benefit  boolean not null default false,
    attendees       integer not null check (attendees > 0),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    rate            text not null check (rate in ('free', 'discounted', 'standard')),
    fee             integer not null default 0,
    status          text not null check (status in ('requested', 'confirmed', 'declined', 'cancelled', 'checked_in', 'no_show', 'lapsed')),
    reason          text,
    decided_by      text,
    checked_in_at   timestamptz,
    created_at      timestamptz not null
);
create index venue_booking_venue on venue_booking (venue_id, starts_at);
create index venue_booking_reader on venue_booking (reader_id) where reader_id is not null;
create index venue_booking_pending on venue_booking (starts_at) where status in ('requested', 'confirmed');
