-- Lending (通借通还): readers, the journal of circulation events, each copy's lending state, loans and conflicts.

-- One card for the whole county. The card number is a surrogate, never the ID number; the ID number is kept only as a
-- keyed hash so one person gets one card. Readers under 14 are sensitive personal data (PIPL Art. 28): they need a
-- guardian's consent, recorded here.
create sequence reader_card_seq start with 10000001;

create table reader (
    id                   bigserial primary key,
    card_number          text not null unique,
    name                 text not null,
    birth_date           date not null,
    category             text not null,
    home_site            text not null,
    keep_history         boolean not null default false,
    id_hash              text unique,
    guardian_name        text,
    guardian_consent_at  timestamptz,
    username             text unique references account (username) on delete set null,
    created_at           timestamptz not null default now()
);

-- Every event a site sent, as accepted (nothing accepted is deleted). card is cleared when the loan it belongs to
-- is anonymised. applied_at is null until the event changed its copy's state; outcome says why not when it cannot
-- (unknown_item, ambiguous_item).
create table circulation_event (
    id           bigserial primary key,
    site_id      text not null,
    event_id     text not null,
    type         text not null,
    occurred_at  timestamptz not null,
    barcode      text not null,
    owner        text,
    card         text,
    destination  text,
    due_at       timestamptz,
    source       text not null,
    received_at  timestamptz not null default now(),
    item_site    text,
    applied_at   timestamptz,
    outcome      text,
    unique (site_id, event_id)
);
create index circulation_event_item on circulation_event (item_site, barcode, occurred_at);
create index circulation_event_pending on circulation_event (occurred_at) where applied_at is null and outcome is null;

-- A copy's lending state: the fold of its applied events. last_* is the newest applied event (the order key).
create table circulation_item (
    site_id        text not null,
    barcode        text not null,
    work_id        text not null,
    status         text not null default 'available',
    at_site        text,
    destination    text,
    loan_key       text,
    held_for       text,
    last_at        timestamptz,
    last_site      text,
    last_event     text,
    events         integer not null default 0,
    primary key (site_id, barcode)
);

-- Loans, derived from the events (rebuilt for a copy when a late event rewrites its history). card is null once the
-- loan is closed and anonymised.
create table loan (
    loan_key        text primary key,
    item_site       text not null,
    barcode         text not null,
    work_id         text not null,
    card            text,
    category        text not null,
    checkout_site   text not null,
    checked_out_at  timestamptz not null,
    due_at          timestamptz not null,
    renewals        integer not null default 0,
    returned_at     timestamptz,
    return_site     text,
    closed_how      text
);
create index loan_open_card on loan (card) where returned_at is null;
create index loan_item on loan (item_site, barcode);
create index loan_checked_out on loan (checkout_site, checked_out_at);

create table circulation_conflict (
    id           bigserial primary key,
    site_id      text not null,
    item_site    text,
    barcode      text not null,
    kind         text not null,
    event_site   text not null,
    event_id     text not null,
    detail       text not null,
    created_at   timestamptz not null default now(),
    resolved_at  timestamptz,
    resolved_by  text,
    unique (event_site, event_id, kind)
);
create index circulation_conflict_open on circulation_conflict (site_id, created_at desc) where resolved_at is null;
