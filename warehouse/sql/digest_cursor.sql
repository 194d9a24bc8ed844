UPDATE saved_searches SET last_digest_at = $sent_at WHERE name = $name
