SELECT run_id, created_at, on_date, cv_file, cv_sha256, profile, scoring_version, candidates, filtered, ranked
FROM match_runs
WHERE run_id = ?
