-- 006: the matcher's word memo (matching/index_cache.py). Running a word through the analyzer (stop
-- words, glossary, Snowball stem, compound split) costs about 0.1 ms, and a day's changed ads bring
-- tens of thousands of distinct words; what each word stands for never changes within an analysis
-- version, so each is analysed once and read back by later runs. Pruned with the version, like 005.

CREATE TABLE IF NOT EXISTS match_index_words (
    analysis_version  VARCHAR NOT NULL,
    word              VARCHAR NOT NULL,   -- a lower-cased word token, as Analyzer.words emits it
    terms_no          VARCHAR[] NOT NULL, -- Analyzer.terms(word, 'no')
    terms_en          VARCHAR[] NOT NULL  -- Analyzer.terms(word, 'en')
);
