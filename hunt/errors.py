"""The one error type of the job-hunt features: something the user typed that cannot be done."""

from __future__ import annotations


class HuntError(ValueError):
    """A one-line reason the CLI prints before exiting non-zero (unknown listing, bad date, ...)."""
