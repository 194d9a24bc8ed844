-- Mark the cached rows this run used (at most once a day per row, so a daily run rewrites little).
UPDATE match_index_rows
SET used_on = $today
WHERE analysis_version = $version
  AND used_on < $today
  AND text_key IN (SELECT text_key FROM match_index_wanted);
