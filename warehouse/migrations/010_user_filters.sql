-- 010: the user's own hiding rules and saved searches (issue 11). Like the job-hunt tables, nothing the
-- crawler or the ingest does ever writes here: they survive every re-crawl, re-ingest and migration.
CREATE TABLE IF NOT EXISTS blocked_employers (
    block_key   VARCHAR PRIMARY KEY,  -- 'name:<employer key>', 'orgnr:<9 digits>' or 'all_staffing_agencies'
    kind        VARCHAR NOT NULL,     -- name | orgnr | all_staffing_agencies
    value       VARCHAR,              -- the employer key or the organisation number
    written     VARCHAR,              -- as the user wrote it
    created_at  TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS dismissals (
    listing_id   VARCHAR PRIMARY KEY,  -- kept even after the listing expires or is deleted at the source
    reason       VARCHAR,
    dismissed_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS saved_searches (
    name          VARCHAR PRIMARY KEY,
    filters       VARCHAR NOT NULL,    -- the filter as JSON, in the vocabulary of `fjordjobs facets`
    cv_path       VARCHAR,
    profile_path  VARCHAR,
    created_at    TIMESTAMP NOT NULL,
    last_digest_at TIMESTAMP
);
-- What each saved search's digest has delivered: a listing comes again only when its title, deadline,
-- salary or language tag changed (the fingerprint).
CREATE TABLE IF NOT EXISTS digest_sent (
    search_name  VARCHAR NOT NULL,
    listing_id   VARCHAR NOT NULL,
    fingerprint  VARCHAR NOT NULL,
    sent_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (search_name, listing_id)
);
