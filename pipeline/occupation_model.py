"""A small title classifier for NAV's level-1 occupation category, learnt from NAV's own job titles.

Why: the vocabulary rules (`occupation_vocab.py`) read a title only when one of their few hundred head
nouns ends one of its words, so a title such as "Fiskerøkter", "Poliklinikksykepleier" or "Kvalitetssjef"
in a trade the tables do not name gets no category, and the ad falls through to its text. NAV names about
8,800 job titles with a STYRK-08 code each (`tests/eval/nav_titles/`, provenance there), which is enough
to learn which letter sequences go with which level 1. A logistic regression over TF-IDF character
2-5-grams of each word (scikit-learn's `char_wb`) gets 72 % of a held-out quarter of those titles right,
against 33 % for the title rules alone (`python -m pipeline.occupation_train --check` prints both).

How it ships: `occupation_train` fits the model with scikit-learn and writes only its numbers to
`data/occupation_model.npz` (the n-grams, their idf, the coefficients in float16, the classes). Reading
a title here needs numpy and this module, not scikit-learn or pickle: the file loads on first use (about
20 ms), and one title costs a few dozen dictionary look-ups and one small matrix product.

It reads only the title's words that are shaped like a job title: a word whose last six letters end
some word of NAV's training titles (or, shorter, is such a word). "Stillasbygger søkes til Oslo" is read
as "stillasbygger" ("søkes" ends no title word), "Poliklinikksykepleier" as itself (it ends as
"sykepleier"), and a slogan ("Bli med på laget!", "Ledige stillinger") keeps no word, so the model says
nothing rather than guess: without this filter it put a category on five of six such titles.

It gives a level 1 only, with its probability; `occupation.py` uses it for a title the rules cannot read,
and only above `MIN_PROBABILITY`.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

MODEL_FILE = "data/occupation_model.npz"
NGRAM_SIZES = (2, 3, 4, 5)
# Below this the model's best class is a guess among several (13 classes: an even spread is 0.08).
# Chosen on the held-out quarter of the training titles, not on any evaluation set.
MIN_PROBABILITY = 0.3
ENDING = 6  # letters of a word's end that must match the end of a training title's word
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def ending(word: str) -> str:
    """The part of a word that must end some training title's word for the model to read it."""
    return word[-ENDING:]


def title_words(folded: str, endings: frozenset[str]) -> str:
    """The words of a folded title that end like a word of NAV's job titles, joined by spaces."""
    return " ".join(w for w in _WORD.findall(folded) if not w.isdigit() and ending(w) in endings)


def ngrams(folded: str) -> list[str]:
    """The character 2-5-grams of each word, padded with a space each side, as scikit-learn's `char_wb`.

    The training and the prediction both call this, so the two cannot drift apart.
    """
    grams: list[str] = []
    for word in _SPACES.sub(" ", folded).split():
        padded = f" {word} "
        for size in NGRAM_SIZES:
            if len(padded) < size:
                break
            grams += [padded[i : i + size] for i in range(len(padded) - size + 1)]
    return grams


@dataclass(frozen=True)
class TitleModel:
    """The numbers of the fitted model: n-gram -> column, idf per column, coefficients, classes."""

    columns: dict[str, int]
    idf: npt.NDArray[np.float32]
    coef: npt.NDArray[np.float32]  # classes x columns
    intercept: npt.NDArray[np.float32]
    classes: tuple[str, ...]
    endings: frozenset[str]  # `ending()` of every word of the training titles

    def predict(self, folded: str) -> tuple[str, float] | None:
        """(level 1, probability) for a folded title; None when none of its words is shaped like a job
        title's, or none of their n-grams was seen in training."""
        counts: dict[int, int] = {}
        for gram in ngrams(title_words(folded, self.endings)):
            column = self.columns.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if not counts:
            return None
        index = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = np.array([1.0 + math.log(n) for n in counts.values()], dtype=np.float32) * self.idf[index]
        weights /= float(np.linalg.norm(weights)) or 1.0
        scores = self.coef[:, index] @ weights + self.intercept
        scores = np.exp(scores - scores.max())
        best = int(scores.argmax())
        return self.classes[best], float(scores[best] / scores.sum())


@lru_cache(maxsize=1)
def title_model() -> TitleModel:
    """The shipped model, read once per process."""
    raw = resources.files("pipeline").joinpath(MODEL_FILE).read_bytes()
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        grams = [str(g) for g in data["ngrams"]]
        return TitleModel(
            columns={gram: i for i, gram in enumerate(grams)},
            idf=data["idf"].astype(np.float32),
            coef=data["coef"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            classes=tuple(str(c) for c in data["classes"]),
            endings=frozenset(str(e) for e in data["endings"]),
        )
