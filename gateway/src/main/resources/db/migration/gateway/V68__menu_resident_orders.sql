-- Residents and village committees order from the menu (点单) for their village (issue 20): who placed an order,
-- the committee's name, and the reader who placed it (told of the decision by the channels they chose).
alter table menu_order add column requested_by text not null default 'site'
    check (requested_by in ('site', 'resident', 'committee'));
alter table menu_order add column committee text;
alter table menu_order add column reader_id bigint references reader (id) on delete set null;
create index menu_order_reader on menu_order (reader_id) where reader_id is not null;
