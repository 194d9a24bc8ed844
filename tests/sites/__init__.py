"""Small local web sites, built in memory for a base URL and crawled over HTTP in tests."""
