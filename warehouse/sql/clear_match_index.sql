-- Drop the matcher's cache (safe: the next `match` builds it cold). Used when it holds a deactivated
-- ad's contact name as a word or term, which cannot be taken out of the shared vocabulary alone.
DELETE FROM match_index_rows;
DELETE FROM match_index_terms;
DELETE FROM match_index_words;
