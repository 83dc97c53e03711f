-- Room on each page of the log for the new versions of its rows: a send updates a row twice
-- (claimed, then sent) and status callbacks once or twice more; with room on the same page and
-- no indexed column changed, PostgreSQL makes these updates heap-only. Applies to pages written
-- from now on.
alter table sms_message set (fillfactor = 70);
