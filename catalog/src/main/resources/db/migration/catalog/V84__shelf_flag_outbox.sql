-- Search's "on a shelf now" flag of a work (Solr's on_shelf, set in place) follows its copies more slowly than the
-- holdings lines do: the availability indexer writes here, in the transaction that takes the work's availability
-- change, the work's new flag when it differs from the index (and deletes the row when it no longer does); about once
-- a second it sends the flags that still differ and deletes the rows it took. An in-place update makes Lucene write the field's column anew for every segment it
-- touches at the next commit, so flags go at most once a second, not at every availability commit.

create table shelf_flag_outbox (
    work_id  text primary key,
    on_shelf boolean not null
);
