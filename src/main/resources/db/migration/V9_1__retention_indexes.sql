-- the hourly retention job deletes idempotency keys older than their retention (7 days)
create index platform_event_created_idx on platform_event (created_at);
