-- Staff of the sites (seed 001: 2 full-time per township station, 1 part-time per village centre) and their training
-- days (15 a year for county staff, 5 for township and village staff).
create table staff_member (
    id bigserial primary key,
    site_id text not null,
    name text not null,
    kind text not null check (kind in ('full_time', 'part_time')),
    active boolean not null default true,
    created_at timestamptz not null default now()
);
create index staff_member_site on staff_member (site_id) where active;

create table training_record (
    id bigserial primary key,
    staff_id bigint not null references staff_member (id),
    day date not null,
    days numeric(4, 1) not null check (days > 0),
    topic text not null
);
create index training_record_staff on training_record (staff_id, day);
