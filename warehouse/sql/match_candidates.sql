-- The listings the matcher ranks: active today (status decided at read time, listings_now) and not a
-- duplicate of another; with ? = true, expired ones too (the user asked for them). A template:
-- `warehouse.db.expand` fills the columns marker with the listing's declared columns
-- (pipeline/listing.py), read back as `Listing`s.
SELECT {{columns}}
FROM listings_now
WHERE (status = 'active' OR (? AND status = 'expired')) AND duplicate_of IS NULL
ORDER BY listing_id
