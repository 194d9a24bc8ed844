-- The newest stored match run (from `fjordjobs match`, `fjordjobs run` or `fjordjobs web --cv`).
SELECT run_id FROM match_runs ORDER BY created_at DESC, run_id LIMIT 1;
