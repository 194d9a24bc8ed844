-- 007: when the job starts (pipeline/start.py): the date when the ad gives one, and the words as written.
ALTER TABLE listings ADD COLUMN IF NOT EXISTS start_date DATE;
ALTER TABLE listings ADD COLUMN IF NOT EXISTS start_text VARCHAR;
