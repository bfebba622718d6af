"""``cleaner review INPUT... -o report.html``: one HTML page to look at what the cleaner did.

JSON says what was removed; a page shows it where it was. For a sample of
documents the page prints the text with every removed span highlighted by its
category (its rule, category and the rule's rationale on hover, a click leads
to the rule), comments boxed with their author, the comment they answer, their
date and edit note, language flags underlined, and counts per document and per
rule. Checkboxes and selects hide or show categories, rules and documents; a
rules section lists every rule with its rationale, examples and
counterexamples.

The page is one self-contained file: CSS and JavaScript inline, the data
embedded as JSON (with ``<``, ``>`` and ``&`` escaped, so ``</script>`` in a
document cannot end the script), no server and no network. Document text is
put into the page with ``textContent``, never parsed as HTML.

The sample is deterministic: the ``N`` records whose (source, line, id) hash
lowest, shown in input order, so the same corpus gives the same page and a
record stays in the sample when others are added around it.
"""
from __future__ import annotations

import argparse
import hashlib
import heapq
import html
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from .corpus import Fields, Record, RecordError, UsageError, iter_records
from .document import BOILERPLATE, COMMENT, METADATA
from .errors import InputError, decode
from .options import Options, add_pipeline_options, options_from_args
from .result import CleanResult
from .rules import CATEGORIES, load_rules

DEFAULT_SAMPLE = 50
REMOVED = (BOILERPLATE, METADATA)

#: What decides the removals whose rule is code, not a TOML rule: by id prefix.
CODE_RULES = {
    "structure.": ("page structure", "A line or run of lines that reads like page chrome (menus, teasers, "
                   "footers) around the article, judged from its shape and its neighbours by the "
                   "page-structure model; the category names what the run looks like.",
                   "docs/stages/structure.md"),
    "meta.": ("metadata", "A byline, dateline or list of tags read off the head of the text; the "
              "author and date are reported as metadata.", "docs/stages/metadata.md"),
    "comments.": ("comments", "A line the comment systems print around a comment (its header, date, "
                  "reply or edit note, buttons, the discussion heading or the comment form); its values "
                  "become the comment's author, date, reply and edit fields.", "docs/stages/comments.md"),
    "html.": ("HTML input", "Removed while reading an HTML page: a line the extraction printed twice.",
              "docs/html.md"),
}


@dataclass(frozen=True)
class Reviewed:
    """One sampled record with what the cleaner made of it (or why it failed)."""

    source: str
    line: int | None
    result: CleanResult | None
    error: str | None = None


def sample(items: Iterable[Record | RecordError], n: int) -> list[Record | RecordError]:
    """The ``n`` items whose (source, line, id) hash lowest, in input order; all when ``n`` <= 0.

    A hash, not a random draw: the same input gives the same sample on every
    run and machine, and only ``n`` records are held in memory.
    """
    if n <= 0:
        return list(items)
    heap: list[tuple[int, int, Record | RecordError]] = []  # max-heap on the hash (negated)
    for order, item in enumerate(items):
        key = f"{item.source}\0{item.line}\0{item.id}".encode("utf-8", "surrogatepass")
        digest = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")
        entry = (-digest, order, item)
        if len(heap) < n:
            heapq.heappush(heap, entry)
        elif entry[0] > heap[0][0]:
            heapq.heapreplace(heap, entry)
    return [item for _, _, item in sorted(heap, key=lambda e: e[1])]


def clean_item(item: Record | RecordError, options: Options) -> Reviewed:
    """Clean one record as ``cleaner run`` would; a failure is shown on the page, not raised."""
    import cleaner

    if isinstance(item, RecordError):
        return Reviewed(item.source, item.line, None, item.reason)
    try:
        text = decode(item.content)
        clean = cleaner.clean_html if item.kind == "html" else cleaner.clean
        return Reviewed(item.source, item.line, clean(text, id=item.id, options=options))
    except Exception as exc:  # one hostile document must not cost the page
        reason = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
        return Reviewed(item.source, item.line, None, reason)


def document_data(reviewed: Reviewed) -> dict:
    """What the page needs of one document: the text cut into runs, each run pointing at
    its segment, and the segments, comments and flags those runs belong to.

    The text is cut here, not in the browser: offsets count code points and
    JavaScript strings count UTF-16 units, so offsets would drift on emoji.
    """
    out: dict = {"source": reviewed.source, "line": reviewed.line, "error": reviewed.error}
    result = reviewed.result
    if result is None:
        return out
    doc, segments = result.doc, result.segments
    comment_of = _containing([(c.start, c.end) for c in doc.comments], segments, COMMENT)
    flag_of = _containing([(f.start, f.end) for f in doc.flags], segments, None)
    runs: list[list] = []
    position = 0
    seg_rows = []
    for k, seg in enumerate(segments):
        if seg.start > position:
            runs.append([doc.text[position:seg.start], -1])
        runs.append([doc.text[seg.start:seg.end], k])
        position = seg.end
        seg_rows.append([seg.label, seg.category, seg.rule, comment_of[k], flag_of[k]])
    if position < len(doc.text):
        runs.append([doc.text[position:], -1])
    removed = [s for s in segments if s.label in REMOVED]
    out.update({
        "id": doc.id,
        "title": doc.meta.get("title"),
        "authors": list(doc.meta.get("authors", [])),
        "published": doc.meta.get("published"),
        "language": doc.language,
        "runs": runs,
        "segments": seg_rows,
        "comments": [{"author": c.author, "reply_to": c.reply_to, "edited": c.edited, "posted": c.posted,
                      "text": entry.text[:200]} for c, entry in zip(doc.comments, result.comments)],
        "flags": [{"lang": f.lang, "confidence": round(f.confidence, 3), "section": f.section}
                  for f in doc.flags],
        "categories": dict(Counter(s.category or "" for s in removed)),
        "rules": dict(Counter(s.rule or "" for s in removed)),
        "rule_categories": dict(Counter(f"{s.rule or ''}\t{s.category or ''}" for s in removed)),
        "chars": len(doc.text),
        "removed_chars": sum(s.end - s.start for s in removed),
    })
    return out


