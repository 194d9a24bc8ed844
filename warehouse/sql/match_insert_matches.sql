-- Bulk insert from the Arrow table the matcher registers as `match_rows`.
INSERT INTO matches
SELECT run_id, listing_id, rank, score, top_terms::JSON, missing_terms::JSON, flags::JSON,
       permit_salary, permit_threshold_nok, extent_ok, why
FROM match_rows
