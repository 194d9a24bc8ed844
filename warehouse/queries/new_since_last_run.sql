-- Listings first seen since the previous successful crawl run started.
WITH runs AS (
    SELECT started_at, row_number() OVER (ORDER BY started_at DESC) AS n FROM crawl_runs WHERE status = 'ok'
)
SELECT listing_id, source, title, employer, city, english_ok, salary_min_nok, first_seen_at
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL
  AND first_seen_at >= coalesce((SELECT started_at FROM runs WHERE n = 2), TIMESTAMP '1970-01-01')
ORDER BY first_seen_at DESC;
