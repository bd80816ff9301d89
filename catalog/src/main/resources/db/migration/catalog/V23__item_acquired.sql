-- The day a copy entered the collection, where the holdings say (Koha 952$d / 995$5, a spreadsheet's 入藏日期, a pushed
-- item's "acquired"): new acquisitions may be kept for local readers' holds first.
alter table item add column acquired_on date;
create index item_acquired on item (acquired_on) where acquired_on is not null;
