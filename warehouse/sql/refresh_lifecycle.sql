-- Expire what has passed its deadline or validThrough (a day in Norway, as listings_now.sql and
-- pipeline/dates.py read it); bring back what a new deadline revived.
UPDATE listings SET status = 'expired'
WHERE status = 'active' AND (application_deadline < $today OR CAST(timezone('Europe/Oslo', expires_at AT TIME ZONE 'UTC') AS DATE) < $today);
UPDATE listings SET status = 'active'
WHERE status = 'expired' AND coalesce(application_deadline >= $today, TRUE)
  AND coalesce(CAST(timezone('Europe/Oslo', expires_at AT TIME ZONE 'UTC') AS DATE) >= $today, TRUE);
