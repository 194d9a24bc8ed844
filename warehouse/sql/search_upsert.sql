-- Saving a search under an existing name replaces its filters and files, and keeps its digest history.
INSERT INTO saved_searches (name, filters, cv_path, profile_path, created_at)
VALUES ($name, $filters, $cv_path, $profile_path, $created_at)
ON CONFLICT (name) DO UPDATE SET filters = excluded.filters, cv_path = excluded.cv_path,
    profile_path = excluded.profile_path
