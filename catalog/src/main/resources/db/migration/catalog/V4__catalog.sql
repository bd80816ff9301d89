-- The catalogue: works (editions merged across sites), each site's records and items, ingest runs and the quarantine.

-- What the catalogue needs to know of each site (kept in step with the site registry by the sync module).
create table catalog_site (
    id            text primary key,
    kind          text not null,
    township      text,
    service_lines text[] not null,
    name_zh       text not null,
    name_en       text not null,
    lat           double precision not null,
    lon           double precision not null
);

create table work (
    id         text primary key,
    created_at timestamptz not null default now()
);

-- isbn:<13 digits> or title:<normalized title>|<author>|<year> → the work it belongs to
create table work_key (
    key     text primary key,
    work_id text not null references work (id)
);
create index work_key_work on work_key (work_id);

create table ingest_run (
    id          bigserial primary key,
    site_id     text not null,
    source      text not null,
    mode        text not null,
    state       text not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    read        integer not null default 0,
    added       integer not null default 0,
    updated     integer not null default 0,
    unchanged   integer not null default 0,
    deleted     integer not null default 0,
    quarantined integer not null default 0,
    message     text not null default ''
);
create index ingest_run_site on ingest_run (site_id, started_at desc);

create table bib_record (
    site_id        text not null,
    record_id      text not null,
    version        text not null,
    content_sha1   text not null,
    work_id        text not null references work (id),
    title          text not null,
    other_titles   text[] not null,
    authors        text[] not null,
    isbns          text[] not null,
    publisher      text not null,
    year           integer not null,
    language       text not null,
    format         text not null,
    classification text not null,
    subjects       text[] not null,
    source_format  text not null,
    source         bytea,
    last_run       bigint not null,
    updated_at     timestamptz not null default now(),
    primary key (site_id, record_id)
);
create index bib_record_work on bib_record (work_id);
create index bib_record_run on bib_record (site_id, last_run);

create table item (
    site_id     text not null,
    barcode     text not null,
    record_id   text not null,
    call_number text not null,
    location    text not null,
    status      text not null,
    primary key (site_id, barcode),
    foreign key (site_id, record_id) references bib_record (site_id, record_id) on delete cascade
);
create index item_record on item (site_id, record_id);

create table quarantine (
    id         bigserial primary key,
    run_id     bigint not null references ingest_run (id),
    site_id    text not null,
    source     text not null,
    position   text not null,
    reason     text not null,
    raw        bytea,
    created_at timestamptz not null default now()
);
create index quarantine_site on quarantine (site_id, created_at desc);
