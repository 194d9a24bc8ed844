"""Process settings that must be in place before Prefect or Scrapy is imported.

Prefect phones home and starts a temporary API server with a short start-up timeout unless told
otherwise (shared STACK.md); fjordjobs keeps Prefect's state in the project's `.prefect/` folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_DEFAULTS = {
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
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
    # Telemetry is off whatever the user's environment says.
    os.environ["DO_NOT_TRACK"] = "1"
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
