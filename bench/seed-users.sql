-- :users verified users u1..uN with numbers +12025000001.. and the opt-in verifying records
insert into account (user_id, username, timezone, phone_number, phone_verified, phone_verified_at,
  verified_phone, created_at, updated_at)
select 'u' || i, 'u' || i, 'UTC', '+1' || (2025000000 + i), true, now(), '+1' || (2025000000 + i),
  now(), now()
from generate_series(1, :users) i;
insert into consent_ledger (phone_number, user_id, action, method, occurred_at)
select '+1' || (2025000000 + i), 'u' || i, 'opt_in', 'api', now() from generate_series(1, :users) i;
analyze;
