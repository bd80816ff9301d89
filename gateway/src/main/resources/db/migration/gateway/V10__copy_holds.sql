-- A copy allocated to a hold carries the hold's pickup site and reader, so lending routes it there and knows who may
-- collect it.
alter table circulation_item add column held_pickup text, add column held_card text,
    add column held_since timestamptz;
