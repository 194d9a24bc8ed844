-- 003: match results. One row per matcher run, one per ranked listing, so a report and an SQL query
-- read the same numbers (scores are stored rounded, as reports show them).

CREATE TABLE IF NOT EXISTS match_runs (
    run_id           VARCHAR PRIMARY KEY,
    created_at       TIMESTAMP NOT NULL,
    on_date          DATE NOT NULL,          -- the day flags (deadline, permit thresholds) were computed for
    cv_file          VARCHAR NOT NULL,
    cv_sha256        VARCHAR NOT NULL,
    profile          JSON NOT NULL,
    scoring_version  VARCHAR NOT NULL,       -- bump when the analyzer, weights or glossary change
    candidates       INTEGER NOT NULL,       -- active, non-duplicate listings considered
    filtered         INTEGER NOT NULL,       -- left out by the profile (english_only, exclude, must_have, salary)
    ranked           INTEGER NOT NULL        -- rows stored in matches
);

CREATE TABLE IF NOT EXISTS matches (
    run_id                VARCHAR NOT NULL,
    listing_id            VARCHAR NOT NULL,
    rank                  INTEGER NOT NULL,
    score                 DOUBLE NOT NULL,   -- cosine in [0, 1], times the profile's place preference
    top_terms             JSON,              -- [[term, contribution], ...] shared with the CV
    missing_terms         JSON,              -- [term, ...] the ad stresses and the CV lacks
    flags                 JSON,              -- ["permit_salary_ok", "part_time", ...]
    permit_salary         VARCHAR,           -- ok | below | unknown
    permit_threshold_nok  INTEGER,
    extent_ok             BOOLEAN,
    why                   VARCHAR,
    PRIMARY KEY (run_id, listing_id)
);
