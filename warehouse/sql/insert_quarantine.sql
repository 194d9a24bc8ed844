-- What could not be parsed, with its reason, a bounded excerpt and the hash and length of the whole record;
-- the same record with the same reason in the same run is filed once.
INSERT INTO quarantine (quarantine_id, run_id, source, reason, payload, payload_sha256, payload_chars, quarantined_at)
SELECT b.quarantine_id, b.run_id, b.source, b.reason, b.payload, b.payload_sha256, b.payload_chars, b.quarantined_at
FROM batch_quarantine AS b
WHERE NOT EXISTS (SELECT 1 FROM quarantine AS q WHERE q.quarantine_id = b.quarantine_id);
