SELECT run_id FROM crawl_runs WHERE landing_sha256 = ? AND status = 'ok';
