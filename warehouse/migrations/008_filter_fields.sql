-- 008: the fields the filters need (issue 11). One listing may have several work places and several
-- occupation categories: each is a list on the listing (written in one piece by the ingest's MERGE, so a
-- re-crawl replaces them with the listing), and `listing_locations` / `listing_occupations` below are the
-- side tables a user queries, one row per place or category.
ALTER TABLE listings ADD COLUMN IF NOT EXISTS remote VARCHAR;            -- onsite | hybrid | remote
ALTER TABLE listings ADD COLUMN IF NOT EXISTS remote_evidence VARCHAR;   -- the phrase or field that decided
ALTER TABLE listings ADD COLUMN IF NOT EXISTS occupation_categories STRUCT(level1 VARCHAR, level2 VARCHAR, basis VARCHAR)[];
ALTER TABLE listings ADD COLUMN IF NOT EXISTS work_locations STRUCT(city VARCHAR, municipality VARCHAR, county VARCHAR)[];
ALTER TABLE listings ADD COLUMN IF NOT EXISTS positions INTEGER;         -- number of positions
ALTER TABLE listings ADD COLUMN IF NOT EXISTS apply_url VARCHAR;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS employer_orgnr VARCHAR;    -- 9 digits, check digit verified
ALTER TABLE listings ADD COLUMN IF NOT EXISTS employer_key VARCHAR;      -- name without case and AS/ASA: block lists
-- `sector` held the source's word; from now on it is one vocabulary: public | private | nonprofit.
UPDATE listings SET sector = CASE lower(trim(sector))
    WHEN 'offentlig' THEN 'public' WHEN 'privat' THEN 'private' WHEN 'organisasjoner' THEN 'nonprofit'
    WHEN 'public' THEN 'public' WHEN 'private' THEN 'private' WHEN 'nonprofit' THEN 'nonprofit' ELSE NULL END;

-- Every work place of a listing; a listing loaded before 011 has its one place from the main columns.
CREATE OR REPLACE VIEW listing_locations AS
SELECT listing_id, place.city AS city, place.municipality AS municipality, place.county AS county
FROM (
    SELECT listing_id, unnest(coalesce(work_locations,
        [struct_pack(city := city, municipality := municipality, county := county)])) AS place
    FROM listings
);

-- Every occupation category of a listing (NAV's two levels; `basis` says what decided: docs/occupation.md).
CREATE OR REPLACE VIEW listing_occupations AS
SELECT listing_id, category.level1 AS level1, category.level2 AS level2, category.basis AS basis
FROM (SELECT listing_id, unnest(occupation_categories) AS category FROM listings);
