-- A troupe's members, guidance records and volunteers are read by troupe (every troupe list counts its members, the
-- troupe page lists the rest), and a troupe's removal cascades to them: index the references, which had none.
create index troupe_member_troupe on troupe_member (troupe_id);
create index troupe_guidance_troupe on troupe_guidance (troupe_id, given_on);
create index volunteer_team on volunteer (team_id) where team_id is not null;
