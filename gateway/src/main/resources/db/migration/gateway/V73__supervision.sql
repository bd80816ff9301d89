-- Supervision (督查, seeds 000, 002, 004; issue 20 point 7): inspections and third-party spot checks of a site with their
-- findings; rectification items with the one responsible, a deadline, the site's closure report and the re-inspection;
-- an item past its deadline is escalated once to the site above.
create table inspection (
    id           bigserial primary key,
    kind         text not null check (kind in ('inspection', 'spot_check')),
    site_id      text not null,
    inspected_on date not null,
    inspector    text not null,
    findings     text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);

create table rectification (
    id               bigserial primary key,
    inspection_id    bigint not null references inspection (id),
    site_id          text not null,
    item             text not null,
    owner            text not null,
    deadline         date not null,
    status           text not null check (status in ('open', 'reported', 'closed')),
    closure_report   text,
    reported_at      timestamptz,
    reinspected_on   date,
    reinspection     text,
    rounds           integer not null default 0,
    escalated_to     text,
    escalated_at     timestamptz,
    closed_at        timestamptz
);
create index rectification_open on rectification (deadline) where status <> 'closed';
