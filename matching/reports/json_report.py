"""JSON: the run's metadata and every result with its explanation."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from matching.model import MatchRun


def render_json(run: MatchRun) -> str:
    data: dict[str, Any] = asdict(run)
    for result in data["results"]:
        result["top_terms"] = [{"term": t, "contribution": c} for t, c in result["top_terms"]]
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
