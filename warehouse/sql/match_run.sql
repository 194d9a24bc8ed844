SELECT run_id, created_at, on_date, cv_file, cv_sha256, profile, scoring_version, candidates, filtered, ranked,
       coalesce(weak_left_out, 0) AS weak_left_out, coalesce(expired_left_out, 0) AS expired_left_out,
       coalesce(top_left_out, 0) AS top_left_out
FROM match_runs
WHERE run_id = ?
