-- The provider's id of each sent message, unique, in a narrow table of its own: a send then
-- changes no indexed column of sms_message, so its updates can be heap-only (no index entries),
-- and the log's other indexes are not written again for every status change. The column stays in
-- sms_message, unindexed, for the log's readers.
create table sms_provider_id (
  provider_message_id varchar(64) not null primary key,
  message_id          bigint not null
);
insert into sms_provider_id (provider_message_id, message_id)
  select provider_message_id, id from sms_message where provider_message_id is not null;
alter table sms_message drop constraint sms_message_provider_id_uq;
