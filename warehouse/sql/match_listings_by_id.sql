-- The whole listings a shortlist shows (a template: `warehouse.db.expand` fills the columns marker with
-- the listing's declared columns, read back as `Listing`s); ? is the list of their ids.
SELECT {{columns}}
FROM listings_now
WHERE listing_id IN (SELECT unnest(?::VARCHAR[]))
