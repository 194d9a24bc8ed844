-- Words analysed in this run, from the Arrow table the matcher registers as `match_index_new_words`
-- (another process may have stored some of them meanwhile: those are left out).
INSERT INTO match_index_words
SELECT $version, n.word, n.terms_no, n.terms_en
FROM match_index_new_words AS n
WHERE n.word NOT IN (SELECT word FROM match_index_words WHERE analysis_version = $version)
