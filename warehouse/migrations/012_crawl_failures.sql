-- 012: a crawl names the pages it could not fetch or read (issue 14.13; spiders/failures.py).
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS failed_pages INTEGER DEFAULT 0;  -- how many, all of them
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS failures JSON;                    -- [{url, reason}, ...], the first 50
