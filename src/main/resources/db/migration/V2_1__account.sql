-- the users the service knows, provisioned by the platform
create table account (
  user_id           varchar(64) primary key,
  username          varchar(150) not null,
  display_name      varchar(150),
  timezone          varchar(64) not null,
  phone_number      varchar(20),
  phone_verified    boolean not null default false,
  phone_verified_at timestamp with time zone,
  -- equals phone_number while it is verified: a number is verified by one account at most
  verified_phone    varchar(20),
  created_at        timestamp with time zone not null,
  updated_at        timestamp with time zone not null,
  constraint account_verified_phone_uq unique (verified_phone)
);
create index account_phone_idx on account (phone_number);
