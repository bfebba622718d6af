"""Evaluation against gold text: ``cleaner eval DATASET.jsonl[.gz]``.

Every change to the cleaner is judged by numbers, on the project's pages or on
a user's own gold data. A dataset is JSON Lines (optionally gzipped), one
record a line, with:

* the input: ``text`` (plain text, used as is) or ``html`` (turned into text
  with ``--converter``, or given to :func:`cleaner.clean_html` with
  ``--input html``);
* the gold: ``main`` (the article text) and, optionally, ``comments`` (the
  reader comments, empty when the page has none), ``with`` (snippets a correct
  cleaning keeps) and ``without`` (boilerplate snippets it must drop).

Field names can be changed with ``--text-field``, ``--html-field``,
``--gold-field`` and ``--comments-field``.

Metrics (all computed per document, then macro-averaged over documents, the
rule the article-extraction benchmarks publish, so one long page cannot
outweigh many short ones):

* **shingle precision / recall / F1**: texts are tokenised into words
  (:func:`tokenize`) and cut into word 4-grams; the overlap of the two
  multisets is counted with clipping (a 4-gram that occurs twice in the gold
  and five times in the output counts twice). If either text has fewer than
  4 words, both are compared as single words instead, so a very short gold
  text can still be matched.
* **bag F1**: the same on single words, ignoring order: it forgives a
  converter that shuffled or split paragraphs, where shingles do not.
* **empty texts**: both empty gives 1.0 (nothing to find, nothing invented);
  exactly one empty gives 0.0 for precision, recall and F1. On pages without
  gold comments the comment F1 is therefore the share of pages where the
  cleaner invented no comment.
* **snippets**: the share of a page's ``with`` snippets found in the main
  text and the share of its ``without`` snippets absent from it, matched as
  word sequences (case, punctuation and spacing ignored); averaged over the
  pages that have snippets.
* **removals**: how many segments and characters each removal category took.

Gold text scraped from the web carries encoding damage (UTF-8 read as
Latin-1, replacement characters, stray NULs); :func:`tokenize` repairs or
splits on it so damage costs at most a word, never a 4-gram chain.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import heapq
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import regex

SHINGLE = 4

# --------------------------------------------------------------------------- tokens

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


def _phrase(text: str) -> str:
    """A text as a space-padded word sequence, for whole-word substring tests."""
    return " " + " ".join(tokenize(text)) + " "


def snippet_rates(main: str, with_snippets: Iterable[str] | None,
                  without_snippets: Iterable[str] | None) -> tuple[float | None, float | None]:
    """(share of ``with`` snippets found in ``main``, share of ``without`` snippets absent).

    ``None`` where a page has no snippets of that kind (or only empty ones),
    so it does not count in the average.
    """
    haystack = _phrase(main)

    def share(snippets: Iterable[str] | None, wanted: bool) -> float | None:
        phrases = [p for p in (_phrase(s) for s in snippets or ()) if p.strip()]
        if not phrases:
            return None
        return sum((p in haystack) == wanted for p in phrases) / len(phrases)

    return share(with_snippets, True), share(without_snippets, False)


def mean(values: Iterable[float]) -> float | None:
    """Macro average; ``None`` for no values (shown as a dash)."""
    values = list(values)
    return sum(values) / len(values) if values else None


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class Fields:
    """Where a record keeps its input and gold texts (users' data may differ from ours)."""

    text: str = "text"
    html: str = "html"
    gold: str = "main"
    comments: str = "comments"
    with_: str = "with"
    without: str = "without"


def read_records(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    """Stream records of a JSON Lines file (``.gz`` is decompressed); blank lines are skipped."""
    import orjson

    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    count = 0
    with opener(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            count += 1
            yield record


def record_id(record: dict, index: int) -> str:
    return str(record.get("id", index))


def converted_text(html: str, converter: str, cache_dir: str | Path | None = None) -> str:
    """``html`` as plain text made by ``converter``, cached on disk when ``cache_dir`` is set.

    Repeated evaluations and benchmarks convert the same pages every time;
    the cache (keyed by converter and page hash) makes that a file read.
    """
    from .converters import convert

    if cache_dir is None:
        return convert(html, converter)
    digest = hashlib.sha1(html.encode("utf-8", "surrogatepass")).hexdigest()
    path = Path(cache_dir) / converter / digest[:2] / f"{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8", errors="surrogatepass")
    text = convert(html, converter)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{id(text)}")
    tmp.write_text(text, encoding="utf-8", errors="surrogatepass")
    tmp.replace(path)
    return text


def record_text(record: dict, fields: Fields, converter: str,
                cache_dir: str | Path | None = None) -> tuple[str, str]:
    """The plain-text input of a record and where it came from (``"text"`` or the converter)."""
    text, html = record.get(fields.text), record.get(fields.html)
    if isinstance(text, str) and (text.strip() or not isinstance(html, str)):
        return text, "text"  # a blank text field with html beside it means "convert the html"
    if isinstance(html, str):
        return converted_text(html, converter, cache_dir), converter
    raise ValueError(f"record has neither a {fields.text!r} nor an {fields.html!r} field")


# --------------------------------------------------------------------------- predictions

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


# --------------------------------------------------------------------------- scoring

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
    removed: dict[str, list[int]] = field(default_factory=dict)  # category -> [segments, chars]
    error: str | None = None


def score_document(doc_id: str, prediction: Prediction, record: dict,
                   fields: Fields = Fields()) -> DocScore:
    """Score one prediction against the gold fields of its record."""
    gold = record.get(fields.gold) or ""
    main_tokens, gold_tokens = tokenize(prediction.main), tokenize(gold)
    score = DocScore(doc_id, shingle_scores(main_tokens, gold_tokens),
                     bag_scores(main_tokens, gold_tokens), error=prediction.error)
    if fields.comments in record:
        gold_comments = tokenize(record.get(fields.comments) or "")
        predicted_comments = tokenize(prediction.comments)
        score.comments = shingle_scores(predicted_comments, gold_comments)
        score.comments_bag = bag_scores(predicted_comments, gold_comments)
        score.has_gold_comments = bool(gold_comments)
    score.with_rate, score.without_rate = snippet_rates(
        prediction.main, record.get(fields.with_), record.get(fields.without))
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
    summary: dict[str, Any] = {
        "documents": len(scores),
        "errors": sum(s.error is not None for s in scores),
        "main": {"all": _block(scores, main)},
        "comments": None,
        "snippets": None,
        "removed": {},
    }
    if has_comments_field:
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


# --------------------------------------------------------------------------- diagnosis

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


class Worst:
    """The N documents with the lowest main F1, kept in bounded memory while streaming."""

    def __init__(self, n: int):
        self.n = n
        self._heap: list[tuple[float, int, DocScore, Prediction, str, str | None]] = []
        self._count = 0

    def add(self, score: DocScore, prediction: Prediction, gold: str, source: str | None) -> None:
        if self.n <= 0:
            return
        self._count += 1
        # max-heap on F1 (negated): popping drops the best of the kept ones
        heapq.heappush(self._heap, (-score.main.f1, -self._count, score, prediction, gold, source))
        if len(self._heap) > self.n:
            heapq.heappop(self._heap)

    def report(self) -> list[dict]:
        ranked = sorted(self._heap, key=lambda e: (-e[0], -e[1]))
        return [{"id": s.id, "precision": s.main.precision, "recall": s.main.recall,
                 "f1": s.main.f1, "error": s.error, **diagnose(p, gold, source)}
                for _, _, s, p, gold, source in ranked]


# --------------------------------------------------------------------------- running

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

    from .errors import InputError

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
        worst_docs.add(score, prediction, record.get(fields.gold) or "",
                       source if input_kind == "text" else None)
    return Evaluation(summarise(scores), scores, worst_docs.report(), sources,
                      time.perf_counter() - started)


def _progress(records: Iterable[dict], enabled: bool) -> Iterator[tuple[int, dict]]:
    items = enumerate(records)
    if not enabled:
        return items
    from tqdm import tqdm
    return iter(tqdm(items, unit="doc", file=sys.stderr, leave=False))


# --------------------------------------------------------------------------- report

def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def format_report(evaluation: Evaluation, title: str) -> str:
    """The human-readable table ``cleaner eval`` prints."""
    s = evaluation.summary
    lines = [title, ""]
    header = f"{'':32}{'docs':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'bagF1':>5}"
    lines.append(header)

    def row(label: str, block: dict | None) -> None:
        if block is None:
            return
        lines.append(f"{label:32}{block['documents']:>6}  {_fmt(block['precision'])}  "
                     f"{_fmt(block['recall'])}  {_fmt(block['f1'])}  {_fmt(block['bag_f1'])}")

    row("main text", s["main"]["all"])
    row("  pages with gold comments", s["main"].get("with_comments"))
    row("  pages without gold comments", s["main"].get("without_comments"))
    if s["comments"]:
        row("comments", s["comments"]["all"])
        row("  pages with gold comments", s["comments"]["with_comments"])
        row("  pages without gold comments", s["comments"]["without_comments"])
        lines.append("  (on pages without gold comments, F1 = share of pages with no invented comment)")
    if s["snippets"]:
        w, wo = s["snippets"]["with"], s["snippets"]["without"]
        lines += ["", f"snippets: 'with' kept {_fmt(w['kept']).strip()} ({w['documents']} docs), "
                      f"'without' dropped {_fmt(wo['dropped']).strip()} ({wo['documents']} docs)"]
    if s["removed"]:
        lines += ["", f"{'removed, by category':32}{'segments':>9}{'chars':>12}"]
        for category, counts in s["removed"].items():
            lines.append(f"  {category:30}{counts['segments']:>9,}{counts['chars']:>12,}")
    if s["errors"]:
        lines += ["", f"{s['errors']} document(s) refused as invalid input (scored as empty output)"]
    if evaluation.worst:
        lines += ["", f"worst {len(evaluation.worst)} documents by main-text F1"]
        for rank, doc in enumerate(evaluation.worst, 1):
            lines.append(f"{rank:>3}. {doc['id']}  F1 {doc['f1']:.3f}  "
                         f"(P {doc['precision']:.3f}, R {doc['recall']:.3f})"
                         + (f"  error: {doc['error']}" if doc["error"] else ""))
            for item in doc["kept"]:
                lines.append(f"       kept, not gold: {item['text']}")
            for item in doc["removed"]:
                blame = item["category"] + (f"/{item['rule']}" if item["rule"] else "")
                lines.append(f"       removed gold [{blame}]: {item['text']}")
            for item in doc["missing"]:
                lines.append(f"       gold not in input: {item['text']}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- command

_EPILOG = """\
dataset: JSON Lines (.jsonl or .jsonl.gz), one record a line, with an input
field (text, or html) and gold fields (main; optionally comments, with,
without). Scores: word 4-gram (shingle) precision/recall/F1 with clipped
counts and word-bag F1, per document then macro-averaged; both texts empty
scores 1.0, one empty 0.0; below 4 words both sides are compared as words.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` command to the ``cleaner`` command line."""
    from .converters import CONVERTERS
    from .options import add_pipeline_options

    parser = subparsers.add_parser(
        "eval", help="score the cleaner against gold text",
        description="Score the cleaner against a dataset with gold main text (and comments).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", help="JSON Lines file, optionally gzipped")
    parser.add_argument("--input", choices=("text", "html"), default="text",
                        help="clean plain text (default; from the text field, else converted html) "
                             "or the html itself")
    parser.add_argument("--converter", choices=sorted(CONVERTERS), default="resiliparse",
                        help="html-to-text converter for records without a text field "
                             "(default: resiliparse)")
    parser.add_argument("--limit", type=int, metavar="N", help="evaluate the first N records only")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N documents with the lowest main-text F1 and what went wrong")
    parser.add_argument("--json", metavar="PATH", help="also write machine-readable results here")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="cache converted texts here, so repeated runs skip converting")
    fields = parser.add_argument_group("field names")
    fields.add_argument("--text-field", default="text", metavar="NAME", help="plain-text input (default: text)")
    fields.add_argument("--html-field", default="html", metavar="NAME", help="html input (default: html)")
    fields.add_argument("--gold-field", default="main", metavar="NAME", help="gold main text (default: main)")
    fields.add_argument("--comments-field", default="comments", metavar="NAME",
                        help="gold comments (default: comments)")
    add_pipeline_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """``cleaner eval``: evaluate, print the table, optionally write JSON."""
    import orjson

    from .options import options_from_args

    fields = Fields(text=args.text_field, html=args.html_field, gold=args.gold_field,
                    comments=args.comments_field)
    path = Path(args.dataset)
    if not path.exists():
        print(f"cleaner eval: {path}: no such file", file=sys.stderr)
        return 2
    try:
        evaluation = evaluate(read_records(path, args.limit), input_kind=args.input,
                              converter=args.converter, fields=fields,
                              options=options_from_args(args), worst=args.worst,
                              cache_dir=args.cache_dir, progress=sys.stderr.isatty())
    except ValueError as exc:
        print(f"cleaner eval: {exc}", file=sys.stderr)
        return 2
    if args.input == "html":
        via = "html via cleaner.clean_html"
    else:
        via = ", ".join(f"{n} from {'text field' if k == 'text' else k}"
                        for k, n in evaluation.sources.most_common())
    title = (f"cleaner eval {path.name}: {evaluation.summary['documents']} documents "
             f"({via or 'none'}), {evaluation.seconds:.1f}s")
    print(format_report(evaluation, title))
    if args.json:
        result = {"dataset": str(path), "input": args.input, "converter": args.converter,
                  **evaluation.to_dict()}
        Path(args.json).write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    return 0
