-- Bulk insert from the numpy columns the matcher registers as `match_rows` (matching/store.py).
INSERT INTO matches (run_id, listing_id, rank, score, top_terms, missing_terms, flags, permit_salary,
                     permit_threshold_nok, extent_ok, why, band, permit_reason)
SELECT run_id, listing_id, rank, score, top_terms::JSON, missing_terms::JSON, flags::JSON,
       permit_salary, permit_threshold_nok::BIGINT, extent_ok::BOOLEAN, why, band, permit_reason
FROM match_rows
