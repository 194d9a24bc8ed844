"""Many texts -> their words, exactly as `Analyzer.words` gives them, without a Python string per occurrence.

Why: indexing 100,000 ads of 400 words means 40 million word occurrences. Finding them with a regex
and looking each up in a dict costs a string object and a hash per occurrence, which was two thirds of
the index build. Here a batch of texts is joined by NUL, prepared in one call (`analyzer.prepare`) and
encoded as Latin-1 bytes (every word character is Latin-1, so anything past it is a separator, as "?"
is); numpy finds where the words start and end, and Arrow's dictionary encoding groups equal words in C.
Python touches each distinct word of the batch once.

It is exact, not approximate: the same bytes the regex reads, split at the same places, compared
whole. Texts that contain NUL themselves go the plain way (the regex, text by text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from matching.analyzer import _WORD, WORD_CHARS, WORD_TAIL, prepare

_SEP = "\x00"


def _byte_class(chars: str) -> np.ndarray:
    """A 256-entry table: True for the Latin-1 characters in the regex character class `chars`."""
    if max(map(ord, chars)) >= 256:
        raise ValueError(f"word characters must be Latin-1 for the byte scan: {chars!r}")
    one = re.compile(f"[{chars}]")
    return np.array([bool(one.fullmatch(chr(b))) for b in range(256)], dtype=bool)


_IS_WORD = _byte_class(WORD_CHARS)
_IS_TAIL = _byte_class(re.escape(WORD_TAIL))
# bytes.translate tables: byte -> 1 if a word (or tail) character else 0; the bytes that are neither.
_WORD_BYTES = _IS_WORD.astype(np.uint8).tobytes()
_TAIL_BYTES = _IS_TAIL.astype(np.uint8).tobytes()
_SEPARATOR_BYTES = bytes(np.flatnonzero(~(_IS_WORD | _IS_TAIL)).astype(np.uint8).tolist())


@dataclass
class Scan:
    """The words of a batch of texts: occurrence i is `words[inverse[i]]`; text t has `counts[t]`
    occurrences, in text order. `words` are distinct, in order of first occurrence."""

    words: list[str]
    inverse: np.ndarray  # int64, one per occurrence
    counts: np.ndarray  # int64, one per text


def scan(texts: Sequence[str]) -> Scan:
    """The words of each text, as `Analyzer.words(text)` would give them (see the module docstring)."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # a text holds NUL itself (or there are none)
        return _plain(texts)
    return _bytes_scan(prepare(joined), len(texts))


def _plain(texts: Sequence[str]) -> Scan:
    """The regex, text by text: the reference the byte scan must equal."""
    ids: dict[str, int] = {}
    inverse: list[int] = []
    counts: list[int] = []
    for text in texts:
        found = _WORD.findall(prepare(text))
        counts.append(len(found))
        inverse.extend(ids.setdefault(w, len(ids)) for w in found)
    return Scan(list(ids), np.asarray(inverse, dtype=np.int64), np.asarray(counts, dtype=np.int64))


def _bytes_scan(text: str, n_texts: int) -> Scan:
    """The byte scan of the prepared texts joined by NUL."""
    # What is not Latin-1 becomes "?", a separator like itself; a NUL on either side gives every word a
    # start and an end.
    raw = b"\x00" + text.encode("latin-1", "replace") + b"\x00"
    is_word = np.frombuffer(raw.translate(_WORD_BYTES), dtype=bool)
    starts = np.flatnonzero(is_word[1:] & ~is_word[:-1]) + 1
    ends = np.flatnonzero(is_word[:-1] & ~is_word[1:]) + 1  # exclusive end of each run of word characters
    # The words back to back: every byte but separators. A "+"/"#" run right after a word belongs to
    # it ("c++", "c#"); others ("#1", "a + b") are separators, and then each byte is picked by a mask.
    packed = raw.translate(None, _SEPARATOR_BYTES)
    if len(packed) != int(np.count_nonzero(is_word)):
        is_tail = np.frombuffer(raw.translate(_TAIL_BYTES), dtype=bool)
        tailed = np.flatnonzero(is_tail[ends])
        tail_ends = np.flatnonzero(is_tail[:-1] & ~is_tail[1:]) + 1
        word_ends = ends[tailed]
        ends[tailed] = tail_ends[np.searchsorted(tail_ends, word_ends, side="right")]
        if len(packed) != int(np.count_nonzero(is_word)) + int((ends[tailed] - word_ends).sum()):
            in_word = is_word.copy()
            tail_len = ends[tailed] - word_ends
            at = np.repeat(word_ends - np.cumsum(tail_len) + tail_len, tail_len) + np.arange(tail_len.sum())
            in_word[at] = True
            packed = np.frombuffer(raw, dtype=np.uint8)[in_word].tobytes()
    # Arrow's dictionary encoding (a hash table in C) groups equal words, numbered by first occurrence.
    offsets = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(ends - starts, out=offsets[1:])
    words = pa.Array.from_buffers(
        pa.large_binary(), len(starts), [None, pa.py_buffer(offsets), pa.py_buffer(packed)]
    ).dictionary_encode()
    separators = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0)[1:-1]  # the NULs between texts
    counts = np.bincount(np.searchsorted(separators, starts), minlength=n_texts).astype(np.int64)
    return Scan(
        [w.decode("latin-1") for w in words.dictionary.to_pylist()],
        words.indices.to_numpy().astype(np.int64),
        counts,
    )
