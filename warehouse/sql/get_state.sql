SELECT value FROM crawl_state WHERE source = ? AND key = ?;
