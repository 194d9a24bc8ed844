INSERT INTO followups_done (application_id, kind, anchor_date, done_on)
VALUES ($1, $2, $3, $4)
ON CONFLICT DO NOTHING
