-- Does the matcher's cache hold any of these lower-cased words (a contact's name parts)?
SELECT
    (SELECT count(*) FROM match_index_words WHERE list_contains($words, word))
    + (SELECT count(*) FROM match_index_terms WHERE list_contains($words, term) OR list_contains($words, lower(surface)));
