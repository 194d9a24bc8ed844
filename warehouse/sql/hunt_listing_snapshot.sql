-- What a listing says now, copied into an application when it is first tracked.
SELECT listing_id, title, employer, url, status
FROM listings
WHERE listing_id = $1
