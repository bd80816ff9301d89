-- A stop a coordinator moved by hand on the planning page (HandMove): shown as such in the timetable and on the map,
-- and carried along when a breakdown moves its whole run. Who moved it and when is in the audit log (STOP_MOVED).
alter table mobile_visit add column by_hand boolean not null default false;
