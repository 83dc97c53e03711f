-- the last direct-message text per thread and recipient: a conditional update of this row takes
-- the 5-minute debounce slot, so concurrent events (on any instance) let exactly one through
create table dm_debounce (
  thread_id    varchar(64) not null,
  user_id      varchar(64) not null,
  last_sent_at timestamp with time zone,
  primary key (thread_id, user_id)
);
