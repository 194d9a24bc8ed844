-- Listings that no source of this warehouse will ever report again (the bundled demo feed's ads once the
-- configuration crawls real sources): inactive from now on, like an ad its source withdrew.
UPDATE listings
SET status = 'inactive',
    inactive_since = coalesce(inactive_since, $now)
WHERE listing_id IN (SELECT unnest($ids)) AND status <> 'inactive'
RETURNING listing_id;
