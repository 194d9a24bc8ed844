"""The held-out real-ad set is well-formed and truly apart from the real set.

`tests/eval/holdout` exists because the normalisers were fixed while their authors looked at
`tests/eval/real`; a blind figure needs ads nobody tuned on. These tests check what keeps it useful:
every ad is traceable to a licensed public source, labelled for every core field with a value the
listings table can hold, readable by the ingest, and not a copy of an ad in the real set. They say
nothing about accuracy (that is `make eval`'s figure).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import evaluate
from tests.eval_labels import assert_ingest_reads, assert_labelled, assert_traceable, plain_text, read_items

EVAL = Path(__file__).parent / "eval"
HOLDOUT = EVAL / "holdout"


ITEMS = read_items(HOLDOUT)


def test_the_set_holds_unique_ads_none_of_them_in_the_real_set() -> None:
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids)) and len(ids) >= 35  # a floor: it may grow, never shrink unnoticed
    real = read_items(EVAL / "real")
    assert not set(ids) & {item["id"] for item in real}
    real_texts = " ".join(plain_text(item["fields"].get("description") or "") for item in real)
    for item in ITEMS:
        probe = plain_text(item["fields"]["description"])[40:120]
        assert probe not in real_texts, item["id"]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_has_provenance_and_a_licence_that_allows_keeping_it(item: dict) -> None:
    assert_traceable(item, HOLDOUT)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_labelled_for_every_core_field(item: dict) -> None:
    assert_labelled(item)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_a_record_the_ingest_reads(item: dict) -> None:
    assert_ingest_reads(item)


def test_make_eval_reports_the_holdout_set_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--set", "holdout"]) == 0
    assert f"== holdout: tests/eval/holdout ({len(ITEMS)} items)" in capsys.readouterr().out
