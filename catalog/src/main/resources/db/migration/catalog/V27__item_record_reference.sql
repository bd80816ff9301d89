-- A copy's record is checked by the code that writes both (WorkStore, in one transaction; deleting a record deletes
-- its copies in the same statement). The foreign key made every stored copy look its record up and lock its row: in a
-- first load, 1.2 M lookups and row locks (each a WAL record) for records inserted a moment before.
alter table item drop constraint item_site_id_record_id_fkey;
