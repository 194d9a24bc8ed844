"""Turn ad and CV text into weighted terms that mean the same thing across Bokmål, Nynorsk and English.

A plain TF-IDF misses most good matches here: an English CV says "developer" where the ad says
"utvikler", an ad says "systemutvikler" as one word, and half of a typical ad is a company blurb.
So every word goes through: stop words -> bilingual glossary (to one "@concept" token) -> Snowball
stem (Norwegian or English, by the text's language) -> compound splitting against known parts. The
ad's sections are weighted: the title and the requirements count more than the blurb.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import snowballstemmer

from matching.sections import SECTION_WEIGHTS, TITLE_WEIGHT, cv_lines, split_sections

# A word: a run of these characters, then any "+" or "#".
WORD_CHARS = "0-9a-zæøåäöüéèáóç"
WORD_TAIL = "+#"
_WORD = re.compile(f"[{WORD_CHARS}]+[{WORD_TAIL}]*")
_MIN_PART = 3
# English writes these with a hyphen, Norwegian as one word: join them so both meet. The hyphen is
# what the pattern looks for first (a literal start lets the regex engine skip ahead): "full-stack",
# "front-end", "back-end" lose it when they stand as words (`\b` on both sides).
_JOINED = re.compile(r"-(?=(?:stack|end)\b)(?:(?<=\bfull-)|(?<=\bback-)|(?<=\bfront-))")


def prepare(text: str) -> str:
    """The text the word pattern reads: lower-cased, '.net' spelled 'dotnet', 'full-stack' joined."""
    text = text.lower()
    if ".net" in text:
        text = text.replace(".net", " dotnet")
    if "-" in text:
        text = _JOINED.sub("", text)
    return text


class Phrases:
    """The glossary's phrases, each joined into one word wherever a text says it (any spacing between
    its words), so the word meets its concept: "machine learning" -> "machinelearning" -> @machinelearning.

    One pass of a single pattern over the text, replacing each phrase found by its joined word.
    """

    def __init__(self, joined: dict[str, str]) -> None:
        self._joined = {tuple(phrase.split()): word for phrase, word in joined.items()}
        alternatives = sorted(
            (r"\s+".join(map(re.escape, parts)) for parts in self._joined), key=len, reverse=True
        )
        self._pattern = (
            re.compile(f"(?<![{WORD_CHARS}])(?:{'|'.join(alternatives)})(?![{WORD_CHARS}])")
            if alternatives
            else None
        )

    def join(self, text: str) -> str:
        """`text` (lower case) with every phrase written as one word."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._joined[tuple(m.group(0).split())], text)


def _data_lines(name: str) -> list[str]:
    text = resources.files("matching").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _load_stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """(Norwegian, English) stop words: the file lists Norwegian first, then a '# english' marker."""
    text = resources.files("matching").joinpath("data", "stopwords.txt").read_text(encoding="utf-8")
    nordic, _, english = text.partition("# english")
    words = [
        {w for line in part.splitlines() if not line.startswith("#") for w in line.split()}
        for part in (nordic, english)
    ]
    return frozenset(words[0]), frozenset(words[1])


_BOTH = frozenset({"no", "en"})


def _load_ambiguous() -> dict[str, frozenset[str]]:
    """ambiguous.txt: form -> the languages whose texts it is ambiguous in (both unless one is named)."""
    out: dict[str, frozenset[str]] = {}
    for line in _data_lines("ambiguous.txt"):
        fields = line.split("#", 1)[0].split()
        if fields:
            out[fields[0]] = frozenset(fields[1:]) & _BOTH or _BOTH
    return out


