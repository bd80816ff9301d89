-- Mobile visits made, not only planned (issue 20, point 6): the crew checks in at the stop with the head count, or
-- records why the stop was missed; the figures count the visits made.
alter table mobile_visit add column arrived_at timestamptz;
alter table mobile_visit add column head_count integer check (head_count >= 0);
alter table mobile_visit add column missed_reason text;
alter table mobile_visit add column recorded_by text;
alter table mobile_visit add constraint mobile_visit_made_or_missed check (arrived_at is null or missed_reason is null);
create index mobile_visit_made on mobile_visit (day) where arrived_at is not null;
