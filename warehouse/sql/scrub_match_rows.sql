-- Stored match explanations of one listing: shared and missing terms can be words of the contact's name.
SELECT run_id, top_terms::VARCHAR, missing_terms::VARCHAR, why FROM matches WHERE listing_id = ?;
