"""The DuckDB warehouse: schema migrations, SQL files and the one module (`db`) that runs them."""
