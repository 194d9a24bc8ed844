-- The listings of a digest with the evidence columns of the shortlist.
SELECT listing_id, url, title, employer, coalesce(city, municipality, county) AS place, counties,
       application_deadline, english_ok, language_requirement, language_evidence,
       salary_min_nok, salary_max_nok, salary_text, permit_salary_ok, remote, remote_evidence,
       extent_pct, staffing_agency, temporary, published_at
FROM listing_search
WHERE list_contains($ids, listing_id)
ORDER BY listing_id
