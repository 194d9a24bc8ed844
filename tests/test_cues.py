"""Cue words and start positions (pipeline/cues.py) never hide a match from the patterns they guard.

Each normaliser skips a slow pattern on text without its cue words, or tries it only where a match can
begin. That is only safe if every match holds a cue (or begins at a start word); these tests check it on
every labelled evaluation text and the bundled demo ads, sentence by sentence, and check the helpers
against the plain `re` calls they stand in for.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from pipeline import agency, dates, education, extent, language, salary, salary_amounts
from pipeline.cues import (
    cue_words,
    finditer_at,
    fold,
    has_any,
    matches_at,
    pieces_with,
    split_spans,
    start_words,
    word_starts,
)
from pipeline.text import html_to_text, sentences

ROOT = Path(__file__).resolve().parent.parent


@cache
def corpus() -> tuple[str, ...]:
    """Plain texts of every evaluation item and demo ad."""
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "eval" / "normalise").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                fields = json.loads(line).get("fields") or {}
                texts.append(f"{fields.get('title') or ''}\n{html_to_text(fields.get('description'))}")
    with gzip.open(ROOT / "demo" / "data" / "nav_ads.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            ad = json.loads(line)["ad_content"]
            texts.append(f"{ad.get('title') or ''}\n{html_to_text(ad.get('description'))}")
    return tuple(texts)


def _matches(pattern: re.Pattern[str], texts: Iterable[str]) -> list[str]:
    return [m.group() for text in texts for m in pattern.finditer(text) if m.group()]


@cache
def _pay_sentences() -> tuple[str, ...]:
    """The sentences the salary patterns read (the decoy pattern is too slow to run over whole ads)."""
    return tuple(s for text in corpus() for s in salary._salary_sentences(text))


_SALARY_PATTERNS = {salary._DECOY_WORD, salary._SALARY_WORD, *salary._PERIODS.values()}


@cache
def _corpus_matches(pattern: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(_matches(pattern, _pay_sentences() if pattern in _SALARY_PATTERNS else corpus()))


GUARDED: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("education master", education._MASTER, education.LEVEL_CUES),
    ("education bachelor", education._BACHELOR, education.LEVEL_CUES),
    ("education vocational", education._VOCATIONAL, education.LEVEL_CUES),
    ("education none", education._NONE, education.NONE_CUES),
    ("agency words", agency._AGENCY_WORDS, agency.AGENCY_WORD_CUES),
    ("agency client", agency._CLIENT_AS_EMPLOYER, agency.CLIENT_CUES),
    ("agency own staff", agency._OWN_STAFF, agency.OWN_STAFF_CUES),
    ("salary decoy", salary._DECOY_WORD, salary.DECOY_CUES),
    ("salary word", salary._SALARY_WORD, salary.SALARY_CUES),
    *[(f"salary period {p}", salary._PERIODS[p], salary._PERIOD_CUES[p]) for p in salary._PERIODS],
    *[(f"salary mask {i}", salary_amounts._MASKS[i], c) for i, c in salary_amounts._MASK_CUES.items() if c],
    ("extent percent", extent._PERCENT, extent.PERCENT_CUES),
    ("extent labelled share", extent._LABELLED_SHARE, extent.LABELLED_CUES),
    ("extent full time", extent._FULL_TIME_WORD, extent.FULL_TIME_CUES),
    ("deadline label", dates._DEADLINE_LABEL, dates.DEADLINE_CUES),
]


@pytest.mark.parametrize(("name", "pattern", "cues"), GUARDED, ids=[g[0] for g in GUARDED])
def test_every_match_holds_a_cue(name: str, pattern: re.Pattern[str], cues: tuple[str, ...]) -> None:
    missing = [m for m in _corpus_matches(pattern) if not has_any(m, cues)]
    assert not missing, f"{name}: matches without a cue word: {missing[:5]}"


def test_the_guarded_patterns_match_somewhere_in_the_corpus() -> None:
    """A cue test over text where a pattern never matches would prove nothing."""
    silent = [name for name, pattern, _ in GUARDED if not _corpus_matches(pattern)]
    assert not silent, f"patterns with no match in the corpus: {silent}"


def test_language_rules_match_only_with_their_cues() -> None:
    texts = [language.normalise(s) for text in corpus() for s in sentences(text)]
    for rule in language.STATEMENT_RULES:
        missing = [
            m for m in _matches(rule.pattern, texts) if not all(any(c in m for c in s) for s in rule.cues)
        ]
        assert not missing, f"rule {rule.name!r}: matches without a cue word: {missing[:5]}"


def test_tried_only_where_a_match_can_begin_gives_the_same_matches() -> None:
    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in matches]

    texts = [
        *corpus(),
        "Frist for søknad er 1.12.2026. Søk innen 3. mars. Apply by 2026-12-01; closing date: 1 May.",
        "stillingsprosent 80, stillingsandel: 100 og stillingsstørrelse er på 60",
        "80 % stilling, 20-40 % vikariat, 100 prosent, 1.5 % bonus, 7,5 %",
        "ſøknadsfrist 1.1.2027, ingen krav til utdanning",  # long s: lower-casing cannot stand in for IGNORECASE
        "Ingen formelle krav. You do not need a degree. A formal degree is not required.",
    ]
    for text in texts:
        assert spans(dates._deadline_labels(text)) == spans(dates._DEADLINE_LABEL.finditer(text)), text
        assert spans(extent._percentages(text)) == spans(extent._PERCENT.finditer(text)), text
        low = fold(text)
        assert spans(extent._labelled_shares(text, low)) == spans(extent._LABELLED_SHARE.finditer(text)), text
        assert education._states_none(text) == bool(education._NONE.search(text)), text
        if low is not None:
            starts = word_starts(low, dates.DEADLINE_CUES)
            assert matches_at(dates._DEADLINE_LABEL, text, starts) == bool(dates._DEADLINE_LABEL.search(text))
            assert spans(finditer_at(dates._DEADLINE_LABEL, text, starts)) == spans(
                dates._DEADLINE_LABEL.finditer(text)
            )


@pytest.mark.parametrize(
    ("regex", "cues"),
    [
        (r"master\w*|bachelor", ("bachelor", "master")),
        (r"licen[cs]ed\s+(?:physician|psychologist)", ("physician", "psychologist")),  # parser splits "p"
        (r"høy[e]?re\s+utdanning", ("utdanning",)),  # the longest plain run is the most selective
        (r"(?:a\s+)?degree|utdanning", ("degree", "utdanning")),
        (r"\d+\s*[-–—]\s*\d+", ("-", "–", "—")),
        (r"(?i)Engelsk|ENGLISH", ("engelsk", "english")),
    ],
)
def test_cue_words_are_read_off_the_pattern(regex: str, cues: tuple[str, ...]) -> None:
    assert cue_words(re.compile(regex)) == tuple(sorted(cues))


def test_a_word_added_to_a_pattern_is_a_cue_without_writing_it_twice() -> None:
    before = cue_words(education._MASTER)
    after = cue_words(re.compile(education._MASTER.pattern + "|lektorgrad", re.I))
    assert "lektorgrad" in after and "lektorgrad" not in before
    assert has_any("Du har lektorgrad.", after)


def test_patterns_without_a_guaranteed_word_are_refused() -> None:
    with pytest.raises(ValueError, match="no cue word"):
        cue_words(re.compile(r"\d+|x?"))
    with pytest.raises(ValueError, match="no start word"):
        start_words(re.compile(r"(?:a\s+)?degree"))


def test_start_words_for_a_yes_no_search_pass_over_optional_openings() -> None:
    pattern = re.compile(r"(?:a\s+)?(?:formal\s+)?(?:education|degree)\s+is\s+not|du\s+trenger", re.I)
    starts = start_words(pattern, search_only=True)
    assert starts == ("degree", "du", "education")  # "du" does not hide "education"
    for text in ("A formal education is not needed.", "Du trenger ikke det.", "a degree is not"):
        low = text.lower()
        assert matches_at(pattern, text, word_starts(low, starts)) == bool(pattern.search(text))


def test_start_words_read_a_class_of_a_few_letters_and_count_every_match() -> None:
    """Language-ID's Swedish tell-tales open with "[äö]"; their start words come off the pattern too."""
    from pipeline import langid

    assert start_words(langid._SWEDISH_ONLY) == ("arbete", "för", "och", "söker", "tjänst", "ä", "ö")
    text = "vi söker en medarbetare för arbete och tjänster är öppna. vi søker deg som vil bidra i våre team"
    for pattern, starts in (
        (langid._SWEDISH_ONLY, langid._SWEDISH_STARTS),
        (langid._NORWEGIAN_MARKERS, langid._NORWEGIAN_STARTS),
    ):
        assert langid._count(pattern, text, starts) == len(pattern.findall(text))


