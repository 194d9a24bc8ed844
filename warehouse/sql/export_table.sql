-- Export one table; {table}, {path} and {options} are filled in by flows/export.py from a fixed list.
COPY (SELECT * FROM {table}) TO '{path}' ({options});
