-- 004: the job hunt (issue 7): applications with their history, follow-ups done, network contacts,
-- contact touches and weekly targets.
--
-- This is the user's own work, so none of these tables references `listings` with a foreign key:
-- ingest rewrites and expires listings, and a migration may rebuild that table. An application keeps
-- the listing_id plus a snapshot of what the listing said when it was first tracked.

-- One row per application: its current status, recomputed from application_events after each change.
CREATE TABLE IF NOT EXISTS applications (
    application_id  VARCHAR PRIMARY KEY,   -- the listing_id, or 'open:<slug>' for an open application
    listing_id      VARCHAR,               -- NULL for an open application (no listing)
    kind            VARCHAR NOT NULL,      -- 'listing' (targeted) or 'open'
    title           VARCHAR,               -- snapshot at tracking time
    employer        VARCHAR,               -- snapshot at tracking time
    url             VARCHAR,               -- snapshot at tracking time
    status          VARCHAR NOT NULL,      -- saved|applied|interview|offer|accepted|rejected|withdrawn
    status_date     DATE NOT NULL,         -- the date of the event that set the current status
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

-- Every status change, append-only: the history of an application.
CREATE TABLE IF NOT EXISTS application_events (
    application_id  VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,      -- 1, 2, 3 ... per application, in the order recorded
    status          VARCHAR NOT NULL,
    event_date      DATE NOT NULL,         -- the day it happened (--date), not the day it was typed
    note            VARCHAR,
    recorded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- Follow-ups the user has done (or dismissed); anchor_date ties one to the event that caused it, so a
-- second interview brings a new thank-you.
CREATE TABLE IF NOT EXISTS followups_done (
    application_id  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- thank_you | status_call | ghosted
    anchor_date     DATE NOT NULL,
    done_on         DATE NOT NULL,
    PRIMARY KEY (application_id, kind, anchor_date)
);

CREATE TABLE IF NOT EXISTS contacts (
    contact_id      INTEGER PRIMARY KEY,
    name            VARCHAR NOT NULL,
    employer        VARCHAR,               -- as the user typed it
    employer_key    VARCHAR,               -- normalised (hunt.contacts.employer_key), for per-employer counts
    relation        VARCHAR NOT NULL,      -- close|acquaintance|current_colleague|former_colleague|peripheral|same_employer_other_time
    channel         VARCHAR,               -- how to reach them: linkedin, email, phone, ...
    recruiter       BOOLEAN NOT NULL DEFAULT false,  -- a touch of a recruiter counts as a recruiter message
    last_contact    DATE,
    note            VARCHAR,
    created_at      TIMESTAMP NOT NULL
);

-- Every contact made, append-only: the weekly plan counts recruiter messages from here.
CREATE TABLE IF NOT EXISTS contact_touches (
    contact_id      INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    touched_on      DATE NOT NULL,
    note            VARCHAR,
    recorded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (contact_id, seq)
);

-- Weekly targets the user changed; the defaults live in hunt/weekly.py.
CREATE TABLE IF NOT EXISTS hunt_targets (
    target          VARCHAR PRIMARY KEY,   -- applications | open_applications | recruiter_messages
    per_week        INTEGER NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
