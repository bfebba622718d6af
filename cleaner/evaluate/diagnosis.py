"""The worst documents of a run, with what went wrong: lines lost, lines kept that should go.

``cleaner eval --worst N`` lists them so a change can be aimed at real failures.
"""
from __future__ import annotations

import heapq

from .metrics import SHINGLE, collapsed, shingles, tokenize
from .scoring import DocScore, Prediction


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _in_gold(text: str, gold_shingles: set, gold_lines: set[str]) -> float:
    """How much of ``text`` the gold holds: share of its 4-grams, or whole-line match if short."""
    tokens = tokenize(text)
    if not tokens:
        return 0.0
    if len(tokens) < SHINGLE:
        return 1.0 if " ".join(tokens) in gold_lines else 0.0
    grams = [tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]
    return sum(g in gold_shingles for g in grams) / len(grams)


def diagnose(prediction: Prediction, gold: str, source: str | None = None,
             limit: int = 5) -> dict[str, list[dict]]:
    """Say what went wrong on one document, in pieces a rule author can act on.

    * ``kept``: main-text paragraphs mostly absent from the gold (boilerplate let through);
    * ``removed``: removals and comments mostly made of gold text (with the rule to blame);
    * ``missing``: gold paragraphs the input never had (the converter lost them,
      so no cleaner change can bring them back).
    """
    gold_tokens = tokenize(gold)
    gold_shingles = set(shingles(gold_tokens)) if len(gold_tokens) >= SHINGLE else set()
    gold_lines = {" ".join(tokenize(line)) for line in gold.splitlines()}
    kept = [{"text": _short(p)} for p in prediction.main.split("\n\n")
            if p.strip() and _in_gold(p, gold_shingles, gold_lines) < 0.5]
    removed = [{"text": _short(item.get("text") or ""), "category": item.get("category"),
                "rule": item.get("rule")}
               for item in prediction.removed
               if _in_gold(item.get("text") or "", gold_shingles, gold_lines) >= 0.5]
    removed += [{"text": _short(c), "category": "comment", "rule": None}
                for c in prediction.comments.split("\n\n")
                if c.strip() and _in_gold(c, gold_shingles, gold_lines) >= 0.5]
    missing: list[dict] = []
    if source is not None:
        src_tokens = tokenize(source)
        src_shingles = set(shingles(src_tokens)) if len(src_tokens) >= SHINGLE else set()
        src_lines = {" ".join(tokenize(line)) for line in source.splitlines()}
        missing = [{"text": _short(line)} for line in gold.splitlines()
                   if len(tokenize(line)) >= SHINGLE and _in_gold(line, src_shingles, src_lines) < 0.5]
    return {"kept": kept[:limit], "removed": removed[:limit], "missing": missing[:limit]}


def diagnose_snippets(prediction: Prediction, with_snippets: list[str] | None,
                     without_snippets: list[str] | None, limit: int = 5) -> dict[str, list[dict]]:
    """What went wrong on a page scored by snippets alone (no gold main text).

    * ``removed``: ``with`` snippets missing from the main text, with the removal or
      comment that took them when one did (the rule to blame), else where they went;
    * ``kept``: ``without`` snippets the main text still holds.
    """
    main = collapsed(prediction.main)
    takers = [(collapsed(item.get("text") or ""), item.get("category"), item.get("rule"))
              for item in prediction.removed]
    takers += [(collapsed(c), "comment", None) for c in prediction.comments.split("\n\n") if c.strip()]
    removed = []
    for snippet in with_snippets or ():
        p = collapsed(snippet) if isinstance(snippet, str) else ""
        if not p or p in main:
            continue
        blame = next(((c, r) for text, c, r in takers
                      if p in text or len(text.split()) >= 3 and text in p), ("not in the main text", None))
        removed.append({"text": _short(snippet), "category": blame[0], "rule": blame[1]})
    kept = [{"text": _short(s)} for s in without_snippets or ()
            if isinstance(s, str) and collapsed(s) and collapsed(s) in main]
    return {"kept": kept[:limit], "removed": removed[:limit], "missing": []}


class Worst:
    """The N documents with the lowest main F1 (on records without a gold main text, the most
    snippets wrong), kept in bounded memory while streaming."""

    def __init__(self, n: int):
        self.n = n
        self._heap: list[tuple[float, int, DocScore, Prediction, str, str | None]] = []
        self._count = 0

    def add(self, score: DocScore, prediction: Prediction, gold: str | dict, source: str | None) -> None:
        """``gold``: the gold main text, or for a snippet-only record the record itself."""
        if self.n <= 0:
            return
        self._count += 1
        if score.has_gold:
            key = score.main.f1
        else:
            counts = score.snippets
            total = counts.tp + counts.fn + counts.fp + counts.tn if counts else 0
            key = 1 - (counts.fn + counts.fp) / total if total else 1.0
        # max-heap on F1 (negated): popping drops the best of the kept ones
        heapq.heappush(self._heap, (-key, -self._count, score, prediction, gold, source))
        if len(self._heap) > self.n:
            heapq.heappop(self._heap)

    def report(self) -> list[dict]:
        ranked = sorted(self._heap, key=lambda e: (-e[0], -e[1]))
        return [self._entry(s, p, gold, source) for _, _, s, p, gold, source in ranked]

    @staticmethod
    def _entry(score: DocScore, prediction: Prediction, gold: str | dict, source: str | None) -> dict:
        if score.has_gold or not isinstance(gold, dict):
            return {"id": score.id, "precision": score.main.precision, "recall": score.main.recall,
                    "f1": score.main.f1, "error": score.error,
                    **diagnose(prediction, gold if isinstance(gold, str) else "", source)}
        pooled = score.snippets.scores if score.snippets else None
        return {"id": score.id, "precision": pooled.precision if pooled else 0.0,
                "recall": pooled.recall if pooled else 0.0, "f1": pooled.f1 if pooled else 0.0,
                "error": score.error, "language": score.language, "snippets": True,
                **diagnose_snippets(prediction, gold.get("with"), gold.get("without"))}
