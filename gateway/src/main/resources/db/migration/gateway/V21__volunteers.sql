-- Cultural volunteers (文化志愿者): registration (a guardian's consent for minors), skills, assignments to events,
-- hours logged and confirmed by staff of the site.
create table volunteer (
    id bigserial primary key,
    name text not null,
    birth_date date not null,
    phone text,
    home_site text not null,
    skills text[] not null default '{}',
    guardian_name text,
    guardian_consent boolean not null default false,
    registered_by text not null,
    registered_at timestamptz not null default now(),
    active boolean not null default true
);
create index volunteer_site on volunteer (home_site) where active;

create table volunteer_assignment (
    id bigserial primary key,
    volunteer_id bigint not null references volunteer (id),
    event_id bigint not null references cultural_event (id),
    role text not null,
    assigned_by text not null,
    assigned_at timestamptz not null default now(),
    unique (volunteer_id, event_id)
);

create table volunteer_hours (
    id bigserial primary key,
    volunteer_id bigint not null references volunteer (id),
    event_id bigint references cultural_event (id),
    site_id text not null,
    day date not null,
    hours numeric(4, 1) not null check (hours > 0 and hours <= 24),
    note text not null default '',
    logged_by text not null,
    logged_at timestamptz not null default now(),
    confirmed_by text,
    confirmed_at timestamptz
);
create index volunteer_hours_volunteer on volunteer_hours (volunteer_id, day);
