-- The current status is the latest event by date (ties: the one recorded last), so a back-dated
-- event lands in its place in the history without overriding a newer one.
UPDATE applications
SET status = latest.status, status_date = latest.event_date, updated_at = current_timestamp
FROM (
    SELECT status, event_date
    FROM application_events
    WHERE application_id = $1
    ORDER BY event_date DESC, seq DESC
    LIMIT 1
) AS latest
WHERE applications.application_id = $1
