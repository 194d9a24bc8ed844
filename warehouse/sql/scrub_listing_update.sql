UPDATE listings SET description = ?, salary_text = ?, language_evidence = ? WHERE listing_id = ?;
