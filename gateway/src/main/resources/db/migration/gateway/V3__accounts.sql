-- People who sign in (readers, librarians, central staff) and the API keys of sites' systems.
-- Passwords are stored as delegating-encoder hashes ({bcrypt}…); API keys as their SHA-256, never in clear.
create table account (
    username      text primary key,
    password_hash text not null,
    display_name  text not null,
    roles         text[] not null,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

-- The sites a librarian works for; a librarian of a township station also manages the sites below it.
create table account_site (
    username text not null references account (username) on delete cascade,
    site_id  text not null,
    primary key (username, site_id)
);

create table api_key (
    key_sha256 text primary key,
    site_id    text not null,
    label      text not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
