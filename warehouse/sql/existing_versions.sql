-- What the warehouse holds already for the listings of a batch (to count new and changed ones).
SELECT l.listing_id, l.content_hash, l.status
FROM listings AS l
JOIN batch_listings AS b USING (listing_id);
