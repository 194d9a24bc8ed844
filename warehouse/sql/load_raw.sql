-- Append the batch's raw records that are not stored yet (same listing, same content = same record).
INSERT INTO raw_listings (listing_id, run_id, source, source_id, url, fetched_at, status, version_key, content_hash, payload, fields)
SELECT b.listing_id, b.run_id, b.source, b.source_id, b.url, b.fetched_at, b.status, b.version_key, b.content_hash,
       b.payload, b.fields  -- orjson wrote them: valid JSON already, no need to parse them again
FROM batch_raw AS b
WHERE NOT EXISTS (
    SELECT 1 FROM raw_listings AS r WHERE r.listing_id = b.listing_id AND r.content_hash = b.content_hash
);
