-- the limit a hit was taken against: a multi-row upsert compares each row's hits with its own
-- limit through excluded.hit_limit; stored rows keep the limit of their first hit, for reference
alter table rate_counter add column hit_limit int;
