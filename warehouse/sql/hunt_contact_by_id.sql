SELECT contact_id, name, employer, employer_key, relation, channel, recruiter, last_contact, note
FROM contacts
WHERE contact_id = $1
