-- Mobile-service plans: one active plan per period; its visits (a unit at a stop on a day), published as events
-- (cultural_event, kind mobile_stop) a configured number of days ahead; breakdowns of units.
create table mobile_plan (
    id bigserial primary key,
    period_from date not null,
    period_to date not null,
    visits_per_stop integer not null,
    max_gap_bound integer not null,
    stops text[] not null,
    lower_bound_km numeric(10, 1) not null,
    status text not null default 'active' check (status in ('active', 'superseded')),
    created_at timestamptz not null default now(),
    wall_ms integer not null,
    check (period_to >= period_from)
);
create unique index mobile_plan_active_period on mobile_plan (period_from) where status = 'active';

create table mobile_visit (
    id bigserial primary key,
    plan_id bigint not null references mobile_plan (id),
    unit_id text not null,
    site_id text not null,
    day date not null,
    run integer not null,
    seq integer not null,
    arrive time not null,
    depart time not null,
    run_km numeric(8, 2) not null,
    status text not null default 'planned' check (status in ('planned', 'cancelled')),
    moved_from date,
    event_id bigint references cultural_event (id)
);
create unique index mobile_visit_slot on mobile_visit (plan_id, unit_id, day, seq) where status = 'planned';
create index mobile_visit_day on mobile_visit (day, status);

create table mobile_plan_uncovered (
    plan_id bigint not null references mobile_plan (id),
    site_id text not null,
    reason text not null
);

create table unit_outage (
    id bigserial primary key,
    unit_id text not null,
    from_day date not null,
    to_day date not null,
    reason text not null,
    recorded_at timestamptz not null default now(),
    check (to_day >= from_day)
);
