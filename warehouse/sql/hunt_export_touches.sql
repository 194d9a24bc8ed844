SELECT t.contact_id, c.name, t.seq, t.touched_on, t.note, t.recorded_at
FROM contact_touches t
JOIN contacts c ON c.contact_id = t.contact_id
ORDER BY t.contact_id, t.touched_on, t.seq
