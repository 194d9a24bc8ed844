-- The text columns of one table, in order: the ones the CSV export passes through sheet_safe. A name
-- may be both a table and a temporary view over it (`listings` on a read-only connection, whose status
-- is decided at read time): each column once.
SELECT column_name FROM information_schema.columns
WHERE table_name = ? AND data_type = 'VARCHAR'
GROUP BY column_name
ORDER BY min(ordinal_position);
