SELECT name, filters, cv_path, profile_path, created_at, last_digest_at FROM saved_searches WHERE name = $name
