-- 016: quarantine keeps a bounded excerpt of a record (pipeline/landing.py EXCERPT_CHARS), not a 20 MB page,
-- with the sha256 and length of the whole record so it can be recognised and fetched again (issue 14.13).
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS payload_sha256 VARCHAR;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS payload_chars BIGINT;
