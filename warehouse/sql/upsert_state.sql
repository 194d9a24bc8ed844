INSERT INTO crawl_state (source, key, value, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
