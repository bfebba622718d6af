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

The weights are small (a few hundred numbers) and ship in ``cleaner/data``;
``scripts/fit_structure.py`` fits them.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .features import LineInfo

CLIP = 6.0
LIFT = 1.5
EMIT_WORDS = 20.0  # a weights file that names no emission: every unit counts once
EMIT_CAP = 1.0
# A heading that opens a list of teasers: what follows it is chrome until prose resumes.
_RELATED_HEAD = re.compile(r"\W*(?:related|recommended|more (?:from|stories|articles|news|posts|on|in|like this|to read|related)|read (?:more|next|also)|also read|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|popular|most (?:read|popular|viewed|shared)|trending|latest|top stories|further reading|see also|recent (?:posts|articles|stories)|what to read next|up next|editor'?s picks|similar)\b")


def _binner(edges: tuple[float, ...], name: str):
    labels = [f"{name}<{edges[0]}"] + [f"{name}>={e}" for e in edges]
    return lambda value: labels[bisect_right(edges, value)]


SCORE_EDGES = (-4.0, -2.5, -1.5, -0.75, 0.0, 0.75, 1.5, 2.5, 4.0)
MASS_BEFORE = _binner((0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999), "mb")
DIST = (1, 2, 4, 8, 16, 40)
BEFORE_REGION = _binner(DIST, "before")
AFTER_REGION = _binner(DIST, "after")
REGION_SHARE = _binner((0.2, 0.4, 0.6, 0.8), "rshare")
TOPIC = _binner((0.1, 0.25, 0.4, 0.55, 0.7, 0.85), "topic")
TOPIC_VOCAB = 40  # content words the article region must use before a unit's share of them means much
MASS_AFTER = _binner((0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999), "mass_after_mb")
_SCORE_LABELS = {name: [f"{name}<{SCORE_EDGES[0]}"] + [f"{name}>={e}" for e in SCORE_EDGES]
                 for name in ("s", "p1", "n1", "p3", "n3", "p10", "n10", "blk")}
_SQRT = [1.0 + k ** 0.5 for k in range(61)]


@dataclass(frozen=True)
class Weights:
    stopwords: frozenset[str]
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
    def from_dict(cls, data: dict) -> "Weights":
        passes = tuple((p["weights"], p["bias"]) for p in data["passes"])
        return cls(frozenset(data["stopwords"]), data["local"]["weights"], data["local"]["bias"], passes,
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
        own = local_scores(infos, self.local, self.local_bias)
        s = own
        for weights, bias in self.passes:
            s = context_scores(context_features(infos, s), infos, weights, bias)
        return decoding_scores(s, own, infos, self.lift, self.bias, self.bias_flat)

    def decode(self, infos: list[LineInfo]) -> list[bool]:
        return viterbi(self.scores(infos), infos, self.switch_block, self.switch_line, self.switch_flat,
                       emission_weights(infos, self.emit_words, self.emit_cap))


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> Weights:
    if path is None:
        raw = resources.files("cleaner").joinpath("data/structure.json").read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    return Weights.from_dict(json.loads(raw))


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
    """Pass-2 features: neighbour scores, block score, place against the article region."""
    n = len(infos)
    clipped = [CLIP if s > CLIP else -CLIP if s < -CLIP else s for s in s1]
    prefix = [0.0] * (n + 1)
    acc = 0.0
    for i, v in enumerate(clipped):
        acc += v
        prefix[i + 1] = acc
    labels = _SCORE_LABELS
    edges = SCORE_EDGES

    def win(a: int, b: int, name: str) -> str:
        a = 0 if a < 0 else a
        b = n if b > n else b
        if b <= a:
            return name + "_none"
        return labels[name][bisect_right(edges, (prefix[b] - prefix[a]) / (b - a))]

    # evidence weighted by words: long lines carry the article
    mass = [v * _SQRT[min(info.words, 60)] for v, info in zip(clipped, infos)]
    ra, rb = best_region(mass)
    positive = [m if m > 0.0 else 0.0 for m in mass]
    total = sum(positive) or 1.0
    before_mass = 0.0
    share = REGION_SHARE(max(rb - ra, 0) / n) if n else REGION_SHARE(0.0)
    block_sum: dict[int, float] = {}
    block_count: dict[int, int] = {}
    for info, v in zip(infos, clipped):
        b = info.line.block
        block_sum[b] = block_sum.get(b, 0.0) + v
        block_count[b] = block_count.get(b, 0) + 1
    topic = _topic(infos, clipped, ra, rb)
    out: list[list[str]] = []
    since_related = 99  # units since a "Related …" heading, with no prose in between
    for i, info in enumerate(infos):
        text = info.text
        if info.prose:
            since_related = 99
        f = [labels["s"][bisect_right(edges, clipped[i])],
             win(i - 1, i, "p1"), win(i + 1, i + 2, "n1"),
             win(i - 3, i, "p3"), win(i + 1, i + 4, "n3"),
             win(i - 10, i, "p10"), win(i + 1, i + 11, "n10")]
        b = info.line.block
        count = block_count[b]
        if count > 1:
            f.append(labels["blk"][bisect_right(edges, (block_sum[b] - clipped[i]) / (count - 1))])
        f.append(MASS_BEFORE(before_mass / total))
        before_mass += positive[i]
        f.append(MASS_AFTER(1.0 - before_mass / total))
        if ra <= i < rb:
            f.append("in_region")
        elif i < ra:
            f.append(BEFORE_REGION(ra - i))
        else:
            f.append(AFTER_REGION(i - rb + 1))
        f.append(share)
        f.append(topic[i])
        if since_related <= 3:
            f.append("after_related<=3")
        elif since_related <= 15:
            f.append("after_related<=15")
        if info.words <= 8 and _RELATED_HEAD.match(text):
            since_related = 0
            f.append("related_head")
        else:
            since_related += 1
        if '{"' in text or text.count('":') >= 2 or text.startswith(("<", "{", "function(", "var ", "window.")):
            f.append("code")
        out.append(f)
    return out


def _topic(infos: list[LineInfo], clipped: list[float], ra: int, rb: int) -> list[str]:
    """Per unit, the share of its content words that the article region's positive units
    use too (its own use left out): a bin, or ``topic_na`` for units of under three
    content words and for every unit of a page whose region is too short to have a
    vocabulary (a few tips, each on its own subject), where the share says little."""
    vocab: dict[str, int] = {}
    for k in range(ra, rb):
        if clipped[k] > 0.0:
            for t in infos[k].terms:
                vocab[t] = vocab.get(t, 0) + 1
    if len(vocab) < TOPIC_VOCAB:
        return ["topic_na"] * len(infos)
    out = []
    for k, info in enumerate(infos):
        terms = info.terms
        if len(terms) < 3:
            out.append("topic_na")
            continue
        own = 1 if ra <= k < rb and clipped[k] > 0.0 else 0
        out.append(TOPIC(sum(1 for t in terms if vocab.get(t, 0) > own) / len(terms)))
    return out


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
