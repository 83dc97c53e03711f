-- a counter window is forgotten as soon as it is over: each row says when its window ends
alter table rate_counter add column window_end timestamp with time zone;
create index rate_counter_window_end_idx on rate_counter (window_end);
