-- The full history of every application, for export.
SELECT e.application_id, a.employer, a.title, e.seq, e.status, e.event_date, e.note, e.recorded_at
FROM application_events e
JOIN applications a ON a.application_id = e.application_id
ORDER BY e.application_id, e.event_date, e.seq
