-- 009: where the extent came from (pipeline/extent.py), pay in its own currency and a caveat beside the
-- figure (pipeline/salary.py, pipeline/pay_scale.py).
ALTER TABLE listings ADD COLUMN IF NOT EXISTS extent_source VARCHAR;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS salary_currency VARCHAR;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS salary_min INTEGER;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS salary_max INTEGER;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS salary_note VARCHAR;
