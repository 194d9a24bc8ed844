SELECT seq, status, event_date, note, recorded_at
FROM application_events
WHERE application_id = $1
ORDER BY event_date, seq
