-- Drop what no run can use any more: other analysis versions, and texts unused since $cutoff.
DELETE FROM match_index_rows WHERE analysis_version <> $version OR used_on < $cutoff;
DELETE FROM match_index_terms WHERE analysis_version <> $version;
DELETE FROM match_index_words WHERE analysis_version <> $version;
