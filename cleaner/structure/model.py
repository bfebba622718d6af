"""Score lines in two passes and decode the whole page at once.

1. *Local pass*: a logistic model adds up the weights of a line's own features
   (:mod:`cleaner.structure.features`) into the log-odds that it is article text.
2. *Context pass*: the same line is scored again with what its neighbours scored
   in pass 1 (windows before and after it, its block), with where it stands
   against the page's article region — the contiguous run of lines with the most
   article evidence, found as a maximum-sum segment — and with how much of its
   vocabulary that region shares (an article keeps to its topic; a teaser, a bio
   or a disclaimer after it does not). This is how a short line between two
   paragraphs becomes a heading and the same line inside a run of menu items
   stays navigation.
3. *Decoding*: a two-state sequence model (article / chrome) over the lines,
   Viterbi with a price for every switch, set apart for a switch inside a block,
   between blocks, and between two pieces of one flattened line (a converter that
   prints the page as one line leaves only our own sentence cuts as boundaries,
   and menu and prose change there less often than between blocks). A unit's
   say in the decoding grows with the square root of its words (up to a cap): a
   paragraph of two hundred words between two teasers is not outvoted by them as
   if it were one more label, and it is most of what the reader would lose.

The weights are small (a few hundred numbers) and ship in ``cleaner/data``
(``structure.json``, and the stopwords of the line features one a line in the
file it names, which the engine reads itself); ``scripts/fit_structure.py``
fits them.

The stage scores and decodes a page in the Rust engine (``cleaner._core.Model``,
``core/src/model.rs``), which holds the weights by feature id and sums them in
the order the functions below do, so that its scores are these to the bit. The
functions below are what the fitting script reads the model with (and what the
engine is tested against); the context features' names come from the engine.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .._core import Model
from .features import LineInfo, StopwordFile, page_indexes

LIFT = 1.5
EMIT_WORDS = 20.0  # a weights file that names no emission: every unit counts once
EMIT_CAP = 1.0


@dataclass(frozen=True)
class Weights:
    stopwords: frozenset[str] | StopwordFile
    local: dict[str, float]
    local_bias: float
    passes: tuple[tuple[dict[str, float], float], ...]  # context passes: (weights, bias)
    switch_block: float   # price of a label change between blocks
    switch_line: float    # price of a label change inside a block
    bias: float           # added to every context log-odds before decoding
    lift: float = LIFT    # most that context can add to a unit's own log-odds
    switch_flat: float | None = None  # between pieces of flattened lines (None: as between blocks)
    bias_flat: float | None = None    # ``bias`` for pieces of flattened lines (None: as ``bias``)
    emit_words: float = EMIT_WORDS    # a unit of this many words or fewer counts once in the decoding ...
    emit_cap: float = EMIT_CAP        # ... a longer one sqrt(words / emit_words) times, at most this (1: all once)

    @classmethod
    def from_dict(cls, data: dict, folder: str = ".") -> "Weights":
        """``data["stopwords"]``: the words, or the name of their file (one a line) in ``folder``."""
        passes = tuple((p["weights"], p["bias"]) for p in data["passes"])
        return cls(stopwords_of(data, folder), data["local"]["weights"], data["local"]["bias"], passes,
                   data["decode"]["switch_block"], data["decode"]["switch_line"],
                   data["decode"].get("bias", 0.0), data["decode"].get("lift", LIFT),
                   data["decode"].get("switch_flat"), data["decode"].get("bias_flat"),
                   data["decode"].get("emit_words", EMIT_WORDS), data["decode"].get("emit_cap", EMIT_CAP))

    def scores(self, infos: list[LineInfo]) -> list[float]:
        """Log-odds of every unit after the local pass and every context pass.

        Context may lift a unit at most ``lift`` above what its own evidence says: a
        heading between paragraphs is lifted into the article, a menu that happens to
        sit between two paragraphs is not. Pieces of a flattened line get their own
        decoding bias: a page printed as one line is judged on our sentence cuts, whose
        scores sit differently from those of the converter's own lines.
        """
        if not infos:
            return []
        return self.engine.scores(*page_indexes(infos))

    def decode(self, infos: list[LineInfo]) -> list[bool]:
        """Best labelling (True = article) of ``infos``: units of one :func:`analyse` call."""
        if not infos:
            return []
        return self.engine.decode(*page_indexes(infos))

    @cached_property
    def engine(self) -> Model:
        """The weights by feature id, for the engine."""
        return Model(self.local, self.local_bias, list(self.passes), lift=self.lift, bias=self.bias,
                     bias_flat=self.bias_flat, switch_block=self.switch_block, switch_line=self.switch_line,
                     switch_flat=self.switch_flat, emit_words=self.emit_words, emit_cap=self.emit_cap)


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> Weights:
    if path is None:
        path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "structure.json")
    with open(path, encoding="utf-8") as handle:
        raw = handle.read()
    return Weights.from_dict(json.loads(raw), os.path.dirname(path))


def stopwords_of(data: dict, folder: str = ".") -> frozenset[str] | StopwordFile:
    """The stopwords a weights file names: listed in it, or kept in the file beside it
    that it names (how the packaged weights keep their 23,134)."""
    words = data["stopwords"]
    if isinstance(words, str):
        return StopwordFile(os.path.join(folder, words))
    return frozenset(words)


def decoding_scores(s: list[float], own: list[float], infos: list[LineInfo], lift: float, bias: float,
                    bias_flat: float | None = None) -> list[float]:
    """Context log-odds capped at the unit's own log-odds plus ``lift``, plus the decoding bias."""
    return biased([min(v, o + lift) for v, o in zip(s, own)], infos, bias, bias_flat)


