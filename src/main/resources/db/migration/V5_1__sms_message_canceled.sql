-- a message the send-time re-check refused (STOP, consent withdrawn, category off, number changed,
-- recipient gone) ends canceled, with the reason in error_code; it never reached the provider
alter table sms_message drop constraint sms_message_status_ck;
alter table sms_message add constraint sms_message_status_ck check (status in
  ('pending', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'expired', 'canceled'));
