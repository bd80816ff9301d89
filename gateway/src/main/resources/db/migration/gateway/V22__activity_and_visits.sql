-- Active readers without loan histories: the months in which a reader borrowed or took part in an event (no item,
-- no event named), so "active readers" survive the anonymisation of loans at return.
create table reader_activity (
    reader_id bigint not null references reader (id),
    month date not null,
    primary key (reader_id, month)
);

-- Visits (到馆/流通人次): gate counters of the sites and head counts at mobile stops, per site and day.
create table site_visit (
    site_id text not null,
    day date not null,
    source text not null check (source in ('gate', 'mobile', 'manual')),
    visits integer not null check (visits >= 0),
    recorded_at timestamptz not null default now(),
    primary key (site_id, day, source)
);
