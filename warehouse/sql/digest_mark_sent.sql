-- Remember what a digest delivered (run in the same transaction as the search's cursor update).
INSERT INTO digest_sent (search_name, listing_id, fingerprint, sent_at)
SELECT $name, unnest($ids), unnest($fingerprints), $sent_at
ON CONFLICT (search_name, listing_id) DO UPDATE SET fingerprint = excluded.fingerprint, sent_at = excluded.sent_at
