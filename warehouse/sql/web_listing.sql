-- One listing as the page shows it, with the ids of its copies on other sources ($1 = listing_id).
SELECT l.*,
       (SELECT list(d.listing_id ORDER BY d.listing_id) FROM listings d
         WHERE coalesce(d.duplicate_of, d.listing_id) = coalesce(l.duplicate_of, l.listing_id)
           AND d.listing_id <> l.listing_id) AS duplicates
FROM listings l
WHERE l.listing_id = $1;
