INSERT INTO match_runs (run_id, created_at, on_date, cv_file, cv_sha256, profile, scoring_version,
                        candidates, filtered, ranked, weak_left_out, expired_left_out, top_left_out)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
