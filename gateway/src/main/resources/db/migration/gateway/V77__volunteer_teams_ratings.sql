-- Volunteers (issue 20, point 8): a volunteer serves in a team (a registered team of the troupe registry, such as a
-- 文化志愿服务队), and staff rate a service when they confirm its hours (1–5, optional).
alter table volunteer add column team_id bigint references amateur_troupe (id) on delete set null;
alter table volunteer_hours add column rating smallint check (rating between 1 and 5);