def test_month_names_begin_with_a_month_cue() -> None:
    assert all(name.startswith(dates._MONTH_CUES) for name in dates._MONTHS)


def test_fold_refuses_characters_whose_case_rules_differ() -> None:
    assert fold("Søknadsfrist") == "søknadsfrist"
    for odd in ("\u0130", "\u0131", "\u017f"):
        assert fold(f"x{odd}y") is None
        assert has_any(f"x{odd}y", ("never",)) is True  # cannot tell cheaply: let the pattern decide


_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def _random_texts(count: int) -> Iterable[str]:
    rng = random.Random(16)
    pieces = ["a", "B", ".", "!", "?", "\n", " ", "\t", "\u00a0", "\r", "\u2028", ".\n", "?\n\n ", "kr."]
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))


def test_split_spans_is_the_look_behind_split() -> None:
    for text in (*_random_texts(3000), *corpus()[:200]):
        assert [text[a:b] for a, b in split_spans(text)] == _SPLIT.split(text), repr(text)


def test_pieces_with_picks_the_pieces_that_hold_a_word() -> None:
    text = "Vi søker en ingeniør. Du har mastergrad.\nFagbrev er en fordel! Lønn etter avtale."
    assert pieces_with(text, ("master", "fagbrev")) == ["Du har mastergrad.", "Fagbrev er en fordel!"]
    assert pieces_with(text, ("doktorgrad",)) == []
    assert pieces_with("\u0130stanbul", ("master",)) is None


