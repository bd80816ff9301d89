-- What BranchLink tells a site's own system (holds to pull, transfers, loans and returns of its copies elsewhere, its
-- copies' status, registrations for its events): written in the transaction that made the change (an outbox), read by
-- the site through GET /api/sites/{id}/changes?after=<id>, and delivered to the site's webhook in id order.
create table site_change (
    id              bigserial primary key,
    site_id         text        not null,
    kind            text        not null,
    -- the copy it concerns (its barcode), kept in order per copy; null when it concerns none
    copy_key        text,
    subject         text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default clock_timestamp(),
    -- the webhook's delivery: done, tries so far, when to try next, why the last try failed, given up
    delivered_at    timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    dead_at         timestamptz
);

create index site_change_feed on site_change (site_id, id);
create index site_change_pending on site_change (site_id, id) where delivered_at is null;

-- which node delivers a site's changes now (one at a time, so they leave in order); taken over when it lapses
create table site_change_lease (
    site_id text        primary key,
    holder  text        not null,
    until   timestamptz not null
);
