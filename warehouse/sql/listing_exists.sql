SELECT count(*) FROM listings WHERE listing_id = $listing_id
