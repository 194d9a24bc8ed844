-- The matcher's candidates (as match_candidates.sql, in the same order) as the few columns ranking and
-- the profile's filters read, with a key of the text the index is built from (matching/index_file.py):
-- a listing's title and description change only when a crawl brings a new version (content_hash and
-- last_seen_at change with it) or when a contact is scrubbed (which deletes the index file), so the
-- key is read without reading any ad text. A row without a content_hash (written by hand) is keyed by
-- its text instead (match_candidate_text_keys.sql).
-- No column holds a NULL: the matcher fetches these as numpy arrays, and a NULL would make it a masked
-- array (importing numpy.ma costs a warm run 0.03 s of CPU). Empty text reads as no text; a salary of
-- -1 is "none stated" (the higher figure where the ad gives two, as the profile's minimum compares).
SELECT listing_id, hash(content_hash, last_seen_at) AS text_hash, content_hash IS NULL AS unkeyed,
       coalesce(title, '') AS title, coalesce(employer, '') AS employer,
       coalesce(english_ok, false) AS english_ok,
       coalesce(nullif(salary_max_nok, 0), salary_min_nok, -1) AS best_salary_nok,
       coalesce(city, '') AS city, coalesce(municipality, '') AS municipality, coalesce(county, '') AS county
FROM listings_now
WHERE (status = 'active' OR (? AND status = 'expired')) AND duplicate_of IS NULL
ORDER BY listing_id
