-- The analysed words of one analysis version.
SELECT word, terms_no, terms_en
FROM match_index_words
WHERE analysis_version = $version
