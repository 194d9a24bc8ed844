-- Every listing of one stored run with what the shortlist sorts on, in rank order (cheap: no texts).
SELECT m.listing_id, m.rank, l.application_deadline, coalesce(l.salary_min_nok, l.salary_max_nok) AS salary
FROM matches m
LEFT JOIN listings l USING (listing_id)
WHERE m.run_id = ?
ORDER BY m.rank
