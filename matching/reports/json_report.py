"""JSON: the run's metadata and every result with its explanation and evidence."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from matching.model import MatchRun
from matching.reports.common import (
    days_left,
    deadline_text,
    flag_words,
    language_text,
    legend,
    summary,
    used_text,
)


def render_json(run: MatchRun) -> str:
    data: dict[str, Any] = asdict(run)
    data["summary"] = summary(run)
    data["degree_and_experience"] = used_text(run)
    data["legend"] = dict(legend())
    for result, r in zip(data["results"], run.results, strict=True):
        result["top_terms"] = [{"term": t, "contribution": c} for t, c in result["top_terms"]]
        result["deadline_text"] = deadline_text(r, run.on_date)
        result["days_left"] = days_left(r, run.on_date)
        result["language_evidence_text"] = language_text(r)
        result["flags_in_words"] = flag_words(r, short=False)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
