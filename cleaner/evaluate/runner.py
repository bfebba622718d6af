"""One evaluation run: every record cleaned with the installed library and scored.

:func:`evaluate` is the engine of ``cleaner eval`` and can be imported by
scripts; the library is looked up at call time so tests can substitute it.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .diagnosis import Worst
from .records import Fields, record_id, record_text
from .scoring import DocScore, Prediction, prediction_from_dict, score_document, summarise


@dataclass
class Evaluation:
    """Everything one run measured: summary, per-document scores, worst documents."""

    summary: dict[str, Any]
    documents: list[DocScore]
    worst: list[dict]
    sources: Counter
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "worst": self.worst, "sources": dict(self.sources),
                "seconds": round(self.seconds, 3),
                "documents": [_doc_dict(d) for d in self.documents]}


def _doc_dict(score: DocScore) -> dict[str, Any]:
    out = asdict(score)
    return {k: v for k, v in out.items() if v not in (None, {})}


def run_cleaner(input_text: str, doc_id: str, options, input_kind: str = "text") -> Prediction:
    """Clean one input with the library as it is installed; an input error scores as empty output."""
    import cleaner as package  # looked up at call time, so tests can substitute ``clean``

    from ..errors import InputError

    try:
        if input_kind == "html":
            result = package.clean_html(input_text, id=doc_id, options=options)
        else:
            result = package.clean(input_text, id=doc_id, options=options)
    except InputError as exc:
        return Prediction("", error=str(exc))
    return prediction_from_dict(result.to_dict())


def evaluate(records: Iterable[dict], *, input_kind: str = "text", converter: str = "resiliparse",
             fields: Fields = Fields(), options=None, worst: int = 0,
             cache_dir: str | Path | None = None, progress: bool = False) -> Evaluation:
    """Clean every record and score it; the engine of ``cleaner eval``, importable for scripts."""
    if input_kind == "html":
        import cleaner as package
        if not hasattr(package, "clean_html"):
            raise SystemExit("cleaner eval: --input html needs cleaner.clean_html(), "
                             "which this version of cleaner does not provide; use --input text")
    scores: list[DocScore] = []
    sources: Counter = Counter()
    worst_docs = Worst(worst)
    started = time.perf_counter()
    for index, record in _progress(records, progress):
        doc_id = record_id(record, index)
        if input_kind == "html":
            source = record.get(fields.html)
            if not isinstance(source, str):
                raise ValueError(f"record {doc_id}: --input html needs an {fields.html!r} field")
            sources["html"] += 1
        else:
            source, origin = record_text(record, fields, converter, cache_dir)
            sources[origin] += 1
        prediction = run_cleaner(source, doc_id, options, input_kind)
        score = score_document(doc_id, prediction, record, fields)
        scores.append(score)
        gold = record.get(fields.gold) or "" if score.has_gold else \
            {"with": record.get(fields.with_), "without": record.get(fields.without)}
        worst_docs.add(score, prediction, gold, source if input_kind == "text" else None)
    return Evaluation(summarise(scores), scores, worst_docs.report(), sources,
                      time.perf_counter() - started)


def _progress(records: Iterable[dict], enabled: bool) -> Iterator[tuple[int, dict]]:
    items = enumerate(records)
    if not enabled:
        return items
    from tqdm import tqdm
    return iter(tqdm(items, unit="doc", file=sys.stderr, leave=False))
