-- A record's electronic locations (MARC 856 $u, the resource itself or a version of it): the union catalogue marks the
-- work as online and links to it (issue 20, point 3: digital resources searchable with the print collection).
alter table bib_record add column links text[] not null default '{}';
