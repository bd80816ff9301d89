-- The audit log: sign-ins (failed, and successful through the login form), refusals, and privileged actions
-- (registry changes, copies marked lost or missing, conflicts overridden, exports). Read by central staff through
-- /actuator/auditevents. Never a reader's card or ID number: principals are staff accounts and site systems.
create table audit_event (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    principal text not null,
    type text not null,
    data jsonb not null default '{}'
);

create index audit_event_at on audit_event (at);
create index audit_event_principal on audit_event (principal, at);
