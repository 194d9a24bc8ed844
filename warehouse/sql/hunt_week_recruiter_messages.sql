-- Touches of contacts marked as recruiters between $1 and $2 (inclusive): one message each.
SELECT count(*) AS messages
FROM contact_touches t
JOIN contacts c ON c.contact_id = t.contact_id
WHERE c.recruiter AND t.touched_on BETWEEN $1 AND $2
