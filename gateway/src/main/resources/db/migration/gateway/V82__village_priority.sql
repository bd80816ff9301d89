-- A village's priority for the mobile services (seed 001: 深入偏远乡镇、贫困村): remote or poor; its centre is
-- visited first and more often (branchlink.schedule.services.<service>.priority-weight).
alter table village add column priority text check (priority in ('remote', 'poor'));
