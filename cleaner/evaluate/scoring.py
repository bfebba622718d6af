"""Scores of one document (main text, comments, snippets, removals) and their summary.

:func:`score_document` compares a :class:`Prediction` with its record's gold;
:func:`summarise` macro-averages documents, overall and split by whether the
gold has comments, pools the snippets (overall and per page language, as
trafilatura's own comparison counts them) and totals the removals by category.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .metrics import Scores, SnippetCounts, bag_scores, mean, shingle_scores, snippet_counts, tokenize
from .records import Fields


@dataclass
class Prediction:
    """What a system produced for one document, in the shape the scorer needs."""

    main: str
    comments: str = ""
    removed: list[dict] = field(default_factory=list)
    error: str | None = None


def prediction_from_dict(result: dict) -> Prediction:
    """Read a :meth:`CleanResult.to_dict` result: main text, joined comments, removals."""
    comments = "\n\n".join(c.get("text") or "" for c in result.get("comments") or [])
    return Prediction(result.get("text") or "", comments, list(result.get("removed") or []))


@dataclass
class DocScore:
    """Scores of one document; ``None`` fields were not measurable on it."""

    id: str
    main: Scores
    main_bag: Scores
    comments: Scores | None = None
    comments_bag: Scores | None = None
    has_gold_comments: bool | None = None
    with_rate: float | None = None
    without_rate: float | None = None
    snippets: SnippetCounts | None = None  # None: the record has no snippets
    language: str | None = None            # the record's page language, for per-language figures
    has_gold: bool = True                  # the record has a gold main text
    removed: dict[str, list[int]] = field(default_factory=dict)  # category -> [segments, chars]
    error: str | None = None


def score_document(doc_id: str, prediction: Prediction, record: dict,
                   fields: Fields = Fields()) -> DocScore:
    """Score one prediction against the gold fields of its record."""
    gold = record.get(fields.gold) or ""
    has_gold = isinstance(record.get(fields.gold), str)
    main_tokens, gold_tokens = tokenize(prediction.main), tokenize(gold)
    score = DocScore(doc_id, shingle_scores(main_tokens, gold_tokens),
                     bag_scores(main_tokens, gold_tokens), error=prediction.error,
                     has_gold=has_gold)
    if fields.comments in record:
        gold_comments = tokenize(record.get(fields.comments) or "")
        predicted_comments = tokenize(prediction.comments)
        score.comments = shingle_scores(predicted_comments, gold_comments)
        score.comments_bag = bag_scores(predicted_comments, gold_comments)
        score.has_gold_comments = bool(gold_comments)
    if fields.with_ in record or fields.without in record:
        score.snippets = snippet_counts(prediction.main, record.get(fields.with_), record.get(fields.without))
        score.with_rate, score.without_rate = score.snippets.kept, score.snippets.dropped
    language = record.get(fields.language)
    score.language = language if isinstance(language, str) and language else None
    for item in prediction.removed:
        counts = score.removed.setdefault(item.get("category") or "uncategorised", [0, 0])
        counts[0] += 1
        counts[1] += len(item.get("text") or "")
    return score


def _block(scores: list[DocScore], pick: Callable[[DocScore], tuple[Scores | None, Scores | None]]) -> dict:
    pairs = [pick(s) for s in scores]
    pairs = [(a, b) for a, b in pairs if a is not None]
    return {
        "documents": len(pairs),
        "precision": mean(a.precision for a, _ in pairs),
        "recall": mean(a.recall for a, _ in pairs),
        "f1": mean(a.f1 for a, _ in pairs),
        "bag_f1": mean(b.f1 for _, b in pairs),
    }


def summarise(scores: list[DocScore]) -> dict[str, Any]:
    """Macro averages over documents, split by whether the page has gold comments."""
    with_c = [s for s in scores if s.has_gold_comments]
    without_c = [s for s in scores if s.has_gold_comments is False]
    main = lambda s: (s.main, s.main_bag)  # noqa: E731
    comments = lambda s: (s.comments, s.comments_bag)  # noqa: E731
    has_comments_field = any(s.comments is not None for s in scores)
    gold = [s for s in scores if s.has_gold]
    summary: dict[str, Any] = {
        "documents": len(scores),
        "errors": sum(s.error is not None for s in scores),
        "main": {"all": _block(gold, main)} if gold or not scores else None,
        "comments": None,
        "snippets": None,
        "removed": {},
    }
    if has_comments_field and summary["main"]:
        summary["main"]["with_comments"] = _block(with_c, main)
        summary["main"]["without_comments"] = _block(without_c, main)
        summary["comments"] = {"all": _block(scores, comments),
                               "with_comments": _block(with_c, comments),
                               "without_comments": _block(without_c, comments)}
    with_rates = [s.with_rate for s in scores if s.with_rate is not None]
    without_rates = [s.without_rate for s in scores if s.without_rate is not None]
    if with_rates or without_rates:
        summary["snippets"] = {
            "with": {"documents": len(with_rates), "kept": mean(with_rates)},
            "without": {"documents": len(without_rates), "dropped": mean(without_rates)},
            "pooled": pooled_snippets(scores),
        }
    totals: dict[str, list[int]] = {}
    for s in scores:
        for category, (segments, chars) in s.removed.items():
            total = totals.setdefault(category, [0, 0])
            total[0] += segments
            total[1] += chars
    summary["removed"] = {c: {"segments": n, "chars": ch}
                          for c, (n, ch) in sorted(totals.items(), key=lambda kv: -kv[1][1])}
    return summary


def _pool(counts: list[SnippetCounts]) -> dict[str, Any]:
    total = sum(counts, SnippetCounts())
    scores = total.scores
    return {"documents": len(counts), "tp": total.tp, "fn": total.fn, "fp": total.fp, "tn": total.tn,
            "precision": scores.precision, "recall": scores.recall, "f1": scores.f1}


def pooled_snippets(scores: list[DocScore]) -> dict[str, Any]:
    """Snippet precision, recall and F1 over all snippets of all pages pooled (trafilatura's
    comparison: a ``with`` snippet found is a true positive, missed a false negative, a
    ``without`` snippet found a false positive), overall and per page language (``?`` for
    records without one), languages by page count."""
    with_snippets = [s for s in scores if s.snippets is not None]
    by_language: dict[str, list[SnippetCounts]] = {}
    for s in with_snippets:
        by_language.setdefault(s.language or "?", []).append(s.snippets)
    ranked = sorted(by_language.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return {"all": _pool([s.snippets for s in with_snippets]),
            "languages": {lang: _pool(counts) for lang, counts in ranked}}
