-- every PUT and DELETE of a challenge gives it a new version from this sequence (never reused, also
-- after a DELETE and a new PUT of the same id); its reminder executions are named after the version
-- they were scheduled for ('24h@7:c1'), and a run of a version that is no longer current sends
-- nothing. Challenges stored before have version 0, which names the executions of that time ('24h:c1').
create sequence challenge_version_seq start with 1;
alter table challenge add column version bigint not null default 0;
