SELECT application_id, kind, anchor_date
FROM followups_done
