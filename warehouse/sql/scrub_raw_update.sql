-- A raw row without its contact persons. content_hash stays: it names what was received, so
-- re-ingesting the same landing line is still recognised as known.
UPDATE raw_listings SET payload = ?::JSON, fields = ?::JSON WHERE listing_id = ? AND content_hash = ?;
