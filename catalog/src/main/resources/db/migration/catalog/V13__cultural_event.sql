-- Cultural events and mobile stops: searchable beside the books (doc_type event), one row per occurrence.
create table cultural_event (
    id bigserial primary key,
    source text not null check (source in ('form', 'ical', 'json', 'mobile')),
    source_site text not null,
    uid text not null,
    recurrence text not null default '',
    sequence integer not null default 0,
    kind text not null check (kind in ('event', 'mobile_stop')),
    category text not null,
    title text not null,
    description text not null default '',
    site_id text not null,
    place text not null default '',
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    capacity integer check (capacity >= 0),
    audience text[] not null default '{}',
    accessible boolean not null default false,
    fee_yuan numeric(10, 2) not null default 0,
    cancelled boolean not null default false,
    published_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (source_site, uid, recurrence),
    check (ends_at >= starts_at)
);
create index cultural_event_starts on cultural_event (starts_at) where not cancelled;
create index cultural_event_site on cultural_event (site_id, starts_at);
