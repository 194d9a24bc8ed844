UPDATE raw_listings SET payload = ?::JSON WHERE listing_id = ? AND content_hash = ?;
