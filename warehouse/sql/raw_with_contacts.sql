-- Raw payloads of inactive listings that still carry contact persons (personal data NAV's terms forbid keeping).
SELECT r.listing_id, r.content_hash, r.payload::VARCHAR AS payload
FROM raw_listings AS r
JOIN listings AS l USING (listing_id)
WHERE l.status = 'inactive' AND r.payload::VARCHAR LIKE '%"contactList"%';
