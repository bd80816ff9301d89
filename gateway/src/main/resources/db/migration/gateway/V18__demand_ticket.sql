-- Demand tickets (seed 000): what residents ask for, through six channels; classified on five axes; one of four
-- dispositions; directly handled ones answered within 10 working days (deadline on the working-day calendar), with a
-- reminder on day 7 and escalation to the parent site on breach. Submitter details never leave this table.
create table demand_ticket (
    id bigserial primary key,
    channel text not null check (channel in ('online', 'phone', 'suggestion_box', 'door_visit', 'forum', 'survey')),
    body text not null,
    site_id text not null,
    submitter_name text,
    submitter_contact text,
    received_at timestamptz not null,
    received_day date not null,
    recorded_by text,
    subject text check (subject in ('individual', 'group')),
    initiative text check (initiative in ('active', 'passive')),
    audience text check (audience in ('general', 'special_group')),
    provider text,
    urgency text check (urgency in ('low', 'normal', 'high')),
    difficulty text check (difficulty in ('easy', 'moderate', 'hard')),
    disposition text check (disposition in ('escalate', 'handle', 'project', 'decline')),
    classified_at timestamptz,
    classified_by text,
    forwarded_to text,
    deadline date,
    reminded_at timestamptz,
    breached_at timestamptz,
    escalated_to text,
    answer text,
    answered_at timestamptz,
    answered_by text,
    published boolean not null default false,
    rating smallint check (rating between 1 and 5)
);
create index demand_ticket_open on demand_ticket (deadline) where answered_at is null;
create index demand_ticket_site on demand_ticket (site_id, received_day);
