"""Scores of one text against its gold text: word 4-gram and bag-of-words overlap, snippets.

Decides how two texts are compared: :func:`tokenize` (which repairs encoding
damage so it costs at most a word), 4-gram shingles counted with clipping,
precision / recall / F1, and the share of ``with`` / ``without`` snippets
found. Change the metric here; nothing here knows about records or the cleaner.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import regex

from ..visible import INVISIBLE

SHINGLE = 4
_INVISIBLE = regex.compile(f"[{INVISIBLE}]+")
# UTF-8 bytes decoded as Latin-1/cp1252: a lead byte followed by continuation bytes.
_MOJIBAKE = regex.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u20ac\u2122]{1,3}")
_WORD = regex.compile(r"\w+")
_CP1252_BACK = {ch: bytes([b]) for b in range(0x80, 0xA0)
                if (ch := bytes([b]).decode("cp1252", errors="ignore"))}


def _unmojibake(match: regex.Match) -> str:
    """Undo one run of UTF-8-read-as-Latin-1; leave it alone unless it decodes cleanly."""
    piece = match.group()
    try:
        raw = b"".join(_CP1252_BACK.get(ch) or ch.encode("latin-1") for ch in piece)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return piece


def tokenize(text: str) -> list[str]:
    """Lower-cased Unicode words of ``text``.

    Encoding damage is neutralised rather than scored: mojibake runs are
    decoded back when they are valid UTF-8, NUL characters (UTF-16 read as
    UTF-8) are dropped, and replacement characters separate words like
    punctuation does, so ``don�t`` and ``don't`` give the same tokens.
    """
    if not text:
        return []
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.isascii():
        text = _MOJIBAKE.sub(_unmojibake, text)
        text = unicodedata.normalize("NFC", text)
    return _WORD.findall(text.casefold())


def shingles(tokens: list[str], n: int = SHINGLE) -> Counter:
    """Multiset of word n-grams (as tuples); a text shorter than ``n`` gives its words."""
    if len(tokens) < n:
        return Counter((token,) for token in tokens)
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float
    f1: float


def overlap_scores(predicted: Counter, gold: Counter) -> Scores:
    """Clipped multiset overlap; both empty is a perfect 1.0, exactly one empty is 0.0."""
    if not predicted and not gold:
        return Scores(1.0, 1.0, 1.0)
    if not predicted or not gold:
        return Scores(0.0, 0.0, 0.0)
    common = sum((predicted & gold).values())
    precision = common / sum(predicted.values())
    recall = common / sum(gold.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Scores(precision, recall, f1)


def shingle_scores(predicted: str | list[str], gold: str | list[str], n: int = SHINGLE) -> Scores:
    """Word n-gram scores; if either side has fewer than ``n`` words both fall back to words."""
    p = tokenize(predicted) if isinstance(predicted, str) else predicted
    g = tokenize(gold) if isinstance(gold, str) else gold
    if len(p) < n or len(g) < n:
        n = 1
    return overlap_scores(shingles(p, n), shingles(g, n))


def bag_scores(predicted: str | list[str], gold: str | list[str]) -> Scores:
    """Bag-of-words scores: word overlap regardless of order."""
    p = tokenize(predicted) if isinstance(predicted, str) else predicted
    g = tokenize(gold) if isinstance(gold, str) else gold
    return overlap_scores(Counter(p), Counter(g))


def collapsed(text: str) -> str:
    """A text with its whitespace collapsed to single spaces, Unicode composed and the
    characters no reader sees (soft hyphens, zero-width and bidirectional marks) left out:
    the form snippets and main texts are compared in. Trafilatura's comparison matches a
    snippet as a substring so, and its snippets may start or end inside a word; a page's
    soft hyphens ("Über\u00adlebens") are in its snippets but not in a cleaned text."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return " ".join(text.split())


@dataclass(frozen=True)
class SnippetCounts:
    """Snippets of one page (or many, added up), as trafilatura's comparison counts them.

    A ``with`` snippet found in the main text is a true positive, missed a false
    negative; a ``without`` snippet found is a false positive, absent a true negative.
    """

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: "SnippetCounts") -> "SnippetCounts":
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    @property
    def scores(self) -> Scores:
        """Pooled precision, recall and F1 (0 where a denominator is 0)."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return Scores(precision, recall, f1)

    @property
    def kept(self) -> float | None:
        """Share of ``with`` snippets found; ``None`` when there are none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def dropped(self) -> float | None:
        """Share of ``without`` snippets absent; ``None`` when there are none."""
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else None


def snippet_counts(main: str, with_snippets: Iterable[str] | None,
                   without_snippets: Iterable[str] | None) -> SnippetCounts:
    """Which snippets of one page ``main`` contains: a substring once both have their
    whitespace collapsed (:func:`collapsed`); blank snippets do not count."""
    haystack = collapsed(main)

    def found(snippets: Iterable[str] | None) -> list[bool]:
        return [p in haystack for p in (collapsed(s) for s in snippets or () if isinstance(s, str)) if p]

    kept, leaked = found(with_snippets), found(without_snippets)
    return SnippetCounts(tp=sum(kept), fn=len(kept) - sum(kept), fp=sum(leaked), tn=len(leaked) - sum(leaked))


def snippet_rates(main: str, with_snippets: Iterable[str] | None,
                  without_snippets: Iterable[str] | None) -> tuple[float | None, float | None]:
    """(share of ``with`` snippets found in ``main``, share of ``without`` snippets absent).

    ``None`` where a page has no snippets of that kind (or only empty ones),
    so it does not count in the average.
    """
    counts = snippet_counts(main, with_snippets, without_snippets)
    return counts.kept, counts.dropped


def mean(values: Iterable[float]) -> float | None:
    """Macro average; ``None`` for no values (shown as a dash)."""
    values = list(values)
    return sum(values) / len(values) if values else None
