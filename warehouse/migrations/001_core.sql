-- 001: the core tables. Contract columns of `listings` follow DESIGN.md; extra columns come after them.

CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id        VARCHAR PRIMARY KEY,   -- one per crawl (or per ingested landing file)
    source        VARCHAR NOT NULL,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,      -- 'ok', 'failed'
    reason        VARCHAR,               -- why a run failed, in one line
    items         INTEGER DEFAULT 0,     -- records read from the landing file
    new_listings  INTEGER DEFAULT 0,
    updated       INTEGER DEFAULT 0,
    deactivated   INTEGER DEFAULT 0,
    quarantined   INTEGER DEFAULT 0,
    requests      INTEGER,               -- HTTP requests the spider made, when known
    landing_file  VARCHAR,
    landing_sha256 VARCHAR               -- the landing file's hash: the same file is never loaded twice
);

-- Every record as fetched, append-only: normalisation can be re-run from here without re-crawling.
CREATE TABLE IF NOT EXISTS raw_listings (
    listing_id    VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    url           VARCHAR,
    fetched_at    TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL,      -- the source's own word: ACTIVE / INACTIVE
    version_key   VARCHAR,               -- NAV's sistEndret, or a hash of the page content
    content_hash  VARCHAR NOT NULL,      -- sha256 of payload + fields: makes re-ingest idempotent
    payload       JSON,                  -- as received (API JSON, or JSON-LD / embedded JSON + ad text)
    fields        JSON,                  -- what the spider's extractor read from the payload
    PRIMARY KEY (listing_id, content_hash)
);

CREATE TABLE IF NOT EXISTS listings (
    listing_id            VARCHAR PRIMARY KEY,
    source                VARCHAR NOT NULL,
    source_id             VARCHAR NOT NULL,
    url                   VARCHAR,
    title                 VARCHAR,
    employer              VARCHAR,
    description           VARCHAR,
    city                  VARCHAR,
    municipality          VARCHAR,
    county                VARCHAR,
    published_at          TIMESTAMP,
    expires_at            TIMESTAMP,
    application_deadline  DATE,
    extent_pct            INTEGER,
    temporary             BOOLEAN,
    staffing_agency       BOOLEAN,
    education             VARCHAR,
    salary_min_nok        INTEGER,
    salary_max_nok        INTEGER,
    salary_text           VARCHAR,
    english_ok            BOOLEAN,
    language_requirement  VARCHAR,
    language_evidence     VARCHAR,
    status                VARCHAR NOT NULL,
    first_seen_at         TIMESTAMP,
    last_seen_at          TIMESTAMP,
    duplicate_of          VARCHAR,
    -- beyond the contract
    engagement            VARCHAR,       -- Fast, Vikariat, Engasjement, ... as the source says it
    sector                VARCHAR,
    occupation            VARCHAR,       -- the source's category, e.g. 'IT / Utvikling'
    salary_basis          VARCHAR,       -- 'stated', 'monthly', 'hourly', 'pay_scale:2022-05-01', ...
    version_key           VARCHAR,
    content_hash          VARCHAR,
    inactive_since        TIMESTAMP,
    normalised_at         TIMESTAMP
);

-- One row per distinct version of a listing, so a retitled ad keeps its history.
CREATE TABLE IF NOT EXISTS listing_versions (
    listing_id    VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    version_key   VARCHAR,
    seen_at       TIMESTAMP NOT NULL,
    title         VARCHAR,
    employer      VARCHAR,
    status        VARCHAR,
    PRIMARY KEY (listing_id, content_hash)
);

CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id   VARCHAR PRIMARY KEY,  -- sha256 of run + payload: re-ingest adds nothing
    run_id          VARCHAR,
    source          VARCHAR,
    reason          VARCHAR NOT NULL,
    payload         VARCHAR,              -- kept as text: it may not be valid JSON
    quarantined_at  TIMESTAMP NOT NULL
);

-- Named cursors and other per-source crawl state (NAV's feed cursor lives here).
CREATE TABLE IF NOT EXISTS crawl_state (
    source      VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    value       VARCHAR,
    updated_at  TIMESTAMP,
    PRIMARY KEY (source, key)
);
