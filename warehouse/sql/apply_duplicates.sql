UPDATE listings SET duplicate_of = NULL
WHERE duplicate_of IS NOT NULL AND listing_id NOT IN (SELECT listing_id FROM batch_duplicates);
UPDATE listings AS t SET duplicate_of = d.canonical
FROM batch_duplicates AS d
WHERE t.listing_id = d.listing_id AND t.duplicate_of IS DISTINCT FROM d.canonical;
