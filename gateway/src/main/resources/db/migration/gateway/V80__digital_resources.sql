-- Each site's list of digital resources (issue 20, point 3; seed 001: 数字服务): e-book platforms, databases, video and
-- audio collections, online courses, with how a resident gets in (open to all, with a library card, or at the site).
create table digital_resource (
    id          bigserial primary key,
    site_id     text not null,
    name        text not null,
    kind        text not null check (kind in ('ebooks', 'database', 'video', 'audio', 'course', 'other')),
    url         text not null,
    description text not null default '',
    access      text not null check (access in ('open', 'card', 'onsite')),
    active      boolean not null default true,
    added_by    text not null,
    added_at    timestamptz not null,
    unique (site_id, name)
);
