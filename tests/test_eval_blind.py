"""The blind real-ad set is well-formed and truly apart from every other set.

`tests/eval/blind` exists because the normalisers were fixed while their authors looked at
`tests/eval/real` and then at `tests/eval/holdout`; a blind figure needs ads nobody tuned on. These tests
check what keeps it useful: every ad is traceable to a licensed public source, labelled for every core
field with a value the listings table can hold, readable by the ingest, and not a copy of an ad in our
own, the real or the held-out set. They say nothing about accuracy (that is `make eval`'s figure).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import evaluate
from tests.eval_labels import assert_ingest_reads, assert_labelled, assert_traceable, plain_text, read_items

EVAL = Path(__file__).parent / "eval"
BLIND = EVAL / "blind"


ITEMS = read_items(BLIND)


def test_the_set_holds_unique_ads_none_of_them_in_another_set() -> None:
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids)) and len(ids) >= 73  # a floor: it may grow, never shrink unnoticed
    others = [item for name in ("normalise", "real", "holdout") for item in read_items(EVAL / name)]
    assert not set(ids) & {item["id"] for item in others}
    other_texts = " ".join(
        plain_text((item.get("fields") or {}).get("description") or item.get("text") or "") for item in others
    )
    for item in ITEMS:
        probe = plain_text(item["fields"]["description"])[20:100]
        assert probe not in other_texts, item["id"]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_has_provenance_and_a_licence_that_allows_keeping_it(item: dict) -> None:
    assert_traceable(item, BLIND)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_labelled_for_every_core_field(item: dict) -> None:
    assert_labelled(item)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_a_record_the_ingest_reads(item: dict) -> None:
    assert_ingest_reads(item)


def test_make_eval_reports_the_blind_set_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--set", "blind"]) == 0
    assert f"== blind: tests/eval/blind ({len(ITEMS)} items)" in capsys.readouterr().out


def test_make_eval_lists_the_sets_from_our_own_to_the_blind(capsys: pytest.CaptureFixture[str]) -> None:
    """Our own sets first, the blind set after the sets it was gathered to check (not alphabetically)."""
    assert evaluate.main([]) == 0
    heads = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert (
        heads.index("== own") < heads.index("== real") < heads.index("== holdout") < heads.index("== blind")
    )
