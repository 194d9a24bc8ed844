-- Application deadlines from today to the end of this ISO week ($today: FJORDJOBS_TODAY or today).
SELECT application_deadline, title, employer, city, english_ok, url
FROM listings
WHERE status = 'active' AND duplicate_of IS NULL
  AND application_deadline BETWEEN $today AND CAST(date_trunc('week', $today) + INTERVAL 6 DAY AS DATE)
ORDER BY application_deadline, title;
