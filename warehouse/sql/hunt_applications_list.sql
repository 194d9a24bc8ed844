-- Every application with what became of its listing: 'gone' when ingest no longer has it.
SELECT
    a.application_id, a.kind, a.title, a.employer, a.status, a.status_date, a.url,
    CASE WHEN a.listing_id IS NULL THEN NULL ELSE coalesce(l.status, 'gone') END AS listing_status,
    (SELECT count(*) FROM application_events e WHERE e.application_id = a.application_id) AS events
FROM applications a
LEFT JOIN listings l ON l.listing_id = a.listing_id
ORDER BY a.status_date DESC, a.application_id