@dataclass
class Analyzer:
    """Text -> terms; caches per word, so a corpus of 100,000 ads costs one stem per distinct word."""

    stop_no: frozenset[str] = field(init=False)
    stop_en: frozenset[str] = field(init=False)
    stop: frozenset[str] = field(init=False)
    ambiguous: dict[str, frozenset[str]] = field(init=False)  # form -> languages it stands for no concept in
    concepts: dict[str, str] = field(init=False)  # surface form -> "@concept"
    stem_concepts: dict[str, dict[str, str]] = field(init=False)  # language -> stem of a form -> "@concept"
    parts: frozenset[str] = field(init=False)  # known compound parts
    phrases: Phrases = field(init=False)  # the glossary's phrases, read as one word each
    surface: dict[str, str] = field(init=False, default_factory=dict)  # term -> a word it came from

    def __post_init__(self) -> None:
        self.stop_no, self.stop_en = _load_stopwords()
        self.stop = self.stop_no | self.stop_en
        self._stemmers = {
            "no": snowballstemmer.stemmer("norwegian"),
            "en": snowballstemmer.stemmer("english"),
        }
        self.ambiguous = _load_ambiguous()
        self.concepts = {}
        self.stem_concepts = {"no": {}, "en": {}}
        phrases: dict[str, str] = {}
        for line in _data_lines("glossary.tsv"):
            concept, _, forms = line.partition("\t")
            token = "@" + concept.strip().replace(" ", "_")
            for form in (f.strip().lower() for f in forms.split(",")):
                if " " in form:
                    # A phrase ("machine learning", "trade certificate") is read as one word, written
                    # without its spaces: English names in two words what Norwegian writes as one.
                    phrases.setdefault(form, form.replace(" ", ""))
                    form = phrases[form]
                if not form or self.ambiguous.get(form) == _BOTH:
                    continue
                self.concepts.setdefault(form, token)
                # A stem stands for the concept only in its own language's texts, and never when it
                # is itself an ambiguous word ("accounting" stems to "account").
                for lang, stemmer in self._stemmers.items():
                    stem = stemmer.stemWord(form)
                    if lang not in self.ambiguous.get(stem, ()):
                        self.stem_concepts[lang].setdefault(stem, token)
        self.phrases = Phrases(phrases)
        words = {w for line in _data_lines("compound_parts.txt") for w in line.split()}
        words |= {k for k in self.concepts if len(k) >= _MIN_PART and k.isalpha()}
        self.parts = frozenset(w for w in words if w not in self.ambiguous)
        self._cache: dict[str, dict[str, tuple[str, ...]]] = {"no": {}, "en": {}}
        self._splits: dict[str, tuple[str, str] | None] = {}

    # --- words -------------------------------------------------------------------------------------

    def words(self, text: str) -> list[str]:
        """Lower-cased word tokens; '.net' and 'c#' survive as words."""
        return _WORD.findall(self.phrases.join(prepare(text)))

    def language(self, words: Iterable[str]) -> str:
        """'en' or 'no' by which language's stop words are more frequent (ties: Norwegian)."""
        en = no = 0
        for i, w in enumerate(words):
            if i > 400:
                break
            en += w in self.stop_en
            no += w in self.stop_no
        return "en" if en > no else "no"

    def terms(self, word: str, lang: str) -> tuple[str, ...]:
        """The terms one word stands for: () for a stop word, a concept, a stem, or a compound's parts."""
        cache_ = self._cache[lang]
        found = cache_.get(word)
        if found is None:
            found = self._terms(word, lang, depth=0)
            cache_[word] = found
        return found

    def _terms(self, word: str, lang: str, depth: int) -> tuple[str, ...]:
        if word in self.stop or len(word) < 2 or word.isdigit():
            return ()
        stem = self._stemmers[lang].stemWord(word)
        if lang not in self.ambiguous.get(word, ()):
            concept = self.concepts.get(word)
            # An inflected form meets its concept through the stem; a word that IS a bare stem
            # ("fast" of "fastlege", "lag" of "lager", "over" of "overlege") is another word.
            if not concept and stem != word:
                concept = self.stem_concepts[lang].get(stem)
            if concept:
                return (concept,)
        self.surface.setdefault(stem, word)
        if depth < 2 and len(word) >= 2 * _MIN_PART + 1 and word.isalpha():
            split = self._split(word)
            if split:
                left, right = split
                extra = self._terms(left, lang, depth + 1) + self._terms(right, lang, depth + 1)
                return (stem, *(t for t in dict.fromkeys(extra) if t != stem))
        return (stem,)

    def _split(self, word: str) -> tuple[str, str] | None:
        """Split a compound at the longest known head: 'sykepleiervikar' -> ('sykepleier', 'vikar')."""
        if word in self._splits:
            return self._splits[word]
        found = self._find_split(word)
        self._splits[word] = found
        return found

    def _find_split(self, word: str) -> tuple[str, str] | None:
        for i in range(_MIN_PART, len(word) - _MIN_PART + 1):
            right = word[i:]
            if right not in self.parts:
                continue
            left = word[:i]
            for candidate in (left, left[:-1] if left[-1] in "se" else ""):
                if len(candidate) >= _MIN_PART and (candidate in self.parts or self._split(candidate)):
                    return candidate, right
        return None

    # --- documents ---------------------------------------------------------------------------------

    def tokens(self, text: str) -> list[str]:
        """Unweighted terms of a text (an sklearn-style analyzer: one term per occurrence)."""
        words = self.words(text)
        lang = self.language(words)
        return [t for w in words for t in self.terms(w, lang)]

    def weigh_text(
        self, text: str, weight: float = 1.0, into: dict[str, float] | None = None
    ) -> dict[str, float]:
        """Summed weight per term of a text (a CV, or one part of an ad)."""
        out: dict[str, float] = {} if into is None else into
        words = self.words(text)
        lang = self.language(words)
        for w in words:
            for t in self.terms(w, lang):
                out[t] = out.get(t, 0.0) + weight
        return out

    def weigh_cv(self, text: str) -> dict[str, float]:
        """Summed weight per term of a CV, by its parts (CV_SECTION_WEIGHTS); one language for the whole CV."""
        lang = self.language(self.words(text))
        out: dict[str, float] = {}
        for weight, line in cv_lines(text):
            for w in self.words(line):
                for t in self.terms(w, lang):
                    out[t] = out.get(t, 0.0) + weight
        return out

    def listing_parts(
        self, title: str | None, description: str | None
    ) -> tuple[str, list[tuple[float, Counter[str]]]]:
        """(language, [(weight, word counts)]) of an ad: the title, then each section of the description.

        Counting words first means each distinct word is looked up once per section, which is what
        makes indexing 100,000 ads affordable.
        """
        parts: list[tuple[float, Counter[str]]] = [(TITLE_WEIGHT, Counter(self.words(title or "")))]
        for section, text in split_sections(description or ""):
            parts.append((SECTION_WEIGHTS[section], Counter(self.words(text))))
        en = no = 0
        for _, counts in parts[1:]:
            for w, n in counts.items():
                if w in self.stop_en:
                    en += n
                elif w in self.stop_no:
                    no += n
        return ("en" if en > no else "no"), parts

    def weigh_listing(self, title: str | None, description: str | None) -> dict[str, float]:
        """Summed weight per term of an ad: the title and each section by its weight (SECTION_WEIGHTS)."""
        lang, parts = self.listing_parts(title, description)
        out: dict[str, float] = {}
        for weight, counts in parts:
            for w, n in counts.items():
                for t in self.terms(w, lang):
                    out[t] = out.get(t, 0.0) + weight * n
        return out

    def display(self, term: str) -> str:
        """A readable form of a term: the concept's name, or a word the stem came from."""
        if term.startswith("@"):
            return term[1:].replace("_", " ")
        return self.surface.get(term, term)


@cache
def default_analyzer() -> Analyzer:
    """One shared analyzer per process, so its word cache is reused across calls."""
    return Analyzer()
