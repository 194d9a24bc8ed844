-- Export one table; {table}, {path}, {options} and {replace} are filled in by flows/export.py from a fixed
-- list and the table's own column names ({replace} is empty, or `REPLACE (...)` of sheet-safe text columns).
COPY (SELECT * {replace} FROM {table}) TO '{path}' ({options});
