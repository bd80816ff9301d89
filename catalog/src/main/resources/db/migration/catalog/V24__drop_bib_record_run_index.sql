-- A full run removes the site's records it did not see (last_run <> the run): that reads the site's records through
-- the primary key (site_id, record_id) as well as through this index, which every stored record paid for and which
-- made marking records seen again (last_run) a non-HOT update. A first load of 1M records stores faster without it.
drop index bib_record_run;
