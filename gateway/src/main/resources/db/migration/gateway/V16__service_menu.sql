-- The service menu (菜单式/点单式): items providers publish with a quantity per period; orders from village and
-- community centres within that quota; central approval and scheduling (an event at the ordering site); delivery
-- and the host's rating.
create table menu_item (
    id bigserial primary key,
    provider_site text not null,
    category text not null,
    title text not null,
    content text not null default '',
    unit text not null,
    quantity_per_period integer not null check (quantity_per_period > 0),
    period text not null check (period in ('month', 'quarter', 'year')),
    audience text[] not null default '{}',
    duration_minutes integer not null default 120 check (duration_minutes > 0),
    active boolean not null default true,
    created_at timestamptz not null default now()
);

create table menu_order (
    id bigserial primary key,
    item_id bigint not null references menu_item (id),
    ordering_site text not null,
    wanted_date date not null,
    quantity integer not null default 1 check (quantity > 0),
    note text not null default '',
    status text not null check (status in ('requested', 'scheduled', 'delivered', 'rejected', 'cancelled')),
    period_start date not null,
    created_at timestamptz not null default now(),
    decided_at timestamptz,
    reason text,
    event_id bigint references cultural_event (id),
    delivered_at timestamptz,
    attendance integer check (attendance >= 0),
    rating smallint check (rating between 1 and 5),
    rating_comment text
);
create index menu_order_quota on menu_order (item_id, period_start, status);
create index menu_order_site on menu_order (ordering_site, period_start);
