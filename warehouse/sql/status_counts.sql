-- Listings by source and status, with what is new since the previous successful run of that source.
WITH last_runs AS (
    SELECT source, started_at, row_number() OVER (PARTITION BY source ORDER BY started_at DESC) AS n
    FROM crawl_runs WHERE status = 'ok'
)
SELECT l.source,
       count(*) FILTER (WHERE l.status = 'active') AS active,
       count(*) FILTER (WHERE l.status = 'expired') AS expired,
       count(*) FILTER (WHERE l.status = 'inactive') AS inactive,
       count(*) FILTER (WHERE l.duplicate_of IS NOT NULL) AS duplicates,
       count(*) FILTER (WHERE l.english_ok AND l.status = 'active') AS english_ok,
       count(*) FILTER (WHERE l.first_seen_at >= coalesce(
           (SELECT started_at FROM last_runs r WHERE r.source = l.source AND r.n = 1), TIMESTAMP '9999-01-01'))
           AS new_in_last_run
FROM listings_now AS l
GROUP BY l.source
ORDER BY l.source;
