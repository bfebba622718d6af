"""Function words: which Latin-script languages a passage's commonest words belong to.

Reads ``cleaner/data/stopwords.txt`` (the commonest function words of the 31
Latin-script languages langdetect knows) and counts a passage's hits per
language: weighted (a word on k lists weighs 1/k) to say *which* language,
unweighted over the rate a list reaches on running text (``RATE``) to say *how
much* of the passage is in it. No language is decided here; see
:mod:`.detector`.
"""
from __future__ import annotations

import os
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..patterns import lazy_re, settle


DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "stopwords.txt")
# Share of running text the language's list covers (unweighted). Measured on
# paragraphs of 200+ characters (WCXB for en, lang-dev for de fr es pt it pl fi
# hu: the medians); the rest are set by family (Slavic and agglutinative
# languages use fewer separate function words).
RATE: dict[str, float] = {
    "en": 0.45, "de": 0.42, "fr": 0.48, "es": 0.48, "pt": 0.45, "it": 0.43, "pl": 0.28,
    "fi": 0.19, "hu": 0.25, "ca": 0.45, "ro": 0.40, "nl": 0.42, "af": 0.42, "da": 0.40,
    "no": 0.40, "sv": 0.40, "cs": 0.28, "sk": 0.28, "sl": 0.30, "hr": 0.30, "et": 0.20,
    "tr": 0.22, "lt": 0.25, "lv": 0.25,
}
DEFAULT_RATE = 0.35
@lru_cache(maxsize=1)
def stopword_table() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((lang, weight), ...); a word on k lists weighs 1/k for each."""
    lists: dict[str, set[str]] = {}
    with open(DATA, encoding="utf-8") as handle:
        text = handle.read()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, _, words = line.partition(":")
        lists.setdefault(lang.strip(), set()).update(unicodedata.normalize("NFC", words).split())
    owners: dict[str, list[str]] = {}
    for lang, words in lists.items():
        for word in words:
            owners.setdefault(word, []).append(lang)
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    for word, langs in owners.items():  # most words are on one list: no sort, no generator
        if len(langs) == 1:
            table[word] = ((langs[0], 1.0),)
        else:
            weight = 1.0 / len(langs)
            table[word] = tuple([(lang, weight) for lang in sorted(langs)])
    return table


@lru_cache(maxsize=64)
def exclusive_words(lang: str) -> frozenset[str]:
    """The words on ``lang``'s list and on no other: seeing many of them is proof enough."""
    return frozenset(w for w, entry in stopword_table().items() if len(entry) == 1 and entry[0][0] == lang)


@lru_cache(maxsize=64)
def foreign_words(lang: str) -> frozenset[str]:
    """The words on some list but not on ``lang``'s."""
    return frozenset(w for w, entry in stopword_table().items() if all(l != lang for l, _ in entry))


@lru_cache(maxsize=1)
def stopword_languages() -> frozenset[str]:
    return frozenset(lang for entries in stopword_table().values() for lang, _ in entries)


_NOISE = lazy_re(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|</?[A-Za-z][^<>]{0,200}>")


@dataclass(frozen=True, slots=True)
class Words:
    """Function-word evidence of one text."""

    words: int
    letters: int                 # all letters, Latin or not
    hits: dict[str, float]       # weighted hits (a word on k lists counts 1/k): says *which* language
    raw: dict[str, int]          # unweighted hits: says *how much* of the text a language explains
    types: dict[str, int]        # distinct function words of two letters or more per language

    def share(self, lang: str) -> float:
        """Weighted hits per token."""
        return self.hits.get(lang, 0.0) / self.words if self.words else 0.0

    def presence(self, lang: str, weighted: bool = False) -> float:
        """Roughly the fraction of the text written in ``lang``: its hit rate over the
        rate that language's list reaches on running text (``RATE``). Unweighted it
        says how much ``lang`` could explain; weighted, shared words (in, an, de, a)
        no longer count fully for each of their languages, which is fairer when two
        languages are compared."""
        if not self.words:
            return 0.0
        hits = self.hits.get(lang, 0.0) if weighted else self.raw.get(lang, 0)
        return hits / (self.words * RATE.get(lang, DEFAULT_RATE))

    def ranked(self) -> list[tuple[str, float]]:
        """Languages by weighted share, best first."""
        return sorted(((lang, h / self.words) for lang, h in self.hits.items()),
                      key=lambda item: (-item[1], item[0])) if self.words else []


def clean_text(text: str) -> str:
    """NFC, without URLs, e-mail addresses and tag remnants (they are nobody's language)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "/" in text or "@" in text or "<" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return text


def count_words(text: str) -> Words:
    """Tokens (letter runs of the lower-cased text), letters and function-word hits. The
    engine reads the tokens and counts each function word (:func:`_function_words`); the
    Python loop runs once per distinct function word, in the order they first occur."""
    table = stopword_table()
    words, engine = _function_words()
    tokens, letters, found = engine.count(text)
    hits: dict[str, float] = {}
    raw: dict[str, int] = {}
    types: dict[str, int] = {}
    for place, n in found:
        word = words[place]
        for lang, weight in table[word]:
            hits[lang] = hits.get(lang, 0.0) + weight * n
            raw[lang] = raw.get(lang, 0) + n
            if len(word) > 1:   # single letters are as often initials or list marks
                types[lang] = types.get(lang, 0) + 1
    return Words(tokens, letters, hits, raw, types)


@lru_cache(maxsize=1)
def _function_words() -> tuple[list[str], "FunctionWords"]:
    """The function words in a fixed order, and the engine's table of them."""
    from .._core import FunctionWords
    words = list(stopword_table())
    return words, FunctionWords(words)


def _pool(items) -> Words:
    """The evidence of several texts together."""
    hits: Counter[str] = Counter()
    raw: Counter[str] = Counter()
    types: Counter[str] = Counter()
    words = letters = 0
    for w in items:
        hits.update(w.hits)
        raw.update(w.raw)
        types.update(w.types)
        words += w.words
        letters += w.letters
    return Words(words, letters, dict(hits), dict(raw), dict(types))


settle(globals())
