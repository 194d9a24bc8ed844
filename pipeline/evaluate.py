"""`make eval` for normalisation: accuracy of each field against the hand-labelled sets, set by set.

The sets are reported side by side, because a figure on ads we wrote ourselves says little about ads we
did not: `own` (`tests/eval/normalise/*.jsonl`, written and labelled by this project), `real`
(`tests/eval/real/*.jsonl`, real published ads from public sources, labelled by hand; provenance in its
SOURCES.md) and `holdout` (`tests/eval/holdout/*.jsonl`, more real ads in the same format, kept apart
because the normalisers were improved while looking at `real`; nobody fixes code against `holdout`) and
`blind` (`tests/eval/blind/*.jsonl`, real ads gathered after both were tuned on, labelled before any code
ran on them, because `holdout` was read while fixing too), and `titles`
(`tests/eval/nav_titles/blind.jsonl`: 1,722 of NAV's own job titles, each labelled with the occupation
level 1 NAV's table gives its STYRK-08 code, kept out of the title classifier's training; only
`occupation_level1` is labelled). Every line is {"id", "source"?, "lang"?, "fields", "payload"?, "expected", "note"?, "provenance"?}.
Each item becomes a landing record and goes through the real `normalise_record`, so the figures are those
of the code path ingest uses. Items that are passages rather than whole ads have no title; they get a
neutral one ("…") so the normaliser does not quarantine them.

`unknown` counts the misses where the normaliser said nothing (None) though the label has a value: a user
sees "not stated" there, not a wrong value.

A labelled field the normaliser does not produce yet (no such key in its row) is reported as "not
produced" rather than as 0 %, so a set can carry labels ahead of the code (the real set labels `remote`
and `occupation_level1` for the filters of issue 11).

    python -m pipeline.evaluate [--set own|real|holdout|blind|titles] [--dir PATH] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from pathlib import Path
from typing import Any

EVAL_DAY = date(2026, 11, 21)
_EVAL_ROOT = Path(__file__).resolve().parent.parent / "tests" / "eval"
SETS: dict[str, Path] = {
    "own": _EVAL_ROOT / "normalise",
    "real": _EVAL_ROOT / "real",
    "holdout": _EVAL_ROOT / "holdout",
    "blind": _EVAL_ROOT / "blind",
    "titles": _EVAL_ROOT / "nav_titles",
}
DEFAULT_DIR = SETS["own"]
_PLACEHOLDER_TITLE = "…"


@dataclass
class FieldScore:
    """How one field fared: items labelled, items right, (salary) values invented where none exist, and
    items the normaliser left unknown (None) where the label has a value: a miss that says nothing, which a
    user reads as "not stated", unlike one that says the wrong thing."""

    field: str
    items: int = 0
    correct: int = 0
    invented: int = 0
    unknown: int = 0
    produced: bool = True
    misses: list[dict[str, Any]] = dataclass_field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.items if self.items else 0.0


def load_items(directory: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file name, item) for every line of every *.jsonl in `directory`; a bad line stops with its place."""
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no *.jsonl files in {directory}; pass --dir PATH to the evaluation sets")
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield path.name, json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not valid JSON ({exc.msg}); fix the line") from None


def to_record(item: dict[str, Any]) -> dict[str, Any]:
    """The landing record `make eval` normalises for one item (docs/records.md shape)."""
    fields = dict(item.get("fields") or {})
    if not (fields.get("title") or "").strip():
        fields["title"] = _PLACEHOLDER_TITLE
    return {
        "kind": "listing",
        "source": item.get("source") or "jsonld",
        "source_id": item["id"],
        "url": "https://example.test/" + str(item["id"]),
        "status": "ACTIVE",
        "fetched_at": "2026-11-21T00:00:00+00:00",
        "payload": item.get("payload") or {},
        "fields": fields,
    }


def _produces(row: dict[str, Any], key: str) -> bool:
    return key in row or (key == "occupation_level1" and "occupation_categories" in row)


