-- The source says these ads are gone: mark them inactive at once (never older news over newer).
UPDATE listings AS t
SET status = 'inactive',
    inactive_since = coalesce(t.inactive_since, s.fetched_at),
    last_seen_at = greatest(t.last_seen_at, s.fetched_at)
FROM batch_inactive AS s
WHERE t.listing_id = s.listing_id AND s.fetched_at >= t.last_seen_at;
