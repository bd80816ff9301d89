-- The site registry: one federation and its sites, replaced as a whole when a valid registry file is loaded.
create table federation (
    id            text primary key,
    name_zh       text not null,
    name_en       text not null,
    area_code     char(12) not null,
    source        text not null,
    source_sha256 text not null,
    loaded_at     timestamptz not null
);

create table site (
    id            text primary key,
    position      integer not null,
    kind          text not null,
    name_zh       text not null,
    name_en       text not null,
    service_lines text[] not null,
    parent_id     text references site (id) deferrable initially deferred,
    area_code     char(12) not null,
    address       text not null default '',
    lat           double precision not null check (lat between -90 and 90),
    lon           double precision not null check (lon between -180 and 180),
    opening_hours text not null default '',
    connector     text not null default 'none'
);

create index site_parent on site (parent_id);

create table site_connector_parameter (
    site_id text not null references site (id) on delete cascade,
    name    text not null,
    value   text not null,
    primary key (site_id, name)
);
