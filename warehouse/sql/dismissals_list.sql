SELECT d.listing_id, l.title, l.employer, d.reason, d.dismissed_at
FROM dismissals AS d LEFT JOIN listings AS l USING (listing_id)
ORDER BY d.dismissed_at, d.listing_id
