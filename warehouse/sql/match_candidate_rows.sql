-- The matcher's candidates (as match_candidates.sql, in the same order) as the few columns ranking and
-- the profile's filters read, with a hash of the text the index is built from: a warm `fjordjobs match`
-- checks its stored index against these hashes (matching/index_file.py) and reads no ad text.
SELECT listing_id, hash(title, description) AS text_hash, title, employer, english_ok,
       salary_min_nok, salary_max_nok, city, municipality, county
FROM listings_now
WHERE (status = 'active' OR (? AND status = 'expired')) AND duplicate_of IS NULL
ORDER BY listing_id
