-- contact_id numbers contacts 1, 2, 3 ... so the user can type it in `contacts touch`.
-- $9, when it was added, starts the clock for reconnecting (hunt.contacts.needs_reconnect).
INSERT INTO contacts
    (contact_id, name, employer, employer_key, relation, channel, recruiter, last_contact, note, created_at)
SELECT coalesce(max(contact_id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9
FROM contacts
RETURNING contact_id
