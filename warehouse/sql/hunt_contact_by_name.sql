-- Names match without regard to case or surrounding spaces.
SELECT contact_id, name, employer, employer_key, relation, channel, recruiter, last_contact, note,
    CAST(created_at AS DATE) AS added_on
FROM contacts
WHERE lower(trim(name)) = lower(trim($1))
ORDER BY contact_id
