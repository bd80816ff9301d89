-- The availability outbox becomes an append-only log: a copy's state change inserts a row instead of updating its
-- work's one row. With one row per work, a checkin right after a checkout of the same work waited for the indexer's
-- whole batch (it holds its rows until Solr commits); now nothing waits. The indexer takes rows in seq order, sends
-- each work once per batch and keeps two nodes from sending one work at once with an advisory lock per work.

alter table availability_outbox drop constraint availability_outbox_pkey;
drop index availability_outbox_seq;
alter table availability_outbox alter column seq set default nextval('availability_seq');
alter table availability_outbox add primary key (seq);
