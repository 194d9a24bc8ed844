-- (source_id, version_key) of every listing of a source: the spider skips versions it has already stored.
SELECT source_id, version_key FROM listings WHERE source = ? AND version_key IS NOT NULL;
