"""Score listings against a CV and a profile, and put them in order."""

from __future__ import annotations

from matching.analyzer import default_analyzer


def cv_query_weights(cv_text: str) -> dict[str, float]:
    """Term weights of a CV, for `Index.query`: its headline, profile and roles count more than its
    languages, interests and references (`Analyzer.weigh_cv`)."""
    return default_analyzer().weigh_cv(cv_text)
