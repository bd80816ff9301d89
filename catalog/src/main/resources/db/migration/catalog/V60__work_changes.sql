-- OAI-PMH (the provider's datestamps and incremental harvests): when each work last changed, that is when records or
-- copies of it were stored, changed or removed, or a copy's availability changed. Null until the work's first records
-- are stored (a work created by a batch that died before its records were stored was never published). Works are never
-- deleted: a work whose records are all gone keeps its row with the time they went, which is its tombstone
-- (deletedRecord "persistent").
alter table work add column changed_at timestamptz;
update work w set changed_at = w.created_at where exists (select 1 from bib_record r where r.work_id = w.id);
create index work_changed on work (changed_at, id) where changed_at is not null;
-- events are listed by their last change too
create index cultural_event_changed on cultural_event (updated_at, id);
