"""Which language an ad is written in, sentence by sentence, with py3langid's bundled model.

This is the last resort of English-acceptance tagging (NOTES.md §4): only when neither a structured
field nor a statement in the text decides does the ad's own language stand in for its working
language. The identifier runs over all ~100 languages of its model, never a short list: restricted
to five languages it calls Polish, Lithuanian and German ads Norwegian with confidence.

py3langid often says `da` or `sv` for a short Norwegian sentence, so Danish and Swedish count as
Norwegian when the ad also shows words that only Norwegian uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import threading
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from pipeline.cues import finditer_at, start_words, word_starts
from pipeline.text import sentences

MAX_SENTENCES = 12
"""Language-ID cost grows with text; the first dozen real sentences tell the language of an ad."""
MAX_CHARS = 1000
"""Stop adding sentences past this many characters: identification time grows with the bytes read."""
AGREEMENT_CHARS = 300
"""Once this many characters agree on one language (Nordic languages as one), stop identifying."""
MIN_SENTENCE_CHARS = 25
"""Headings such as "Kvalifikasjoner" or "Heltid" are too short to identify reliably."""
MIN_TOTAL_CHARS = 40
"""Below this much text any guess about the ad's language is noise."""

NORWEGIAN_CODES = frozenset({"no", "nb", "nn"})
SCANDINAVIAN_NEIGHBOURS = frozenset({"da", "sv"})

LANGUAGE_NAMES = {
    "en": "English",
    "no": "Norwegian",
    "nb": "Norwegian",
    "nn": "Norwegian",
    "da": "Danish",
    "sv": "Swedish",
    "de": "German",
    "pl": "Polish",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "fi": "Finnish",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "is": "Icelandic",
}

# Words that Norwegian (Bokmål or Nynorsk) ads use and Danish and Swedish spell otherwise
# (arbejde, ansøgning, søger, tilbyder, vores, hos os, fuldtid, gennem, opgaver).
_NORWEGIAN_MARKERS = re.compile(
    r"\b(?:arbeid\w*|søknad\w*|søker|søkjer|ønskjer|tilbyr|kvalifikasjon\w*|ikkje|eit|"
    r"våre|hos oss|heltid|kommune|fylke|gjennom|bidra|oppgaver|oppgåver|korleis|kva)\b"
)
_SWEDISH_ONLY = re.compile(r"[äö]|\b(?:och|är|för|söker|arbete|tjänst\w*)\b")


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


_model: _Identifier | None = None
_model_lock = threading.Lock()
_loader: threading.Thread | None = None


def _identifier() -> _Identifier:
    """py3langid's bundled model, loaded once per process (about half a second) and unrestricted.

    Locked so a caller never loads it a second time while `load_in_background` is still at it.
    """
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _load_model()
    return _model


def _cache_dir() -> Path:
    """Where the unpacked model is kept: `$FJORDJOBS_CACHE_DIR`, else the user's cache directory."""
    configured = os.environ.get("FJORDJOBS_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fjordjobs"


def _load_model() -> _Identifier:
    """The bundled model, from an unpacked copy when one exists (about ten times faster to read).

    The bundled file is LZMA-compressed: unpacking costs most of a half-second load in every process
    that identifies a language. The first load stores the arrays as plain `.npy` files keyed by the
    bundled file's size and time; later loads read those. Without a writable cache it loads as shipped.
    """
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    bundled = MODEL_DIR / MODEL_FILE
    stat = bundled.stat()
    unpacked = _cache_dir() / f"langid-{stat.st_size}-{stat.st_mtime_ns}"
    try:
        # Mapped, not read: pages come from the page cache on use and forked workers share them.
        parts = {name: np.load(unpacked / f"{name}.npy", mmap_mode="r") for name in _MODEL_PARTS}
    except (OSError, ValueError):
        ptc, pc, classes, nextmove, row, output = load_model(bundled)
        _store(unpacked, ptc, pc, classes, nextmove, row, output)
    else:
        ptc, pc, classes = parts["ptc"], parts["pc"], parts["classes"].tolist()
        nextmove, row = _uint_array(parts["nextmove"]), _uint_array(parts["nextmove_row"])
        output = parts["out_feat"].tolist()
    # As LanguageIdentifier.from_model_file builds it.
    identifier: _Identifier = LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, tk_row=row
    )
    return identifier


