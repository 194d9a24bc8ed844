DELETE FROM dismissals WHERE listing_id = $listing_id
