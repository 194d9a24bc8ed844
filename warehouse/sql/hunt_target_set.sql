INSERT INTO hunt_targets (target, per_week, updated_at)
VALUES ($1, $2, current_timestamp)
ON CONFLICT (target) DO UPDATE SET per_week = excluded.per_week, updated_at = excluded.updated_at