_MODEL_PARTS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _uint_array(values: Any) -> array[int]:
    """A NumPy unsigned array as the stdlib array py3langid's DFA walk indexes (as its loader makes it)."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(values).cast("B"))
    return out


def _store(unpacked: Path, *model: Any) -> None:
    """Write the unpacked arrays next to each other, all or nothing (a rename publishes them)."""
    import numpy as np

    ptc, pc, classes, nextmove, row, output = model
    typecodes = {"H": np.uint16, "I": np.uint32, "L": np.uint64}
    arrays = {
        "ptc": ptc,
        "pc": pc,
        "classes": np.array(classes),
        "nextmove": np.frombuffer(nextmove, dtype=typecodes[nextmove.typecode]),
        "nextmove_row": np.frombuffer(row, dtype=typecodes[row.typecode]),
        "out_feat": np.asarray(output, dtype=np.int32),
    }
    with contextlib.suppress(OSError):
        unpacked.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=unpacked.name + ".", dir=unpacked.parent))
        try:
            for name, values in arrays.items():
                np.save(staging / f"{name}.npy", values, allow_pickle=False)
            staging.rename(unpacked)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def load_in_background() -> None:
    """Start loading the model in a thread, for a caller that will surely need it soon.

    Most of the load is LZMA decompression, which releases the GIL: the ingest parses its landing file
    meanwhile instead of waiting half a second before the first ad can be normalised.
    """
    global _loader
    if _model is None and _loader is None:
        _loader = threading.Thread(target=_identifier, name="langid-model", daemon=True)
        _loader.start()


def ensure_loaded() -> None:
    """Load the model now (or wait for the background load): call before forking workers that share it."""
    global _loader
    _identifier()
    if _loader is not None:
        _loader.join()
        _loader = None


@lru_cache(maxsize=8192)
def _classify(sentence: str) -> str:
    """py3langid's language code for one sentence (about 0.1 ms each).

    Remembered because ads repeat sentences: boilerplate about the employer, the application and the
    benefits comes back in every ad of one employer or one applicant-tracking system.
    """
    code, _score = _identifier().classify(sentence)
    return code


def clear_caches() -> None:
    """Forget remembered sentence languages (benchmarks clear them between passes)."""
    _classify.cache_clear()


@dataclass(frozen=True)
class AdLanguage:
    """The language an ad is written in, with each language's share of the identified characters."""

    language: str | None  # "en", "no", a code such as "pl", or None when mixed or too short
    shares: dict[str, float]  # language code -> share of characters, codes as in LANGUAGE_NAMES
    chars: int  # how many characters were identified

    def share(self, code: str) -> float:
        return self.shares.get(code, 0.0)


def language_name(code: str) -> str:
    """English name of a language code for evidence strings ("pl" -> "Polish")."""
    return LANGUAGE_NAMES.get(code, code)


def _sample(text: str, title: str) -> list[str]:
    """The sentences worth identifying: the title left out (Norwegian ads often carry English titles)."""
    body = text
    if title and body.startswith(title):
        body = body[len(title) :]
    if body is not text and body.startswith("\n") and title.splitlines() == [title]:
        # A one-line title, then a line break: the body's sentences are the text's after the title's, and
        # the text's are already split (and cached) for the language statements.
        parts = sentences(text)[len(sentences(title)) :]
    else:
        parts = sentences(body)
    long_parts = [p for p in parts if len(p) >= MIN_SENTENCE_CHARS]
    chosen: list[str] = []
    chars = 0
    for part in long_parts or parts:
        if len(chosen) == MAX_SENTENCES or chars >= MAX_CHARS:
            break
        chosen.append(part)
        chars += len(part)
    return chosen


def detect_ad_language(text: str, title: str = "", threshold: float = 0.6) -> AdLanguage:
    """Identify the ad's language from its first sentences, weighting each sentence by its length.

    Returns language "en" or "no" when that language holds at least `threshold` of the characters
    (Danish and Swedish folded into Norwegian when Norwegian marker words are present), another code
    when a foreign language dominates, and None for mixed or too little text.
    """
    parts = _sample(text, title)
    total = sum(len(p) for p in parts)
    if total < MIN_TOTAL_CHARS:
        return AdLanguage(None, {}, total)
    counts: dict[str, int] = {}
    families: set[str] = set()
    done = 0
    for part in parts:
        code = _classify(part)
        if code in NORWEGIAN_CODES:
            code = "no"
        counts[code] = counts.get(code, 0) + len(part)
        families.add("nordic" if code == "no" or code in SCANDINAVIAN_NEIGHBOURS else code)
        done += len(part)
        if done >= AGREEMENT_CHARS and len(families) == 1:
            break  # a monolingual start: reading on would cost time and change nothing
    total = done
    neighbours = sum(counts.get(code, 0) for code in SCANDINAVIAN_NEIGHBOURS)
    if neighbours and _looks_norwegian(text.lower()):
        for code in SCANDINAVIAN_NEIGHBOURS:
            counts["no"] = counts.get("no", 0) + counts.pop(code, 0)
    shares = {code: n / total for code, n in sorted(counts.items(), key=lambda kv: -kv[1])}
    best = next(iter(shares))
    if shares[best] >= threshold:
        return AdLanguage(best, shares, total)
    # A Scandinavian mixture without Norwegian markers is still one Scandinavian text.
    nordic = sum(shares.get(code, 0.0) for code in ("no", *SCANDINAVIAN_NEIGHBOURS))
    if nordic >= threshold:
        return AdLanguage(
            max(("no", *SCANDINAVIAN_NEIGHBOURS), key=lambda c: shares.get(c, 0.0)), shares, total
        )
    return AdLanguage(None, shares, total)


def _looks_norwegian(lowered: str) -> bool:
    """At least two Norwegian-only words and no more Swedish tell-tales than Norwegian ones."""
    norwegian = _count(_NORWEGIAN_MARKERS, lowered, _NORWEGIAN_STARTS)
    return norwegian >= 2 and norwegian > _count(_SWEDISH_ONLY, lowered, _SWEDISH_STARTS)


# Every match of the marker patterns begins with one of these words, read off the patterns (pipeline/cues.py).
_NORWEGIAN_STARTS = start_words(_NORWEGIAN_MARKERS)
_SWEDISH_STARTS = start_words(_SWEDISH_ONLY)


def _count(pattern: re.Pattern[str], lowered: str, starts: tuple[str, ...]) -> int:
    """`len(pattern.findall(lowered))`, trying the pattern only where one of its words begins."""
    return sum(1 for _ in finditer_at(pattern, lowered, word_starts(lowered, starts)))
