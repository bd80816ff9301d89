-- A need stated by a signed-in reader is theirs: when it is answered, they are told by the channels they chose.
alter table demand_ticket add column reader_id bigint references reader (id) on delete set null;
