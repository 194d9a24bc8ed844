-- The filter vocabulary as a view a user can query (`fjordjobs sql "SELECT ... FROM listing_search WHERE ..."`).
-- One row per listing a search can show: active, not a duplicate, not dismissed, its employer not blocked.
-- `fjordjobs match`, saved searches, digests and facets filter this same view (warehouse/search.py), so a
-- filter means the same everywhere. The permit thresholds are today's, written in when the view is refreshed.
-- `permit_salary_ok` reasons as the permit flag of `match` does (pipeline/permit.py `salary_verdict`): an ad
-- that asks for a master's or a bachelor's is held to that threshold ({permit_master} / {permit_bachelor});
-- an ad that names no degree is ok when its lower salary bound meets both, not ok under both, and NULL
-- (unknown) between them, where the applicant's degree decides (warehouse/search.py reads it from the
-- profile or CV when a search has one). No salary: NULL.
-- `listing_search_all` is the same with expired listings too (and `status`), for `match --include-expired`;
-- both decide expiry at read time (the FROM below is warehouse/sql/listings_now.sql over `listings`).
CREATE OR REPLACE VIEW listing_search_all AS
WITH places AS (
    SELECT listing_id,
           list_distinct(list_filter(list(county), lambda x: x IS NOT NULL)) AS counties,
           list_distinct(list_filter(list(municipality), lambda x: x IS NOT NULL)) AS municipalities,
           list_distinct(list_filter(list(city), lambda x: x IS NOT NULL)) AS cities
    FROM listing_locations GROUP BY listing_id
)
SELECT l.listing_id, l.source, l.title, l.employer, l.employer_orgnr, l.url, l.apply_url,
       l.city, l.municipality, l.county,
       coalesce(p.counties, []) AS counties,
       coalesce(p.municipalities, []) AS municipalities,
       coalesce(p.cities, []) AS cities,
       list_distinct(list_transform(coalesce(l.occupation_categories, []), lambda c: c.level1)) AS occupation_level1,
       list_distinct(list_filter(list_transform(coalesce(l.occupation_categories, []), lambda c: c.level2), lambda x: x IS NOT NULL)) AS occupation_level2,
       l.sector,
       l.extent_pct,
       CASE WHEN l.extent_pct >= 100 THEN 'full' WHEN l.extent_pct < 100 THEN 'part' END AS extent,
       CASE WHEN l.temporary THEN 'temporary' WHEN l.engagement IS NOT NULL THEN 'permanent' END AS engagement,
       l.remote, l.remote_evidence,
       l.english_ok, l.language_requirement, l.language_evidence,
       l.salary_min_nok, l.salary_max_nok, l.salary_text,
       CASE WHEN l.salary_min_nok IS NULL THEN NULL
            WHEN l.education = 'master' THEN l.salary_min_nok >= {permit_master}
            WHEN l.education = 'bachelor' THEN l.salary_min_nok >= {permit_bachelor}
            WHEN l.salary_min_nok >= greatest({permit_master}, {permit_bachelor}) THEN TRUE
            WHEN l.salary_min_nok < least({permit_master}, {permit_bachelor}) THEN FALSE
       END AS permit_salary_ok,
       l.staffing_agency, l.temporary, l.education, l.relocation, l.relocation_evidence,
       l.published_at, l.application_deadline, l.start_date, l.start_text, l.positions,
       l.first_seen_at, l.last_seen_at, l.description, l.status
FROM ({listings}) AS l
LEFT JOIN places AS p USING (listing_id)
WHERE l.status IN ('active', 'expired') AND l.duplicate_of IS NULL
  AND l.listing_id NOT IN (SELECT listing_id FROM dismissals)
  AND NOT EXISTS (
      SELECT 1 FROM blocked_employers AS b
      WHERE (b.kind = 'name' AND b.value = l.employer_key)
         OR (b.kind = 'orgnr' AND b.value = l.employer_orgnr)
         OR (b.kind = 'all_staffing_agencies' AND l.staffing_agency)
  );
CREATE OR REPLACE VIEW listing_search AS SELECT * EXCLUDE (status) FROM listing_search_all WHERE status = 'active';
