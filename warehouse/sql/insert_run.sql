INSERT OR REPLACE INTO crawl_runs (run_id, source, started_at, finished_at, status, reason, items, new_listings,
    updated, deactivated, quarantined, requests, landing_file, landing_sha256, failed_pages, failures)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::JSON);
