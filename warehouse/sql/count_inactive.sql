-- How many listings are inactive (before and after a batch's deactivation, to count what it changed).
SELECT count(*) FROM listings WHERE status = 'inactive'
