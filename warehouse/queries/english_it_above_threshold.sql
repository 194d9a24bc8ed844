-- English-accepted IT roles whose stated salary reaches the skilled-worker threshold for the required degree
-- (master's where the ad asks for one, else bachelor's). $permit_master / $permit_bachelor come from
-- pipeline/permit.py, the one dated place for those numbers.
SELECT listing_id, title, employer, city, salary_min_nok, salary_max_nok, education, application_deadline, url
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL AND english_ok
  AND (occupation ILIKE 'IT%'
       OR regexp_matches(lower(title), 'develop|utvikler|engineer|ingeniør|programm|devops|data|software|arkitekt|security|sikkerhet|tester'))
  AND salary_min_nok >= CASE WHEN education = 'master' THEN $permit_master ELSE $permit_bachelor END
ORDER BY salary_min_nok DESC;
