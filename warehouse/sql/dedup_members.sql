-- The listings of one chunk of shared blocks, with the start of their descriptions (enough to compare).
SELECT l.listing_id, l.source, l.title, l.employer, l.city, l.municipality, l.first_seen_at,
       left(l.description, 3000) AS description
FROM listings AS l JOIN batch_dedup_ids USING (listing_id);
