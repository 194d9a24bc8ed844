UPDATE matches SET top_terms = ?::JSON, missing_terms = ?::JSON, why = ? WHERE run_id = ? AND listing_id = ?;
