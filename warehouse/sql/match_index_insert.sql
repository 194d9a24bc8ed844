-- New terms and new rows, from the Arrow tables the matcher registers as `match_index_new_terms`
-- (term_id, term, surface) and `match_index_new_rows` (text_key, term_ids, weights).
INSERT INTO match_index_terms
SELECT $version, term_id, term, surface FROM match_index_new_terms;
INSERT INTO match_index_rows
SELECT $version, text_key, term_ids, weights, $today FROM match_index_new_rows;
