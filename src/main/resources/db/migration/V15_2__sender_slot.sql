-- the next free send slot of each sender (epoch microseconds), shared by every instance: see
-- SMS_SENDER_RATE_LIMIT
create table sender_slot (
  sender    varchar(100) not null primary key,
  next_slot bigint not null
);

-- the send slot a waiting message holds, cleared when it is claimed
alter table sms_message add column rate_slot timestamp with time zone;
