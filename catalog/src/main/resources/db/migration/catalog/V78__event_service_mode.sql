-- The service mode of every event (issue 20, point 3; seed 001: 场馆服务、流动服务和数字服务): at a venue, brought by a
-- mobile service, or online; an online event's address (a stream, a recorded lecture).
alter table cultural_event add column service_mode text not null default 'venue'
    check (service_mode in ('venue', 'mobile', 'digital'));
alter table cultural_event add column online_url text;
update cultural_event set service_mode = 'mobile' where kind = 'mobile_stop';
