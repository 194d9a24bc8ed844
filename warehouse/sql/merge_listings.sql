-- Upsert the batch into listings. A record older than what is stored never overwrites it, and an identical
-- record seen at the same time changes nothing, so re-ingesting a landing file is a no-op.
-- A template: `warehouse.db.expand` fills the double-brace markers with the batch's columns (pipeline/listing.py
-- declares them), so this file names only the columns it treats specially.
MERGE INTO listings AS t
USING batch_listings AS s
ON t.listing_id = s.listing_id
WHEN MATCHED AND s.last_seen_at >= t.last_seen_at
             AND (t.content_hash IS DISTINCT FROM s.content_hash OR s.last_seen_at > t.last_seen_at) THEN UPDATE SET
    first_seen_at = least(t.first_seen_at, s.first_seen_at),
    inactive_since = NULL,
    {{set_from_s except listing_id, first_seen_at}}
WHEN NOT MATCHED THEN INSERT ({{columns}}) VALUES ({{s_columns}});
