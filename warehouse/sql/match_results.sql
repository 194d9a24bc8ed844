-- One stored run's shortlist with the listing fields reports show (the evidence of each row), in rank
-- order ($ids: only these listings, or NULL for all). The listing's status is read as of today
-- (listings_now).
SELECT m.rank, m.listing_id, l.url, l.title, l.employer,
       coalesce(l.city, l.municipality, l.county) AS place,
       m.score, m.band, l.english_ok, l.salary_min_nok, l.salary_max_nok, l.salary_text,
       m.permit_salary, m.permit_threshold_nok, m.permit_reason,
       m.extent_ok, m.flags, m.why, m.top_terms, m.missing_terms, l.application_deadline,
       CAST(l.published_at AS DATE) AS published, l.language_requirement, l.language_evidence,
       l.staffing_agency, l.temporary, l.status
FROM matches m
LEFT JOIN listings_now l USING (listing_id)
WHERE m.run_id = $run_id AND ($ids IS NULL OR list_contains($ids, m.listing_id))
ORDER BY m.rank
