-- Open information (公开信息, seeds 000 and 001; Public Library Law Arts. 42 and 47; issue 20): what central staff
-- publish to the public — a period's service report, a survey's results — and the record of each annual public
-- feedback meeting (群众反馈发布会: when, where, who came, what residents raised and what was done).
create table publication (
    kind         text not null check (kind in ('report', 'survey')),
    ref          text not null,
    title        text not null,
    published_at timestamptz not null,
    published_by text not null,
    primary key (kind, ref)
);

create table feedback_release (
    id           bigserial primary key,
    held_on      date not null,
    place        text not null,
    attendance   integer not null check (attendance >= 0),
    raised       text not null,
    answered     text not null,
    published_at timestamptz not null,
    published_by text not null
);
