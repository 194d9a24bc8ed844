-- 005: the matcher's index cache (matching/index_cache.py). Analysing an ad's text is the slow part of
-- building the TF-IDF index and its result never changes for the same text, so each analysed text is
-- kept: the summed section weight of each of its terms. IDF and norms depend on the whole set of active
-- listings and are recomputed every run from these rows. Keyed by a digest of the ad's title and
-- description (not the listing's content_hash, which also changes with salary, dates or status) and by
-- the analysis version: rows of any other version are deleted when a new version writes.

CREATE TABLE IF NOT EXISTS match_index_terms (
    analysis_version  VARCHAR NOT NULL,   -- scoring version / row format
    term_id           INTEGER NOT NULL,   -- dense from 0 within a version; rows refer to it
    term              VARCHAR NOT NULL,   -- as the analyzer emits it: a stem, or an @concept
    surface           VARCHAR             -- a word the term came from, for explanations
);

CREATE TABLE IF NOT EXISTS match_index_rows (
    analysis_version  VARCHAR NOT NULL,
    text_key          VARCHAR NOT NULL,   -- blake2b-128 of title and description
    term_ids          INTEGER[] NOT NULL, -- match_index_terms.term_id of the same version
    weights           DOUBLE[] NOT NULL,  -- summed section weight per term, before tf damping and idf
    used_on           DATE NOT NULL       -- last day a match run asked for it; old rows are pruned
);
