"""The speed devices of the remote, occupation and temporary readers give the plain code's answers.

`pipeline/remote.py` and `pipeline/relocation.py` search each clause of a rule on its own
(`pipeline/clauses.py`), skipping clauses whose cue words the text lacks, and take the leftmost match; `pipeline/occupation.py` looks title terms up by their last letters
before its patterns; `pipeline/engagement.py` skips a pattern on text without its cue words. All must find
exactly what the single alternation, or the pattern alone, finds: checked on every evaluation ad, the
bundled demo ads and texts built to hit ties, case and the characters that lower-casing cannot stand in for.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

import pytest

from pipeline import clauses, engagement, occupation, relocation, remote
from pipeline.cues import fold, passes
from pipeline.occupation_vocab import Term, terms
from pipeline.text import html_to_text

ROOT = Path(__file__).resolve().parent.parent

CRAFTED = (
    "Hybrid: 2 dager hjemmekontor i uka, mulighet for hjemmekontor.",
    "HJEMMEKONTOR INNTIL 2 DAGER. Fully remote within Norway.",
    "Vi tilbyr fleksibel arbeidsplass og 2 days from home.",
    "Office and remote work; some remote work; possibility to work remotely.",
    "Hjemmekontor er ikke mulig. No remote work. Remote-first culture.",
    "İstanbul-kontoret: delvis hjemmekontor (ſome text).",
    "Remote-controlled vehicles (ROV): fully onsite role, remote sensing.",
    "Stillingen kan utføres helt fra hjemmekontor; jobbe hjemmefra; fjernarbeid.",
    "Du kan kombinere kontor og hjemmekontor, 1-2 dager hjemmefra.",
)


@cache
def texts() -> tuple[str, ...]:
    """Title and plain text of every evaluation item and demo ad, and the crafted texts."""
    found: list[str] = list(CRAFTED)
    for folder in ("normalise", "real", "holdout", "blind"):
        for path in sorted((ROOT / "tests" / "eval" / folder).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    fields = json.loads(line).get("fields") or {}
                    found.append(f"{fields.get('title') or ''}\n{html_to_text(fields.get('description'))}")
    with gzip.open(ROOT / "demo" / "data" / "nav_ads.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            ad = json.loads(line)["ad_content"]
            found.append(f"{ad.get('title') or ''}\n{html_to_text(ad.get('description'))}")
    return tuple(found)


@pytest.mark.parametrize("name", ["_ONSITE_TEXT", "_HYBRID_TEXT", "_REMOTE_TEXT"])
def test_clauses_find_what_the_whole_alternation_finds(name: str) -> None:
    rule = getattr(remote, name)
    whole = re.compile("|".join(clause[0].pattern for clause in rule), re.IGNORECASE)
    for text in texts():
        expected, got = whole.search(text), clauses.leftmost(rule, text, fold(text))
        assert (got and got.span()) == (expected and expected.span()), text[:200]


RELOCATION_CRAFTED = (
    "We offer a relocation package and help with housing. Vi tilbyr leilighet og hjelper deg med å finne bolig.",
    "Flyttegodtgjørelse etter avtale; personalbolig kan leies. RELOCATION SUPPORT is available.",
    "We will sponsor your work permit, and we provide visa sponsorship. Vi dekker flytteutgifter.",
)


def test_relocation_offer_clauses_find_what_the_whole_pattern_finds() -> None:
    for text in (*texts(), *RELOCATION_CRAFTED):
        expected = relocation._OFFER.search(text)
        got = clauses.leftmost(relocation._OFFER_CLAUSES, text, fold(text))
        assert (got and got.span()) == (expected and expected.span()), text[:200]


def test_a_pattern_splits_only_at_its_top_level_bars() -> None:
    pattern = re.compile(r"a[|(]b|c\|d|(?:e|f)g|[]|]h|[^|\]]i", re.I)
    assert [clause[0].pattern for clause in clauses.split(pattern)] == [
        r"a[|(]b",
        r"c\|d",
        "(?:e|f)g",
        "[]|]h",
        r"[^|\]]i",
    ]
    assert (
        "|".join(clause[0].pattern for clause in clauses.split(relocation._OFFER))
        == relocation._OFFER.pattern
    )


def test_crafted_texts_read_as_before() -> None:
    verdicts = [remote.text_verdict(text) for text in CRAFTED]
    assert [v.mode if v else None for v in verdicts] == [
        "hybrid", "hybrid", "hybrid", "hybrid", "onsite", "hybrid", "onsite", "remote", "hybrid",
    ]  # fmt: skip
    assert verdicts[1] is not None and verdicts[1].evidence == "HJEMMEKONTOR INNTIL 2 DAGER"


def _plain_from_title(title: str, weak: bool) -> list[occupation.Category]:
    """`occupation.from_title` as written before the substring test: every term's pattern searched."""
    folded = occupation._fold(title)
    best: tuple[int, int, Term] | None = None
    for term in terms():
        match = term.pattern.search(folded) if term.weak == weak else None
        if match and (best is None or (match.start(), -len(term.term)) < best[:2]):
            best = (match.start(), -len(term.term), term)
    return [] if best is None else [occupation.Category(best[2].level1, best[2].level2, "title")]


def test_title_terms_found_as_by_their_patterns_alone() -> None:
    titles = [text.split("\n", 1)[0] for text in texts()] + ["Driftsteknikar", "Teamleder backend"]
    for title in titles:
        for weak in (False, True):
            assert occupation.from_title(title, weak=weak) == _plain_from_title(title, weak), title


def test_text_terms_counted_as_by_their_patterns_alone() -> None:
    for text in texts():
        folded = occupation._fold(text)
        plain = [(t.term, len(t.pattern.findall(folded))) for t in terms() if t.pattern.search(folded)]
        got = [(t.term, len(t.pattern.findall(folded))) for t in occupation._present(folded)]
        assert [item for item in got if item[1]] == plain, text[:200]


def test_temporary_patterns_never_skipped_where_they_match() -> None:
    for pattern, guard in engagement._GUARDS.items():
        for text in texts():
            if pattern.search(text):
                assert passes(fold(text), guard), (pattern.pattern[:60], text[:200])
