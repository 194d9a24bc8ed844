"""Ad text as the sources deliver it: escaped markup anywhere in it, and mojibake already in the source."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from pipeline.normalise import normalise_record
from pipeline.text import html_to_text, repair


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # NAV import records: the whole body escaped, starting with plain text
        (
            "Vi søker en lærer.&lt;br /&gt;&lt;h2&gt;Om stillingen&lt;/h2&gt;&lt;p&gt;Lønn etter avtale&lt;/p&gt;",
            "Vi søker en lærer.\n\nOm stillingen\n\nLønn etter avtale",
        ),
        # escaped twice inside real markup
        ("<p>Intro</p><p>&lt;br /&gt;&lt;h2&gt;Krav&lt;/h2&gt;</p>", "Intro\n\nKrav"),
        # an escaped comparison is text, not markup
        ("Erfaring &lt; 2 år er greit", "Erfaring < 2 år er greit"),
    ],
)
def test_escaped_markup_becomes_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected
    assert "<" not in expected or "<h2>" not in html_to_text(markup)


def test_mojibake_is_repaired_and_clean_text_left_alone() -> None:
    assert repair("Stilling i TromsÃ¸ og BodÃ¸ â€“ fast") == "Stilling i Tromsø og Bodø – fast"
    assert repair("ï¿½pen stilling") == "\ufffdpen stilling"  # the lost character is not guessed
    clean = "Vi søker en sykepleier i Tromsø – fast stilling."
    assert repair(clean) is clean


def _record(fields: dict[str, Any]) -> dict[str, Any]:
    return {"source": "nav", "source_id": "x1", "status": "ACTIVE", "fields": fields}


def test_listing_has_no_mojibake_in_title_employer_places_or_text() -> None:
    row = normalise_record(
        _record(
            {
                "title": "Sykepleier til TromsÃ¸",
                "employer": "Universitetssykehuset Nord-Norge, TromsÃ¸",
                "description": "<p>Vi sÃ¸ker deg.</p>",
                "locations": [{"city": "TROMSÃ\u0098", "municipality": "TROMSÃ\u0098", "county": "TROMS"}],
            }
        ),
        on=date(2026, 11, 21),
    )
    assert row.title == "Sykepleier til Tromsø"
    assert row.employer == "Universitetssykehuset Nord-Norge, Tromsø"
    assert row.description == "Vi søker deg."
    assert row.city == "Tromsø"


def test_text_that_only_looks_like_a_tag_is_read_once() -> None:
    """Prose such as "a < b ... >" looks like a tag left as text; reading it again changed nothing and recursed
    until Python gave up (RecursionError), which no ingest catches: one such ad stopped its whole file."""
    assert html_to_text("<p>Krav: a < b og c > d</p><p><i>Søk nå</i></p>") == "Krav: a < b og c > d\n\nSøk nå"
    record = {
        "source": "jsonld",
        "source_id": "x1",
        "fields": {"title": "Ingeniør", "description": "<p>Toleranse a < b og c > d mm.</p>"},
    }
    assert normalise_record(record, date(2026, 11, 21)).description == "Toleranse a < b og c > d mm."
