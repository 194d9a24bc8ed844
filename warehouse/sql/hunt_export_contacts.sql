SELECT contact_id, name, employer, relation, channel, recruiter, last_contact, note, created_at
FROM contacts
ORDER BY contact_id
