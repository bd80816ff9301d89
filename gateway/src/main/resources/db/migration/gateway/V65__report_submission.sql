-- Up to the culture clouds: every submission of a period's figures to a reporting target, as it went (seed 001:
-- 按时上报), and the narrative of the quarter's work (工作动态) sent with them.
create table report_submission (
    id           bigserial primary key,
    target_id    text        not null,
    period       text        not null,
    format       text        not null,
    submitted_at timestamptz not null,
    accepted     boolean     not null,
    status       integer     not null,
    reason       text,
    due_on       date        not null,
    on_time      boolean     not null,
    submitted_by text        not null
);

create index report_submission_target_period on report_submission (target_id, period, submitted_at);

create table report_narrative (
    period     text primary key,
    body       text        not null,
    updated_by text        not null,
    updated_at timestamptz not null
);
