-- Listings the user has applied to (any application that ever reached 'applied' or beyond), together
-- with their cross-source duplicates in either direction, so the shortlist marks whichever copy it shows.
WITH applied AS (
    SELECT DISTINCT a.listing_id
    FROM applications a
    JOIN application_events e ON e.application_id = a.application_id
    WHERE a.listing_id IS NOT NULL
      AND e.status IN ('applied', 'interview', 'offer', 'accepted', 'rejected')
)
SELECT listing_id FROM applied
UNION
SELECT l.duplicate_of FROM listings l JOIN applied ON applied.listing_id = l.listing_id
WHERE l.duplicate_of IS NOT NULL
UNION
SELECT l.listing_id FROM listings l JOIN applied ON applied.listing_id = l.duplicate_of
