-- The first sight of an application; status is set from its first event by hunt_application_refresh.
INSERT INTO applications
    (application_id, listing_id, kind, title, employer, url, status, status_date, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_timestamp, current_timestamp)
