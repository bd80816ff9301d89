-- Works are created and never deleted (a work whose records all went is dropped from the index, its row and keys
-- stay for the next record with one of its keys), so a record's or a key's work always exists without a check. The
-- foreign keys to it made every stored record and key look the work up and lock its row.
alter table bib_record drop constraint bib_record_work_id_fkey;
alter table work_key drop constraint work_key_work_id_fkey;
