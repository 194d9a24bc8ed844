-- `listings` with `status` decided at read time against the day in the session variable `today`
-- (FJORDJOBS_TODAY, else the calendar date; set by warehouse/db.py on every connection). The stored
-- status is what the last load saw; a deadline or `expires_at` that has passed since makes the listing
-- expired now, and a new deadline or expiry date revives it (an expired row with neither stays expired).
-- The deadline day itself is still open; `expires_at`
-- (naive UTC) is read as a day in Norway, as pipeline/dates.py lifecycle_status does. "Snarest" and
-- other rolling ads have neither, and stay active until their source drops them (inactive).
-- {listings} is the stored table, catalog-qualified so a temporary view named `listings` can use it.
SELECT * REPLACE (
    CASE
        WHEN status = 'inactive' THEN 'inactive'
        WHEN application_deadline < coalesce(getvariable('today'), current_date)
          OR CAST(timezone('Europe/Oslo', expires_at AT TIME ZONE 'UTC') AS DATE)
             < coalesce(getvariable('today'), current_date) THEN 'expired'
        WHEN status = 'expired' AND application_deadline IS NULL AND expires_at IS NULL THEN 'expired'
        ELSE 'active'
    END AS status
)
FROM {listings}
