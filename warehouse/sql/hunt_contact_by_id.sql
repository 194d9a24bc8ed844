SELECT contact_id, name, employer, employer_key, relation, channel, recruiter, last_contact, note,
    CAST(created_at AS DATE) AS added_on
FROM contacts
WHERE contact_id = $1
