-- The listings `match` ranks: active and not a duplicate of another.
SELECT count(*) FROM listings WHERE status = 'active' AND duplicate_of IS NULL;
