-- Dismissing again replaces the reason and keeps the first date.
INSERT INTO dismissals (listing_id, reason, dismissed_at) VALUES ($listing_id, $reason, $dismissed_at)
ON CONFLICT (listing_id) DO UPDATE SET reason = excluded.reason
