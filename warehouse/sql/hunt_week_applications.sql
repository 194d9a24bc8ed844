-- Applications sent between $1 and $2 (inclusive), by kind: each counts once, on the date of its first
-- 'applied' event, so re-logging an old application does not count it again.
WITH first_applied AS (
    SELECT application_id, min(event_date) AS applied_on
    FROM application_events
    WHERE status = 'applied'
    GROUP BY application_id
)
SELECT a.kind, count(*) AS applications
FROM first_applied f
JOIN applications a ON a.application_id = f.application_id
WHERE f.applied_on BETWEEN $1 AND $2
GROUP BY a.kind
