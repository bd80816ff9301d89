-- Residents sign up as volunteers on a public form (issue 20, point 8): an application (inactive until the staff of its
-- home site accept it, or decline it with a reason).
alter table volunteer add column applied_at timestamptz;
alter table volunteer add column decided_at timestamptz;
alter table volunteer add column declined_reason text;
create index volunteer_applications on volunteer (home_site) where applied_at is not null and decided_at is null;
