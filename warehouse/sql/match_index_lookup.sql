-- Cached rows for the texts the matcher registers as `match_index_wanted` (text_key, pos).
SELECT w.pos, r.term_ids, r.weights
FROM match_index_wanted AS w
JOIN match_index_rows AS r ON r.text_key = w.text_key
WHERE r.analysis_version = $version
