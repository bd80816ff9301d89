-- Notifications that reach people: how each reader wants to be told (the addresses are personal data: only the
-- reader and the sending see them; never in logs, search or URLs), and every notice to send, once per reader, kind,
-- subject and channel, sent after the transaction that caused it and retried.
create table reader_contact (
    reader_id  bigint primary key references reader (id) on delete cascade,
    email      text,
    phone      text,
    channels   text[]      not null default '{}',
    updated_at timestamptz not null
);

create table notification (
    id              bigserial primary key,
    reader_id       bigint      not null references reader (id) on delete cascade,
    kind            text        not null,
    channel         text        not null,
    subject         text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default clock_timestamp(),
    sent_at         timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    dead_at         timestamptz,
    unique (reader_id, kind, subject, channel)
);

create index notification_pending on notification (id) where sent_at is null and dead_at is null;
