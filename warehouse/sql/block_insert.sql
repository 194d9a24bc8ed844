-- A block rule; blocking the same employer twice keeps the first rule.
INSERT INTO blocked_employers (block_key, kind, value, written, created_at)
VALUES ($block_key, $kind, $value, $written, $created_at)
ON CONFLICT (block_key) DO NOTHING
