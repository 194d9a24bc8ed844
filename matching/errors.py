"""Errors a user can meet in matching, each with a one-line message that says what to do."""

from __future__ import annotations


class MatchError(RuntimeError):
    """Base class: the CLI prints `str(error)` and exits non-zero."""


class CvReadError(MatchError):
    """The CV file could not be read (missing, unsupported type, corrupt)."""


class ScannedPdfError(CvReadError):
    """A PDF with no text layer: a scan or an image. We do not OCR."""


class ProfileError(MatchError):
    """The profile TOML is malformed or has a value of the wrong kind."""
