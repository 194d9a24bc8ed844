"""Shared test set-up: a pinned day, Prefect kept local and quiet, and small builders for landing records."""

from __future__ import annotations

import os

os.environ.setdefault("FJORDJOBS_TODAY", "2026-11-21")

from flows import env

env.configure()
