-- What could not be parsed, with its reason; the same payload in the same run is filed once.
INSERT INTO quarantine (quarantine_id, run_id, source, reason, payload, quarantined_at)
SELECT b.quarantine_id, b.run_id, b.source, b.reason, b.payload, b.quarantined_at
FROM batch_quarantine AS b
WHERE NOT EXISTS (SELECT 1 FROM quarantine AS q WHERE q.quarantine_id = b.quarantine_id);
