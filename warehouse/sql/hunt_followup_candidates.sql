-- Applications waiting on the user or on the employer: the ones follow-ups are computed for.
SELECT application_id, title, employer, status, status_date
FROM applications
WHERE status IN ('applied', 'interview')
ORDER BY status_date, application_id
