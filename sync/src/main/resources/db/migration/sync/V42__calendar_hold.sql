-- Calendar feeds whose cancellations were held (#22.2): a fetch with no readable event while the site has coming events
-- from its feed, or one that would call off more than branchlink.sync.calendar-hold-share of them at once. New events
-- and updates of the fetch were applied; the cancellations wait here (event_ids) until a librarian of the site
-- confirms them or a later fetch that is not held supersedes them. At most one open hold per site: a later held
-- fetch replaces its cancellations.
-- Numbered 42, after main's V40-V41 (security hardening), so that no database that already applied those meets an
-- older version number.
create table calendar_hold (
    id            bigserial primary key,
    site_id       text not null,
    reason        text not null,
    feed_events   integer not null,
    coming_events integer not null,
    event_ids     bigint[] not null,
    state         text not null default 'open',
    held_at       timestamptz not null,
    updated_at    timestamptz not null,
    closed_at     timestamptz,
    closed_by     text
);
create unique index calendar_hold_open on calendar_hold (site_id) where state = 'open';
create index calendar_hold_site on calendar_hold (site_id, held_at desc);
