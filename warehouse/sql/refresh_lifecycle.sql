-- Expire what has passed its deadline or validThrough; bring back what a new deadline revived.
UPDATE listings SET status = 'expired'
WHERE status = 'active' AND (application_deadline < $today OR CAST(expires_at AS DATE) < $today);
UPDATE listings SET status = 'active'
WHERE status = 'expired' AND coalesce(application_deadline >= $today, TRUE)
  AND coalesce(CAST(expires_at AS DATE) >= $today, TRUE);
