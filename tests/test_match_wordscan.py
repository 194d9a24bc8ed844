"""The index's byte scan finds exactly the words `Analyzer.words` finds, text by text, in order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from matching.analyzer import default_analyzer, split_sections
from matching.wordscan import scan

EVAL = Path(__file__).parent / "eval"

TRICKY = [
    "Senior C++/C# utvikler (.NET, F#) – søk nå!",
    "Full-Stack og front-end; back-end-utvikler, øfull-stack, full-stacks, FRONT-END",
    "a + b, #1, c#d, a#+b#, ++c, x++#+ y",
    "ÆØÅ Über straße İstanbul K\u212a \u212bngstrøm ΣΑΣ ﬁle naïve",
    "tabs\tand\nnewlines\r\nand\u00a0nbsp 2024 12,5 %",
    "",
    "   ",
    "with a NUL\x00 inside",
    "x" * 300 + " long word",
]


def _words_per_text(texts: list[str]) -> list[list[str]]:
    found = scan(texts)
    out, at = [], 0
    for count in found.counts.tolist():
        out.append([found.words[i] for i in found.inverse[at : at + count].tolist()])
        at += count
    assert at == len(found.inverse)
    return out


def _eval_texts() -> list[str]:
    texts: list[str] = []
    for folder in ("matching", "matching_heldout"):
        for line in (EVAL / folder / "listings.jsonl").read_text(encoding="utf-8").splitlines():
            if line:
                ad = json.loads(line)
                texts.append(ad.get("title") or "")
                texts.extend(text for _, text in split_sections(ad.get("description") or ""))
    return texts


@pytest.mark.parametrize("with_nul", [False, True])
def test_scan_finds_the_words_the_regex_finds(with_nul: bool) -> None:
    analyzer = default_analyzer()
    texts = [t for t in TRICKY if with_nul or "\x00" not in t] + _eval_texts()
    assert _words_per_text(texts) == [analyzer.words(t) for t in texts]


def test_scan_matches_the_regex_on_random_text() -> None:
    analyzer = default_analyzer()
    rnd = random.Random(5)
    alphabet = [*"abzæøåÆØÅüÜéç09+#-. \n?–•İ\u212a", "full-stack", "Back-End", ".NET", "c++", "C#"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(2000)]
    assert _words_per_text(texts) == [analyzer.words(t) for t in texts]


def test_distinct_words_come_in_order_of_first_occurrence() -> None:
    texts = ["b a", "c b", "", "a d"]
    found = scan(texts)
    assert found.words == ["b", "a", "c", "d"]
    assert found.counts.tolist() == [2, 2, 0, 2]


def test_no_texts() -> None:
    found = scan([])
    assert found.words == [] and len(found.inverse) == 0 and len(found.counts) == 0
