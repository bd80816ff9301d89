-- Rotating collections (图书流转): a rota is a list of stages (a site and how many days there), one-way or cyclic; a
-- batch of copies follows it. Each stage change creates the transfer that moves the batch.
create table rota (
    id          bigserial primary key,
    name        text not null,
    cyclic      boolean not null,
    created_by  text not null,
    created_at  timestamptz not null default now()
);

create table rota_stage (
    rota_id   bigint not null references rota (id),
    position  integer not null,
    site_id   text not null,
    days      integer not null check (days > 0),
    primary key (rota_id, position)
);

create table rotation_batch (
    id             bigserial primary key,
    rota_id        bigint not null references rota (id),
    stage          integer not null,
    stage_started  date not null,
    status         text not null,
    last_transfer  bigint references transfer (id)
);

create table rotation_item (
    batch_id  bigint not null references rotation_batch (id),
    item_site text not null,
    barcode   text not null,
    primary key (batch_id, item_site, barcode)
);
