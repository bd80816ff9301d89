-- Borrow anywhere looks a copy up by its barcode alone, everything else by (site, barcode): one unique index on
-- (barcode, site_id) serves both, so the separate index on barcode goes. A first load of the county's 1.2 M copies
-- paid one index insert per copy for it.
alter table item drop constraint item_pkey;
alter table item add primary key (barcode, site_id);
drop index item_barcode;
