INSERT INTO contact_touches (contact_id, seq, touched_on, note, recorded_at)
SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, current_timestamp
FROM contact_touches
WHERE contact_id = $1
