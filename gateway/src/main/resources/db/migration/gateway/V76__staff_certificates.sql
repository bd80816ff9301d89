-- Staff certificates with their expiry (issue 20, point 8): a professional title, a station head's post certificate, a
-- first-aid certificate; the staffing page warns of those expired or expiring.
create table staff_certificate (
    id          bigserial primary key,
    staff_id    bigint not null references staff_member (id),
    name        text not null,
    number      text not null default '',
    issued_on   date not null,
    expires_on  date check (expires_on is null or expires_on > issued_on)
);
create index staff_certificate_staff on staff_certificate (staff_id);
create index staff_certificate_expiry on staff_certificate (expires_on) where expires_on is not null;
