-- The listings the matcher ranks: active and not a duplicate of another.
SELECT listing_id, url, title, employer, description, city, municipality, county,
       application_deadline, extent_pct, temporary, staffing_agency, education,
       salary_min_nok, salary_max_nok, english_ok, language_requirement
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL
ORDER BY listing_id
