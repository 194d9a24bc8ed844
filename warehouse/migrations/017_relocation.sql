-- 017: relocation help an ad offers (pipeline/relocation.py), stored so the `relocation` filter of issue 11
-- means the same in `match` flags, the profile, saved searches and the `listing_search` view. Rows loaded
-- before this migration get it the next time a crawl sees their ad.
ALTER TABLE listings ADD COLUMN IF NOT EXISTS relocation BOOLEAN;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS relocation_evidence VARCHAR;
