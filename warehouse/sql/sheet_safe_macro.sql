-- The spreadsheet-safe rule of pipeline/cells.py for CSV written straight from DuckDB: text whose first
-- character is one of `starts` (pipeline.cells.FORMULA_STARTS) gets a leading ' so no spreadsheet reads it
-- as a formula. A TEMP macro, so it also works on a read-only connection.
CREATE OR REPLACE TEMP MACRO sheet_safe(x, starts) AS
    CASE WHEN left(x, 1) <> '' AND contains(starts, left(x, 1)) THEN '''' || x ELSE x END;
