-- Public disclosure per site (免费开放公示, seed 001; Public Library Law Art. 38; issue 20): the service phone, the free
-- services and their hours, accessibility facilities; and closure notices, announced ahead (7 days by the standard).
create table site_disclosure (
    site_id       text primary key,
    phone         text not null default '',
    free_services text[] not null default '{}',
    accessibility text[] not null default '{}',
    updated_at    timestamptz not null,
    updated_by    text not null
);

create table site_closure (
    id           bigserial primary key,
    site_id      text not null,
    from_day     date not null,
    to_day       date not null,
    reason       text not null,
    posted_at    timestamptz not null,
    posted_by    text not null,
    withdrawn_at timestamptz,
    check (from_day <= to_day)
);
create index site_closure_current on site_closure (to_day, site_id) where withdrawn_at is null;
