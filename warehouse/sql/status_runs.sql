-- The last runs per source (newest first), for `fjordjobs status`.
SELECT source, run_id, started_at, status, items, new_listings, updated, deactivated, quarantined, reason,
    failed_pages
FROM (
    SELECT *, row_number() OVER (PARTITION BY source ORDER BY started_at DESC) AS n FROM crawl_runs
)
WHERE n <= $per_source
ORDER BY source, started_at DESC;
