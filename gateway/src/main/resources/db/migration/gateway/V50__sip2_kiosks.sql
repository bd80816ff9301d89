-- Self-service kiosks speaking SIP2. A kiosk signs in (message 93) with its own account, kept apart from people's
-- accounts so a kiosk's password opens no page or API; it acts for one site. charset: how its messages are encoded;
-- checksums_required: messages without a sequence number and checksum (AY/AZ) are refused.
create table sip2_kiosk (
    username            text primary key,
    password_hash       text not null,
    site_id             text not null,
    charset             text not null default 'UTF-8' check (charset in ('UTF-8', 'GB18030')),
    checksums_required  boolean not null default false,
    enabled             boolean not null default true,
    created_at          timestamptz not null default now()
);
