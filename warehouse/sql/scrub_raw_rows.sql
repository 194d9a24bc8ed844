-- Every raw row of the listings this batch deactivated: the contact persons are read from them, then
-- taken out of each (pipeline/scrub.py). Earlier deactivations were scrubbed by their own ingest.
SELECT r.listing_id, r.content_hash, r.payload::VARCHAR AS payload, r.fields::VARCHAR AS fields
FROM raw_listings AS r
JOIN batch_inactive AS b USING (listing_id)
JOIN listings AS l USING (listing_id)
WHERE l.status = 'inactive'
ORDER BY r.listing_id, r.fetched_at;