def _value(row: dict[str, Any], key: str) -> Any:
    """The row's value for a labelled key; occupation level 1 may come as the row's category list."""
    if key == "occupation_level1" and key not in row:
        categories = row.get("occupation_categories") or []
        return [c.get("level1") if isinstance(c, dict) else getattr(c, "level1", None) for c in categories]
    return row.get(key)


def _comparable(key: str, value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if key == "occupation_level1" and isinstance(value, (list, tuple)):
        # A listing may carry several categories; the label is the main one, scored against the first.
        return value[0] if value else None
    return value


def evaluate(directory: Path) -> list[FieldScore]:
    """Scores per expected field over every item in `directory`, in order of first appearance."""
    from pipeline.normalise import RecordError, normalise_record

    scores: dict[str, FieldScore] = {}
    for file_name, item in load_items(directory):
        try:
            row: dict[str, Any] | None = normalise_record(to_record(item), on=EVAL_DAY).as_row()
        except RecordError as exc:
            row, error = None, str(exc)
        for key, want in (item.get("expected") or {}).items():
            score = scores.setdefault(key, FieldScore(key))
            score.items += 1
            if row is not None and not _produces(row, key):
                score.produced = False
                continue
            got = _comparable(key, _value(row, key)) if row is not None else f"<quarantined: {error}>"
            if got == want:
                score.correct += 1
            else:
                if want is None and got is not None and row is not None:
                    score.invented += 1
                if want is not None and got is None and row is not None:
                    score.unknown += 1
                score.misses.append({"file": file_name, "id": item.get("id"), "expected": want, "got": got})
    return list(scores.values())


def _table(scores: list[FieldScore]) -> str:
    lines = [f"{'field':<22} {'items':>6} {'correct':>8} {'accuracy':>9} {'invented':>9} {'unknown':>8}"]
    for s in scores:
        if not s.produced:
            lines.append(f"{s.field:<22} {s.items:>6} {'':>8} {'not produced':>12}")
            continue
        invented = str(s.invented) if s.field.startswith("salary") else ""
        unknown = str(s.unknown) if s.unknown else ""
        lines.append(
            f"{s.field:<22} {s.items:>6} {s.correct:>8} {s.accuracy:>9.1%} {invented:>9} {unknown:>8}"
        )
    return "\n".join(lines)


def _as_json(scores: list[FieldScore]) -> list[dict[str, Any]]:
    return [{**asdict(s), "accuracy": round(s.accuracy, 4) if s.produced else None} for s in scores]


def _print_misses(scores: list[FieldScore]) -> None:
    for s in scores:
        for miss in s.misses:
            print(
                f"{s.field}\t{miss['file']}\t{miss['id']}\texpected={miss['expected']!r}\tgot={miss['got']!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", choices=sorted(SETS), action="append", help="report only this set (repeatable)"
    )
    parser.add_argument("--dir", type=Path, help="report one folder of *.jsonl evaluation sets instead")
    parser.add_argument("--json", action="store_true", help="print scores and misses as JSON")
    parser.add_argument("--misses", action="store_true", help="list each wrong item after the table")
    args = parser.parse_args(argv)
    chosen = {"dir": args.dir} if args.dir else {name: SETS[name] for name in (args.set or list(SETS))}
    for path in chosen.values():
        if not path.is_dir():
            print(f"error: {path} is not a folder; pass --dir PATH to the evaluation sets", file=sys.stderr)
            return 2
    results = {name: evaluate(path) for name, path in chosen.items()}
    if args.json:
        out: Any = _as_json(results["dir"]) if args.dir else {n: _as_json(r) for n, r in results.items()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for number, (name, scores) in enumerate(results.items()):
        if not args.dir:
            items = len(list(load_items(chosen[name])))
            print(
                ("\n" if number else "")
                + f"== {name}: {chosen[name].relative_to(_EVAL_ROOT.parent.parent)} ({items} items)"
            )
        print(_table(scores))
        if args.misses:
            _print_misses(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
