-- Room on each page for the answer of an event: its row is inserted without one when the event is
-- claimed and updated with it before the commit. With room on the same page (the answer is a few
-- hundred bytes) and no indexed column changed, that update is heap-only instead of a new tuple
-- elsewhere, a search of the free space map and three index entries. Applies to pages written from
-- now on.
alter table platform_event set (fillfactor = 50);
