SELECT target, per_week FROM hunt_targets
