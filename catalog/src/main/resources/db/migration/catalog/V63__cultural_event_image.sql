-- An event's poster: one image per event, kept beside the event in PostgreSQL (every node of a cluster reads the same
-- bytes, and a backup of the database holds it) and never in Solr. The content type is the one sniffed from its first
-- bytes, sha256 (hex) names the version for its URL and ETag, alt_text describes it for people who cannot see it.
create table cultural_event_image (
    event_id bigint primary key references cultural_event (id) on delete cascade,
    content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes bytea not null,
    sha256 text not null,
    alt_text text not null check (alt_text <> ''),
    updated_at timestamptz not null default now()
);
