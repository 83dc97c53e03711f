-- erasure finds a user's rows in tables keyed by challenge or thread; retention finds ended ones
create index challenge_participant_user_idx on challenge_participant (user_id);
create index challenge_reminder_user_idx on challenge_reminder (user_id);
create index challenge_reminder_created_idx on challenge_reminder (created_at);
create index challenge_deadline_idx on challenge (deadline);
create index dm_debounce_user_idx on dm_debounce (user_id);
