-- Listings that take part in duplicate detection: everything not withdrawn by its source.
SELECT listing_id, source, title, employer, city, first_seen_at, left(description, 3000) AS description
FROM listings WHERE status <> 'inactive';
