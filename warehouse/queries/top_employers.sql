-- Employers hiring most right now (active, non-duplicate listings), with how many accept English.
SELECT employer, count(*) AS open_listings, count(*) FILTER (WHERE english_ok) AS english_ok,
       max(salary_max_nok) AS best_salary_nok
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL AND employer IS NOT NULL
GROUP BY employer
ORDER BY open_listings DESC, employer
LIMIT 25;