def biased(scores: list[float], infos: list[LineInfo], bias: float, bias_flat: float | None = None) -> list[float]:
    """``scores`` plus the decoding bias: ``bias_flat`` for pieces of a flattened line."""
    flat = bias if bias_flat is None else bias_flat
    return [v + (flat if info.line.flat else bias) for v, info in zip(scores, infos)]


def local_scores(infos: list[LineInfo], weights: dict[str, float], bias: float) -> list[float]:
    get = weights.get
    out = []
    for info in infos:
        s = bias
        for f in info.features:
            s += get(f, 0.0)
        out.append(s)
    return out


def best_region(values: list[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the largest sum (Kadane); (0, 0) if none is positive."""
    best, best_a, best_b = 0.0, 0, 0
    run, a = 0.0, 0
    for i, v in enumerate(values):
        if run <= 0.0:
            run, a = v, i
        else:
            run += v
        if run > best:
            best, best_a, best_b = run, a, i + 1
    return best_a, best_b


def context_features(infos: list[LineInfo], s1: list[float]) -> list[list[str]]:
    """Pass-2 features of ``infos`` (units of one :func:`analyse` call) given their pass-1
    scores: neighbour scores (``p1``, ``n3`` … windows before and after, ``blk`` the rest of
    its block), the share of the page's article evidence before and after it (``mb``,
    ``mass_after_mb``), its place against the article region (``in_region``, ``before``,
    ``after``; the region is the maximum-sum run of scores weighted by the square root of
    words, :func:`best_region`) and the region's share of the page (``rshare``), the share of
    its content words the region uses too (``topic``, or ``topic_na`` for units of under
    three content words and for a region of under forty of them), units after a
    "Related …" heading with no prose in between (``after_related<=3``, ``<=15``,
    ``related_head``) and code (``code``)."""
    if not infos:
        return []
    page, idx = page_indexes(infos)
    return page.context_features(idx, [float(v) for v in s1])


def context_scores(feats: list[list[str]], infos: list[LineInfo], weights: dict[str, float],
                   bias: float) -> list[float]:
    get = weights.get
    out = []
    for f, info in zip(feats, infos):
        s = bias
        for name in f:
            s += get(name, 0.0)
        for name in info.features:
            s += get(name, 0.0)
        out.append(s)
    return out


def emission_weights(infos: list[LineInfo], emit_words: float, emit_cap: float) -> list[float] | None:
    """How many times each unit counts in the decoding: once up to ``emit_words`` words,
    then the square root of its words over ``emit_words``, at most ``emit_cap``.
    None when the cap is 1 (every unit counts once). A piece of a flattened line counts
    once: its length is where our sentence cuts fell (a code sample or a menu run
    without full stops makes one long piece), not a paragraph's."""
    if emit_cap <= 1.0:
        return None
    return [1.0 if i.line.flat else min(max(1.0, (i.words / emit_words) ** 0.5), emit_cap) for i in infos]


def viterbi(scores: list[float], infos: list[LineInfo], switch_block: float, switch_line: float,
            switch_flat: float | None = None, weights: list[float] | None = None) -> list[bool]:
    """Best labelling (True = article) given per-line log-odds and switch prices.

    Each line's emission is ±score/2 for the two states, times its weight
    (:func:`emission_weights`); a change of state costs ``switch_line`` inside a
    block, ``switch_flat`` between two pieces of a flattened line and
    ``switch_block`` at any other block boundary.
    """
    if switch_flat is None:
        switch_flat = switch_block
    n = len(scores)
    if n == 0:
        return []
    if weights is not None:
        scores = [v * k for v, k in zip(scores, weights)]
    keep = [0.0] * n  # best total ending in "article" at i
    drop = [0.0] * n
    from_keep_k = [True] * n  # back-pointer for keep[i]: previous state was article?
    from_keep_d = [True] * n  # back-pointer for drop[i]
    keep[0] = scores[0] / 2
    drop[0] = -scores[0] / 2
    for i in range(1, n):
        if infos[i].line.block == infos[i - 1].line.block:
            price = switch_line
        elif infos[i].line.flat and infos[i - 1].line.flat:
            price = switch_flat
        else:
            price = switch_block
        half = scores[i] / 2
        kk, dk = keep[i - 1], drop[i - 1] - price
        if kk >= dk:
            keep[i] = kk + half
            from_keep_k[i] = True
        else:
            keep[i] = dk + half
            from_keep_k[i] = False
        kd, dd = keep[i - 1] - price, drop[i - 1]
        if dd >= kd:
            drop[i] = dd - half
            from_keep_d[i] = False
        else:
            drop[i] = kd - half
            from_keep_d[i] = True
    state = keep[-1] >= drop[-1]
    out = [False] * n
    for i in range(n - 1, -1, -1):
        out[i] = state
        state = from_keep_k[i] if state else from_keep_d[i]
    return out
