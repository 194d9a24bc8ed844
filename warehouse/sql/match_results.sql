-- One stored run's shortlist with the listing fields reports show, in rank order ($ids: only these
-- listings, or NULL for all).
SELECT m.rank, m.listing_id, l.url, l.title, l.employer,
       coalesce(l.city, l.municipality, l.county) AS place,
       m.score, l.english_ok, l.salary_min_nok, l.salary_max_nok, m.permit_salary, m.permit_threshold_nok,
       m.extent_ok, m.flags, m.why, m.top_terms, m.missing_terms, l.application_deadline,
       l.staffing_agency, l.temporary
FROM matches m
LEFT JOIN listings l USING (listing_id)
WHERE m.run_id = $run_id AND ($ids IS NULL OR list_contains($ids, m.listing_id))
ORDER BY m.rank
