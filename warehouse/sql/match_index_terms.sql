-- The term list of one analysis version, in id order (ids are dense from 0).
SELECT term_id, term, surface
FROM match_index_terms
WHERE analysis_version = $version
ORDER BY term_id
