-- A send changes a row's status twice (pending -> sending -> sent). With no index on status,
-- PostgreSQL can make the first change a heap-only update that writes no index entries. The admin
-- log filters by status only next to a time range, which the created_at index serves.
drop index sms_message_status_idx;
