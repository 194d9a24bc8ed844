-- How many non-duplicate listings are expired today (listings_now): what a shortlist leaves out.
SELECT count(*) AS n FROM listings_now WHERE status = 'expired' AND duplicate_of IS NULL
