-- a number whose code was requested but not yet verified; the verified number stays in use until
-- the pending one is verified
alter table account add column pending_phone varchar(20);
