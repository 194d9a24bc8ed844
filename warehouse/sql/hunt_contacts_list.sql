-- All contacts, or those at one employer ($1 = normalised employer key, NULL for all).
SELECT contact_id, name, employer, employer_key, relation, channel, recruiter, last_contact, note,
    CAST(created_at AS DATE) AS added_on
FROM contacts
WHERE $1::VARCHAR IS NULL OR employer_key = $1
ORDER BY employer_key NULLS LAST, name, contact_id
