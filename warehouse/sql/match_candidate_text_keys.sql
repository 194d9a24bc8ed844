-- A key of the title and description of the matcher's candidates that have no content_hash (rows not
-- written by the pipeline), in candidate order: see match_candidate_rows.sql.
SELECT hash(title, description) AS text_hash
FROM listings_now
WHERE (status = 'active' OR (? AND status = 'expired')) AND duplicate_of IS NULL AND content_hash IS NULL
ORDER BY listing_id
