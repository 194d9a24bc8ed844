-- The free-text columns of one listing that can quote its contact person.
SELECT description, salary_text, language_evidence FROM listings WHERE listing_id = ?;
