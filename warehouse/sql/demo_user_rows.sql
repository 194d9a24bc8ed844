-- What a user put into a warehouse themselves (the demo never replaces a warehouse holding any of it).
SELECT
    (SELECT count(*) FROM applications) AS applications,
    (SELECT count(*) FROM contacts) AS contacts,
    (SELECT count(*) FROM hunt_targets) AS weekly_targets;
