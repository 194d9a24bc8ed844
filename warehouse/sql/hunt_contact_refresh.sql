-- last_contact is the latest touch, so a back-dated touch never moves it backwards.
UPDATE contacts
SET last_contact = (SELECT max(touched_on) FROM contact_touches t WHERE t.contact_id = $1)
WHERE contact_id = $1
