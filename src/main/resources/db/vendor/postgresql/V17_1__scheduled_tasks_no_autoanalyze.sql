-- The scheduler's table is a queue: a task lives from its event's commit until its send, a fraction
-- of a second, so it holds a few hundred rows whatever the rate, and autovacuum's analyze thresholds
-- (50 rows + 10 %) made PostgreSQL analyze it at each of its visits, every minute. Each analysis of
-- a queue caught at one instant tells the planner nothing new (every query on it goes by an index)
-- and invalidates the plans every connection has cached for it, to be made again on their next use.
-- Vacuum still runs as before; only the analysis is left out.
alter table scheduled_tasks set (autovacuum_analyze_threshold = 2000000000);
