-- The listings of `ids` that a saved search's digest has not delivered in their present form: new to the
-- search, or their title, deadline, salary or language tag changed since (the fingerprint).
WITH current AS (
    SELECT listing_id,
           md5(concat_ws('|', coalesce(title, ''), coalesce(CAST(application_deadline AS VARCHAR), ''),
                         coalesce(CAST(salary_min_nok AS VARCHAR), ''), coalesce(CAST(salary_max_nok AS VARCHAR), ''),
                         coalesce(language_requirement, ''))) AS fingerprint
    FROM listings WHERE list_contains($ids, listing_id)
)
SELECT c.listing_id, c.fingerprint, s.listing_id IS NOT NULL AS changed
FROM current AS c
LEFT JOIN digest_sent AS s ON s.search_name = $name AND s.listing_id = c.listing_id
WHERE s.fingerprint IS DISTINCT FROM c.fingerprint
ORDER BY c.listing_id
