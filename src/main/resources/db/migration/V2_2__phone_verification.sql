-- ids of issued codes: each code's SMS is keyed by its id, unique across users and erasures
create sequence phone_verification_code_seq;

-- one row per user who asked for a code: the live code (only its HMAC) and the resend streak
create table phone_verification (
  user_id             varchar(64) primary key,
  -- the live code, bound to the number it was sent to; all null when none is live
  code_id             bigint,
  phone_number        varchar(20),
  code_hmac           varchar(64),
  expires_at          timestamp with time zone,
  attempts            int not null default 0,
  -- codes sent in a row, each within the streak reset of the previous: drives the cooldown
  streak              int not null,
  last_sent_at        timestamp with time zone not null,
  resend_available_at timestamp with time zone not null,
  updated_at          timestamp with time zone not null
);
