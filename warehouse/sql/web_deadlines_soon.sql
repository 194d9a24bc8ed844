-- Saved or applied listings whose deadline falls within $days days of $today, soonest first.
SELECT a.application_id, a.title, a.employer, a.status, l.application_deadline AS deadline,
       datediff('day', $today::DATE, l.application_deadline) AS days_left
FROM applications a
JOIN listings l ON l.listing_id = a.listing_id
WHERE a.status IN ('saved', 'applied')
  AND l.application_deadline BETWEEN $today::DATE AND $today::DATE + $days::INTEGER
ORDER BY l.application_deadline, a.application_id;
