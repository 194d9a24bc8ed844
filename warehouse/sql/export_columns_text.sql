-- The text columns of one table, in order: the ones the CSV export passes through sheet_safe.
SELECT column_name FROM information_schema.columns
WHERE table_name = ? AND data_type = 'VARCHAR'
ORDER BY ordinal_position;
