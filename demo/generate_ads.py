"""Generate the bundled offline demo data: NAV feed entries, their hidden truth labels and lifecycle events.

    python -m demo.generate_ads [--count 320] [--seed 7] [--today 2026-11-21] [--out demo/data/nav_ads.jsonl.gz]

The demo cannot reach NAV, and NAV's terms do not let us bundle real ads (contact persons are personal
data), so the demo serves invented ads in NAV's exact feed-entry shape. They are composed from parts
(role x employer x place x wordings) so the pipeline meets the variety of real ads: salaries in every
form NOTES.md §5 lists plus numbers that are not salaries, working-language statements from the phrase
lexicon, part-time and temporary posts, staffing agencies, Bokmål, Nynorsk and English text, and
deadlines both past and ahead of `today`. Output is deterministic for (count, seed, today), byte for byte.

Files written next to `--out`:
- nav_ads.jsonl.gz: one feed entry per line, `{uuid, status, sistEndret, ad_content}`.
- nav_ads_labels.jsonl: per uuid, the true values the pipeline should derive (a smoke check, never an input).
- nav_events.json: uuids to deactivate and to retitle, so the demo can show an ad's lifecycle.
- manifest.json: the parameters the files were made with, so a test can regenerate and compare.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from demo.adgen.compose import ComposedAd, compose_ad, timestamp
from demo.adgen.employers import employers_for
from demo.adgen.roles import GROUP_SHARES, roles_in

# The day the committed demo data was generated for; the demo pins $FJORDJOBS_TODAY to it so that
# "expired" and "deadline ahead" mean the same on every machine.
DEMO_TODAY = date(2026, 11, 21)
DEFAULT_COUNT = 320
DEFAULT_SEED = 7
DEFAULT_OUT = Path(__file__).parent / "data" / "nav_ads.jsonl.gz"
DEACTIVATED = 10
RETITLED = 5
_RETITLE_SUFFIXES = {
    "nb": (" – ny søknadsfrist", " (gjenutlyst)", " – flere stillinger"),
    "nn": (" – ny søknadsfrist", " (lyst ut på nytt)"),
    "en": (" – reopened", " (new deadline)"),
}


def group_quotas(count: int) -> dict[str, int]:
    """How many ads each occupation group gets: its share of `count`, rounding left over to IT."""
    quotas = {group: int(count * share) for group, share in GROUP_SHARES.items()}
    quotas["it"] += count - sum(quotas.values())
    return quotas


def generate(count: int, seed: int, today: date) -> list[ComposedAd]:
    """Ads with their labels, in feed order; the same arguments always give the same ads."""
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    rng = random.Random(seed)
    groups = [group for group, quota in group_quotas(count).items() for _ in range(quota)]
    rng.shuffle(groups)
    composed = []
    for group in groups:
        role = rng.choice(roles_in(group))
        employer = rng.choice(employers_for(group))
        composed.append(compose_ad(rng, role, employer, today))
    # The feed lists ads in the order they changed.
    composed.sort(key=lambda item: (item.ad["updated"][:19], item.ad["uuid"]))
    return composed


def generate_ads(count: int, seed: int, today: date) -> list[dict[str, Any]]:
    """NAV `ad_content` dicts (NOTES.md §1.2) for `count` invented ads; deterministic for a seed."""
    return [item.ad for item in generate(count, seed, today)]


def feed_entry(ad: dict[str, Any]) -> dict[str, Any]:
    """The `GET /api/v1/feedentry/{uuid}` reply for an active ad."""
    return {"uuid": ad["uuid"], "status": "ACTIVE", "sistEndret": ad["updated"], "ad_content": ad}


def lifecycle_events(
    ads: Sequence[dict[str, Any]], labels: Sequence[dict[str, Any]], seed: int, today: date
) -> dict[str, Any]:
    """Ten ads withdrawn and five retitled after the first crawl, chosen among ads still open on `today`."""
    rng = random.Random(f"events-{seed}")
    still_open = [(ad, label) for ad, label in zip(ads, labels, strict=True) if not label["expired"]]
    chosen = rng.sample(still_open, DEACTIVATED + RETITLED)
    moment = datetime.combine(today, datetime.min.time()) + timedelta(hours=9)

    def at(index: int) -> str:
        return timestamp(moment + timedelta(minutes=7 * index))

    deactivate = [{"uuid": ad["uuid"], "sistEndret": at(i)} for i, (ad, _) in enumerate(chosen[:DEACTIVATED])]
    retitle = []
    for i, (ad, label) in enumerate(chosen[DEACTIVATED:], start=DEACTIVATED):
        suffix = rng.choice(_RETITLE_SUFFIXES[label["ad_language"]])
        retitle.append(
            {
                "uuid": ad["uuid"],
                "sistEndret": at(i),
                "previous_title": ad["title"],
                "title": ad["title"] + suffix,
            }
        )
    return {"deactivate": deactivate, "retitle": retitle}


def write_outputs(
    composed: Sequence[ComposedAd], out: Path, count: int, seed: int, today: date
) -> dict[str, Path]:
    """Write the feed entries (gzip, reproducible bytes), labels, events and manifest; return their paths."""
    out.parent.mkdir(parents=True, exist_ok=True)
    ads = [item.ad for item in composed]
    labels = [item.label for item in composed]
    lines = "".join(json.dumps(feed_entry(ad), ensure_ascii=False, sort_keys=True) + "\n" for ad in ads)
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as packed,
    ):
        packed.write(lines.encode("utf-8"))
    paths = {
        "ads": out,
        "labels": out.parent / "nav_ads_labels.jsonl",
        "events": out.parent / "nav_events.json",
        "manifest": out.parent / "manifest.json",
    }
    paths["labels"].write_text(
        "".join(json.dumps(label, ensure_ascii=False, sort_keys=True) + "\n" for label in labels),
        encoding="utf-8",
    )
    events = lifecycle_events(ads, labels, seed, today)
    paths["events"].write_text(json.dumps(events, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    manifest = {
        "generator": "demo.generate_ads",
        "count": count,
        "seed": seed,
        "today": today.isoformat(),
        "files": {key: path.name for key, path in paths.items() if key != "manifest"},
        "first_uuids": [ad["uuid"] for ad in ads[:5]],
        "note": "Invented ads in NAV's feed-entry shape for the offline demo; labels are the truth the pipeline should recover.",
    }
    paths["manifest"].write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate and write the demo data set, print a one-line summary."""
    parser = argparse.ArgumentParser(prog="python -m demo.generate_ads", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help="number of ads (default %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=DEMO_TODAY,
        help="day deadlines are relative to (default %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="feed-entry file to write (default %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    composed = generate(args.count, args.seed, args.today)
    paths = write_outputs(composed, args.out, args.count, args.seed, args.today)
    english = sum(item.label["ad_language"] == "en" for item in composed)
    print(
        f"wrote {len(composed)} ads ({english} in English) to {paths['ads']} ({paths['ads'].stat().st_size // 1024} KiB), labels, events, manifest"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
