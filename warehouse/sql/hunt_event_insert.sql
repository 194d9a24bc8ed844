-- Append one status change; seq numbers the events of one application in the order recorded.
INSERT INTO application_events (application_id, seq, status, event_date, note, recorded_at)
SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, current_timestamp
FROM application_events
WHERE application_id = $1
