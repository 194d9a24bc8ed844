SELECT application_id, listing_id, kind, title, employer, url, status, status_date
FROM applications
WHERE application_id = $1
