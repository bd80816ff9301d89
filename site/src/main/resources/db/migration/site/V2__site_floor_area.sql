-- A site's floor area open to the public, in square metres (registry key floor-area; issue 20, point 1: floor area
-- per head against the county's target). Null when not given.
alter table site add column floor_area numeric(10, 1) check (floor_area > 0);
