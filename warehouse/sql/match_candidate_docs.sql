-- The title and description of the matcher's candidates (as match_candidates.sql, in the same order):
-- what the index is built from when its stored copy is out of date (matching/candidates.py).
SELECT title, description
FROM listings_now
WHERE (status = 'active' OR (? AND status = 'expired')) AND duplicate_of IS NULL
ORDER BY listing_id
