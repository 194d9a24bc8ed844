SELECT l.listing_id, left(l.description, 3000) AS description
FROM listings AS l JOIN batch_dedup_ids USING (listing_id);
