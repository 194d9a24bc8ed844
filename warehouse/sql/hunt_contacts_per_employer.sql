SELECT employer_key, count(*) AS contacts
FROM contacts
WHERE employer_key IS NOT NULL AND employer_key <> ''
GROUP BY employer_key
