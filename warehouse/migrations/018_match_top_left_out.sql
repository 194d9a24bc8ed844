-- 018: how many strong and partial matches a run's `--top N` left out, so the shortlist's summary can say
-- that more are there (a run stores only the rows it shows).
ALTER TABLE match_runs ADD COLUMN IF NOT EXISTS top_left_out INTEGER DEFAULT 0;
