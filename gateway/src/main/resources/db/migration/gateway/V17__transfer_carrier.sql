-- A transfer to a stop that a mobile unit serves rides on the unit's next planned visit there (a rotating collection
-- on a bookmobile): the unit and the day, shown on the transfer and its slip.
alter table transfer add column carrier_unit text, add column carrier_day date;
