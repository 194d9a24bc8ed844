-- 013: match bands. Each stored row carries its band (strong / partial / weak, matching/bands.py) and
-- the permit verdict's reason in words; a run records how many weak rows its shortlist left out.
ALTER TABLE matches ADD COLUMN IF NOT EXISTS band VARCHAR;
ALTER TABLE matches ADD COLUMN IF NOT EXISTS permit_reason VARCHAR;
ALTER TABLE match_runs ADD COLUMN IF NOT EXISTS weak_left_out INTEGER DEFAULT 0;
ALTER TABLE match_runs ADD COLUMN IF NOT EXISTS expired_left_out INTEGER DEFAULT 0;
