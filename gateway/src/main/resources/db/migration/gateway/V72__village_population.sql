-- The resident population by village and community (issue 20, point 1): every village and community of the county by
-- its 12-digit area code (统计用区划代码), its resident population, and the centre that serves it; imported whole from
-- the statistics bureau's list (CSV or XLSX). Township figures sum their villages'.
create table village (
    area_code  char(12) primary key,
    name       text not null,
    residents  integer not null check (residents >= 0),
    served_by  text,
    updated_at timestamptz not null,
    updated_by text not null
);
create index village_township on village (substring(area_code from 1 for 9));
