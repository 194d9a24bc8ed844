-- The listings the matcher ranks: active and not a duplicate of another. A template: `warehouse.db.expand`
-- fills the columns marker with the listing's declared columns (pipeline/listing.py), read back as `Listing`s.
SELECT {{columns}}
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL
ORDER BY listing_id
