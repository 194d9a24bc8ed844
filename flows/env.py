"""Process settings that must be in place before Prefect or Scrapy is imported.

Prefect phones home and starts a temporary API server with a short start-up timeout unless told
otherwise (shared STACK.md). fjordjobs keeps Prefect's state (the temporary API's database) in
`prefect/` inside the user's data folder, beside the warehouse: never in the checkout or the
installed package, and apart from any Prefect set-up of the user's own (`~/.prefect`).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_DEFAULTS = {
    "PREFECT_HOME": str(platformdirs.user_data_path("fjordjobs", appauthor=False) / "prefect"),
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",  # a first run on a busy 2-core machine needs more than 90 s
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    # fjordjobs reports a failed task itself, in one line (README: "Errors print one line"); Prefect's
    # console handler would print the same failure first as a traceback. Its logs still reach the API
    # (the UI of `prefect server start`), only the terminal copy is off.
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL",
}


def configure() -> None:
    """Set fjordjobs' defaults for every Prefect setting the user has not set."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    # Prefect warns (and keeps no state) when its home folder is missing.
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    # Telemetry is off whatever the user's environment says.
    os.environ["DO_NOT_TRACK"] = "1"
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
