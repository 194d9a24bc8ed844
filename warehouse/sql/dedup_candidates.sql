-- Listings that take part in duplicate detection: everything not withdrawn by its source. No descriptions
-- here: those are read only for listings that share a block (dedup_descriptions).
SELECT listing_id, source, title, employer, city, municipality, first_seen_at
FROM listings WHERE status <> 'inactive';
