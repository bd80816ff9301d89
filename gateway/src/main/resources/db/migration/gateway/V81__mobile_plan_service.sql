-- Mobile plans per service (books, performance, film: seed 001's 流动服务) and per-stop visits: a priority stop (the
-- centre of a remote or poor village) needs more visits than the plan's usual k. stop_visits runs parallel to stops;
-- null: every stop needs visits_per_stop. One active plan per service and period start.
alter table mobile_plan add column service text not null default 'books'
    check (service in ('books', 'performance', 'film'));
alter table mobile_plan add column stop_visits integer[];
drop index mobile_plan_active_period;
create unique index mobile_plan_active_period on mobile_plan (service, period_from) where status = 'active';
