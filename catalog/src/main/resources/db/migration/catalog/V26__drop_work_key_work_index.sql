-- No query looks keys up by their work (merging looks works up by key, through the primary key), and works are never
-- deleted: the index on work_key.work_id only cost every new key an insert.
drop index work_key_work;
