-- One row per distinct version of a listing (a retitled ad keeps its old title here).
INSERT INTO listing_versions (listing_id, content_hash, version_key, seen_at, title, employer, status)
SELECT b.listing_id, b.content_hash, b.version_key, b.last_seen_at, b.title, b.employer, b.status
FROM batch_listings AS b
WHERE NOT EXISTS (
    SELECT 1 FROM listing_versions AS v WHERE v.listing_id = b.listing_id AND v.content_hash = b.content_hash
);
