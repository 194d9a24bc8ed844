-- Upsert the batch into listings. A record older than what is stored never overwrites it, and an identical
-- record seen at the same time changes nothing, so re-ingesting a landing file is a no-op.
MERGE INTO listings AS t
USING batch_listings AS s
ON t.listing_id = s.listing_id
WHEN MATCHED AND s.last_seen_at >= t.last_seen_at
             AND (t.content_hash IS DISTINCT FROM s.content_hash OR s.last_seen_at > t.last_seen_at) THEN UPDATE SET
    source = s.source, source_id = s.source_id, url = s.url, title = s.title, employer = s.employer,
    description = s.description, city = s.city, municipality = s.municipality, county = s.county,
    published_at = s.published_at, expires_at = s.expires_at, application_deadline = s.application_deadline,
    extent_pct = s.extent_pct, temporary = s.temporary, staffing_agency = s.staffing_agency, education = s.education,
    salary_min_nok = s.salary_min_nok, salary_max_nok = s.salary_max_nok, salary_text = s.salary_text,
    english_ok = s.english_ok, language_requirement = s.language_requirement, language_evidence = s.language_evidence,
    status = s.status, first_seen_at = least(t.first_seen_at, s.first_seen_at), last_seen_at = s.last_seen_at,
    engagement = s.engagement, sector = s.sector, occupation = s.occupation, salary_basis = s.salary_basis,
    version_key = s.version_key, content_hash = s.content_hash, inactive_since = NULL, normalised_at = s.normalised_at
WHEN NOT MATCHED THEN INSERT (
    listing_id, source, source_id, url, title, employer, description, city, municipality, county, published_at,
    expires_at, application_deadline, extent_pct, temporary, staffing_agency, education, salary_min_nok,
    salary_max_nok, salary_text, english_ok, language_requirement, language_evidence, status, first_seen_at,
    last_seen_at, duplicate_of, engagement, sector, occupation, salary_basis, version_key, content_hash,
    inactive_since, normalised_at
) VALUES (
    s.listing_id, s.source, s.source_id, s.url, s.title, s.employer, s.description, s.city, s.municipality, s.county,
    s.published_at, s.expires_at, s.application_deadline, s.extent_pct, s.temporary, s.staffing_agency, s.education,
    s.salary_min_nok, s.salary_max_nok, s.salary_text, s.english_ok, s.language_requirement, s.language_evidence,
    s.status, s.first_seen_at, s.last_seen_at, NULL, s.engagement, s.sector, s.occupation, s.salary_basis,
    s.version_key, s.content_hash, NULL, s.normalised_at
);