def test_tidy_substitutes_spaces_as_line_by_line() -> None:
    spaces = re.compile(r"[ \t\u00a0\u202f\u2009\u200b]+")
    blank = re.compile(r"\n\s*\n+")
    rng = random.Random(7)
    pieces = ["a", " ", "  ", "\t", "\u00a0", "\u202f", "\u200b", "\n", "\r\n", "\x0b", "\x1c", "\u2028"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        lines = [spaces.sub(" ", line).strip() for line in text.splitlines()]
        expected = blank.sub("\n\n", "\n".join(lines)).strip()
        assert html_to_text(text) == expected, repr(text)


def test_language_markers_counted_only_where_they_begin() -> None:
    from pipeline import langid

    texts = [t.lower() for t in corpus()] + [
        "vi söker en medarbetare för arbete och tjänsten är ledig hos oss."
    ]
    for low in texts:
        for pattern, starts in (
            (langid._NORWEGIAN_MARKERS, langid._NORWEGIAN_STARTS),
            (langid._SWEDISH_ONLY, langid._SWEDISH_STARTS),
        ):
            assert langid._count(pattern, low, starts) == len(pattern.findall(low)), low[:80]


def test_salary_skips_html_to_text_only_for_text_it_would_return_unchanged() -> None:
    rng = random.Random(9)
    pieces = [
        "a",
        "B",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u200b",
        "\u2028",
        "\x1f",
        "\r",
        "&amp;",
        "<b>",
        "x.",
    ]
    plain_seen = 0
    for text in (
        *corpus(),
        *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5000)),
    ):
        if salary._already_plain(text):
            plain_seen += 1
            assert html_to_text(text) == text, repr(text)
    assert plain_seen > 100