def _containing(spans: list[tuple[int, int]], segments, label: str | None) -> list[int]:
    """For every segment, the index of the span (comment, flag) that holds it, or -1."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    out = []
    for seg in segments:
        k = bisect_right(starts, seg.start) - 1
        inside = k >= 0 and seg.start < spans[order[k]][1] and (label is None or seg.label == label)
        out.append(order[k] if inside else -1)
    return out


def rules_data(options: Options, seen: Counter) -> list[dict]:
    """Every rule of the run's rule files, then the code-decided rule ids the sample used
    (``seen`` counts (rule, category) pairs: a code rule's category is the one it gave most)."""
    rules = [{"id": r.id, "category": r.category, "source": Path(r.source).name, "rationale": r.rationale,
              "examples": list(r.examples), "counterexamples": list(r.counterexamples), "scope": r.scope,
              "where": r.where} for r in load_rules(options.rules)]
    known = {r["id"] for r in rules}
    categories: dict[str, str] = {}
    for (rule_id, category), _ in seen.most_common():
        categories.setdefault(rule_id, category)
    for rule_id in sorted(set(categories) - known):
        prefix = next((p for p in CODE_RULES if rule_id.startswith(p)), None)
        stage, rationale, page = CODE_RULES.get(prefix, ("", "Decided by code, not by a rule file.", ""))
        rules.append({"id": rule_id, "category": categories[rule_id], "source": stage, "rationale": rationale,
                      "doc": page, "examples": [], "counterexamples": [], "code": True})
    return rules


def embed_json(data: object) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>`` or ``&`` left raw, so a document
    holding ``</script>`` or ``<!--`` cannot end or hide the script. Those characters only
    occur inside JSON strings, where their ``\\u`` escapes mean the same."""
    text = orjson.dumps(data).decode("utf-8")
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def render_page(documents: list[dict], rules: list[dict], title: str, inputs: list[str]) -> str:
    """The whole page: the template with its CSS, script and data inlined."""
    assets = resources.files("cleaner") / "templates"
    data = {"title": title, "inputs": inputs, "documents": documents, "rules": rules,
            "categories": dict(CATEGORIES)}
    page = (assets / "review.html").read_text(encoding="utf-8")
    return (page.replace("{{title}}", html.escape(title))
            .replace("/*{{css}}*/", (assets / "review.css").read_text(encoding="utf-8"))
            .replace("/*{{js}}*/", (assets / "review.js").read_text(encoding="utf-8"))
            .replace("{{data}}", embed_json(data)))


def review(inputs: list[str], output: str | Path, options: Options, *, n: int = DEFAULT_SAMPLE,
           fields: Fields = Fields(), progress: bool = False) -> list[dict]:
    """Clean a sample of the inputs and write the page; returns the documents' data."""
    chosen = sample(iter_records(inputs, fields=fields), n)
    documents = [document_data(clean_item(item, options)) for item in _progress(chosen, progress)]
    seen: Counter = Counter()
    for d in documents:
        for key, n in d.get("rule_categories", {}).items():
            seen[tuple(key.split("\t"))] += n
    title = f"cleaner review: {len(documents)} documents"
    Path(output).write_text(render_page(documents, rules_data(options, seen), title, list(inputs)),
                            encoding="utf-8")
    return documents


def _progress(items: list, enabled: bool) -> Iterator:
    if not enabled:
        return iter(items)
    from tqdm import tqdm
    return iter(tqdm(items, unit="doc", file=sys.stderr, leave=False))


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``cleaner review`` to the command line."""
    parser = sub.add_parser(
        "review", help="write an HTML page showing what was removed, and why, for a sample of documents",
        description="Clean a sample of documents and write one self-contained HTML page: removed spans "
                    "highlighted by category with their rule, comments, language flags, counts, filters.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .jsonl/.jsonl.gz, .txt or .html file, or a directory of them")
    parser.add_argument("-o", "--output", required=True, metavar="PAGE", help="the HTML page to write")
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, metavar="N",
                        help=f"documents to show, the same ones on every run (default: {DEFAULT_SAMPLE}; 0: all)")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL id field (default: id)")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL text field (default: text)")
    parser.add_argument("--html-field", default="html", metavar="NAME",
                        help="JSONL HTML field, used when a record has no text (default: html)")
    add_pipeline_options(parser)
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    """``cleaner review``: 0 when the page was written, 2 for usage errors."""
    if "-" in args.inputs:
        print("cleaner review: error: reads files and directories, not stdin", file=sys.stderr)
        return 2
    try:
        documents = review(args.inputs, args.output, options_from_args(args), n=args.sample,
                           fields=Fields(args.id_field, args.text_field, args.html_field),
                           progress=sys.stderr.isatty())
    except UsageError as exc:
        print(f"cleaner review: error: {exc}", file=sys.stderr)
        return 2
    failed = sum(1 for d in documents if d["error"])
    print(f"cleaner review: {len(documents)} documents ({failed} failed) -> {args.output}", file=sys.stderr)
    return 0
