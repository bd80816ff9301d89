-- How many times each site's records were written. A batch takes the site's row (it serialises the site's writes in
-- place of an advisory lock) and counts up; a look at the site's records taken before, outside the lock, still holds
-- when the count moved by exactly this batch's write, so a batch reads the site's records once instead of twice.
create table site_record_writes (
    site_id text primary key,
    writes  bigint not null
);
