"""Shared test set-up: a pinned day, Prefect kept local and quiet, and small builders for landing records."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("FJORDJOBS_TODAY", "2026-11-21")
# A command run without --db uses the user's data folder (platformdirs); tests get a folder of their own,
# so they never touch the real warehouse of whoever runs them (nor the checkout).
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="fjordjobs-test-data-")

from flows import env

env.configure()
