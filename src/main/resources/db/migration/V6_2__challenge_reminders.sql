-- challenges the platform asked to be reminded of, and their participants
create table challenge (
  id            varchar(64) primary key,
  title         varchar(200) not null,
  challenge_url varchar(500) not null,
  deadline      timestamp with time zone not null,
  updated_at    timestamp with time zone not null
);

create table challenge_participant (
  challenge_id varchar(64) not null references challenge (id) on delete cascade,
  user_id      varchar(64) not null,
  submitted_at timestamp with time zone,
  primary key (challenge_id, user_id)
);

-- one row per challenge, participant and window ('24h', '1h') that was decided: the key makes a
-- reminder happen at most once across reruns, restarts and instances; kept when the challenge goes
create table challenge_reminder (
  challenge_id    varchar(64) not null,
  user_id         varchar(64) not null,
  reminder_window varchar(4) not null,
  created_at      timestamp with time zone not null,
  primary key (challenge_id, user_id, reminder_window),
  constraint challenge_reminder_window_ck check (reminder_window in ('24h', '1h'))
);
