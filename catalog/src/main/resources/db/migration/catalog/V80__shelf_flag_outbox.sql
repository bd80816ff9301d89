-- Search's "on a shelf now" flag of a work (Solr's on_shelf, set in place) follows its copies more slowly than the
-- holdings lines do: the availability indexer writes here, in the transaction that takes the work's availability
-- change, whether a copy of the work is on a shelf; about once a second it sends the flags that differ from the index
-- and deletes the rows it sent. An in-place update makes Lucene write the field's column anew for every segment it
-- touches at the next commit, so flags go at most once a second, not at every availability commit.

create table shelf_flag_outbox (
    work_id  text primary key,
    on_shelf boolean not null
);
