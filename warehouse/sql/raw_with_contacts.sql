-- Raw payloads of the listings this batch deactivated that still carry contact persons (personal data
-- NAV's terms forbid keeping). Earlier deactivations were purged by their own ingest.
SELECT r.listing_id, r.content_hash, r.payload::VARCHAR AS payload
FROM raw_listings AS r
JOIN batch_inactive AS b USING (listing_id)
JOIN listings AS l USING (listing_id)
WHERE l.status = 'inactive' AND r.payload::VARCHAR LIKE '%"contactList"%';
