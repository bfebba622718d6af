#!/usr/bin/env python3
"""Fit the weights of the page-structure stage (``cleaner/data/structure.json``), or
score the shipped stage.

Fit (what made the shipped weights: fitting half 0 of both datasets; the
dragnet pages with gold comments are left out, the discussion being the comment
stage's business)::

    python scripts/fit_structure.py ../shared/data/wcxb-dev-articles.jsonl.gz \
        --extra ../shared/data/dragnet-dev.jsonl.gz --cache-dir /tmp/cleaner-cache

Tune only the decoding (switch prices and biases) for the weights in ``--out``,
on the WCXB fitting half (a full fit does this as its last step)::

    python scripts/fit_structure.py ../shared/data/wcxb-dev-articles.jsonl.gz \
        --cache-dir /tmp/cleaner-cache --decode-only

Score rules -> structure -> metadata in the pipeline, per converter, on all
pages and on the held-out hash half, beside the page text and datatrove's C4
line filter, with the speed of each (``--comments`` adds the comment stages)::

    python scripts/fit_structure.py ../shared/data/wcxb-dev-articles.jsonl.gz \
        --cache-dir /tmp/cleaner-cache --evaluate

What fitting does:

* turns every page's ``html`` into plain text with each converter (resiliparse,
  inscriptis, html2text, html2txt; cached with ``--cache-dir``);
* labels every unit 1 when most word 4-grams touching it are in the gold main
  text (so a heading counts with the paragraphs around it), else 0;
* fits the local logistic model on unit features, then two context passes, each
  on the local features plus what the neighbours scored in the pass before
  (L2-regularised, units weighted by their words, each page by one over its
  size, like the macro F1);
* picks the decoding prices (switch inside / between blocks, bias, how much a
  long unit counts) by grid search on the macro shingle F1 of the main dataset's
  fitting pages without flattened lines, then the price and bias of flattened
  lines' pieces on the pages with them;
* fits on the pages whose id hashes to ``--fit-half`` and reports on the other
  half, per converter.

Needs numpy (a dev dependency, through datatrove); the stage itself does not.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.document import Document  # noqa: E402
from cleaner.evaluate import converted_text, read_records, shingles, tokenize  # noqa: E402
from cleaner.render import normalise  # noqa: E402
from cleaner.structure.features import analyse, display, visible  # noqa: E402
from cleaner.structure.model import (  # noqa: E402
    EMIT_CAP, EMIT_WORDS, LIFT, biased, context_features, context_scores, emission_weights, local_scores, stopwords_of,
    viterbi)

STOPWORDS_FILE = "structure_stopwords.txt"  # beside the weights file, which names it
CONVERTERS = ("resiliparse", "inscriptis", "html2text", "html2txt")
STOP_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch",
                  "Polish", "Swedish", "Danish", "Norwegian_Bokmal", "Czech", "Finnish", "Hungarian",
                  "Romanian", "Turkish", "Indonesian")


def half_of(doc_id: str) -> int:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2


def stopword_list() -> list[str]:
    import justext
    words: set[str] = set()
    for lang in STOP_LANGUAGES:
        try:
            words |= {w.lower() for w in justext.get_stoplist(lang)}
        except (ValueError, OSError):
            pass
    return sorted(words)


# ---------------------------------------------------------------- examples

class Page:
    """One converted page: features, labels and what scoring needs."""

    __slots__ = ("id", "converter", "infos", "labels", "weights", "line_tokens", "gold", "gold_tokens", "half")

    def __init__(self, doc_id, converter, text, gold, stop):
        self.id, self.converter = doc_id, converter
        self.half = half_of(doc_id)
        doc = Document(text)
        self.infos = analyse(doc, stop)
        self.gold_tokens = tokenize(gold)
        self.gold = shingles(self.gold_tokens)
        self.line_tokens = [tokenize(normalise(visible(doc.slice(i.line.start, i.line.end)))) for i in self.infos]
        self.labels, self.weights = label_lines(doc, self.infos, set(self.gold))


def label_lines(doc, infos, gold_set):
    """1 where most 4-grams touching the line's (display) words are gold 4-grams."""
    stream: list[str] = []
    spans = []
    for info in infos:
        shown = display(doc.slice(info.line.start, info.line.end))[0]
        toks = tokenize(shown)
        spans.append((len(stream), len(stream) + len(toks)))
        stream.extend(toks)
    labels, weights = [], []
    total = max(len(stream), 1)
    for a, b in spans:
        if a == b:
            labels.append(0)
            weights.append(0.0)
            continue
        lo, hi = max(0, a - 3), min(b, len(stream) - 3)
        grams = [tuple(stream[k:k + 4]) for k in range(lo, hi)]
        hit = sum(g in gold_set for g in grams) / len(grams) if grams else 0.0
        labels.append(1 if hit >= 0.5 else 0)
        weights.append((b - a + 1) / total)
    return labels, weights


def load_pages(dataset: str, cache_dir: str | None, stop: frozenset[str], converters, limit=None):
    """Pages of ``dataset`` per converter; pages with gold comments are left out (the
    discussion is the comment stage's to decide, not this stage's)."""
    pages = []
    for record in read_records(dataset, limit):
        if (record.get("comments") or "").strip():
            continue
        gold = record.get("main") or ""
        for conv in converters:
            text = converted_text(record["html"], conv, cache_dir)
            pages.append(Page(str(record["id"]), conv, text, gold, stop))
    return pages


# ---------------------------------------------------------------- logistic regression

def fit_logistic(rows: list[list[str]], y, w, l2: float, iters: int = 400, lr: float = 0.1):
    """Weighted L2 logistic regression on indicator features, full-batch Adam."""
    vocab: dict[str, int] = {}
    row_idx, col_idx = [], []
    for r, feats in enumerate(rows):
        for f in feats:
            j = vocab.setdefault(f, len(vocab))
            row_idx.append(r)
            col_idx.append(j)
    row_idx = np.asarray(row_idx, dtype=np.int64)
    col_idx = np.asarray(col_idx, dtype=np.int64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    w = w / w.sum() * len(w) if w.sum() else np.ones_like(w)
    n, d = len(rows), len(vocab)
    theta = np.zeros(d)
    bias = 0.0
    m = np.zeros(d + 1)
    v = np.zeros(d + 1)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        z = bias + np.bincount(row_idx, weights=theta[col_idx], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = (p - y) * w / n
        g = np.bincount(col_idx, weights=r[row_idx], minlength=d) + l2 * theta
        gb = r.sum()
        grad = np.append(g, gb)
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        step = lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        theta -= step[:-1]
        bias -= step[-1]
    names = {j: f for f, j in vocab.items()}
    return {names[j]: round(float(theta[j]), 4) for j in range(d) if abs(theta[j]) >= 1e-4}, round(float(bias), 4)


# ---------------------------------------------------------------- decoding and scoring

def page_f1(page: Page, keep: list[bool]) -> float:
    toks: list[str] = []
    for k, t in zip(keep, page.line_tokens):
        if k:
            toks.extend(t)
    g = page.gold_tokens
    n = 4 if len(toks) >= 4 and len(g) >= 4 else 1
    p = shingles(toks, n)
    gold = page.gold if n == 4 else shingles(g, 1)
    if not p and not gold:
        return 1.0
    if not p or not gold:
        return 0.0
    common = sum((p & gold).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(gold.values())
    return 2 * prec * rec / (prec + rec)


def scores_for(page: Page, model: dict, lift: float | None = None) -> list[float]:
    """Context-pass log-odds; with ``lift``, capped at the local log-odds plus ``lift``."""
    own = s = local_scores(page.infos, model["local"]["weights"], model["local"]["bias"])
    for p in model["passes"]:
        s = context_scores(context_features(page.infos, s), page.infos, p["weights"], p["bias"])
    if lift is not None:
        s = [min(v, o + lift) for v, o in zip(s, own)]
    return s


def fit_model(fit: list[Page], l2: float, iters: int, passes: int, started: float) -> dict:
    """Local pass, then ``passes`` context passes, each fitted on the scores of the one before."""
    rows, y, w = [], [], []
    for p in fit:
        for info, label, weight in zip(p.infos, p.labels, p.weights):
            rows.append(info.features)
            y.append(label)
            w.append(weight)
    local, local_bias = fit_logistic(rows, y, w, l2, iters)
    print(f"local: {len(local)} weights, {time.time() - started:.0f}s", file=sys.stderr)
    model = {"local": {"weights": local, "bias": local_bias}, "passes": []}
    for k in range(passes):
        rows2 = []
        for p in fit:
            s = scores_for(p, model)
            for info, f in zip(p.infos, context_features(p.infos, s)):
                rows2.append(f + info.features)
        weights, bias = fit_logistic(rows2, y, w, l2, iters)
        model["passes"].append({"weights": weights, "bias": bias})
        print(f"context pass {k + 1}: {len(weights)} weights, {time.time() - started:.0f}s", file=sys.stderr)
    return model


SWITCH_BLOCK = (0.0, 0.25, 0.5, 0.75, 1.0)
SWITCH_LINE_EXTRA = (0.0, 0.5, 1.0, 1.5, 2.5)   # a switch inside a block costs at least one between blocks
BIASES = (0.0, 0.25, 0.5, 0.75, 1.0)
FLAT_PRICES = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
FLAT_BIASES = (0.0, 0.25, 0.5, 0.75, 1.0)
EMISSIONS = ((20.0, 1.0), (20.0, 2.0), (20.0, 3.0), (40.0, 2.0), (10.0, 2.0))  # (emit_words, emit_cap)


def tune_decoding(fit: list[Page], model: dict, started: float) -> dict:
    """Switch prices and bias with the best macro F1 on the fitting pages that have no
    flattened line, then the flattened lines' price and bias on the pages that do."""
    cached = [(p, scores_for(p, model, LIFT)) for p in fit]
    lines = [(p, s) for p, s in cached if not any(i.line.flat for i in p.infos)] or cached
    best = None
    for words, cap in EMISSIONS:
        weights = [emission_weights(p.infos, words, cap) for p, _ in lines]  # the page's alone
        for sb in SWITCH_BLOCK:
            for extra in SWITCH_LINE_EXTRA:
                for b in BIASES:
                    dec = {"switch_block": sb, "switch_line": sb + extra, "bias": b, "lift": LIFT,
                           "emit_words": words, "emit_cap": cap}
                    f = sum(page_f1(p, decode(p, s, dec, w))
                            for (p, s), w in zip(lines, weights)) / len(lines)
                    if best is None or f > best[0]:
                        best = (f, dec)
    print(f"decode {best[1]} F1 {best[0]:.4f} on {len(lines)} pages, {time.time() - started:.0f}s", file=sys.stderr)
    return tune_flat(cached, best[1], started)


def tune_flat(cached: list[tuple[Page, list[float]]], dec: dict, started: float) -> dict:
    """The price of a switch between pieces of a flattened line and the bias of those
    pieces, the other prices fixed: only pages printed as long lines (trafilatura's
    html2txt prints every page as one) decide them."""
    flat = [(p, s) for p, s in cached if any(i.line.flat for i in p.infos)]
    if not flat:
        return dec
    best = None
    for price in FLAT_PRICES:
        for b in FLAT_BIASES:
            trial = {**dec, "switch_flat": price, "bias_flat": b}
            f = sum(page_f1(p, decode(p, s, trial)) for p, s in flat) / len(flat)
            if best is None or f > best[0]:
                best = (f, trial)
    print(f"switch_flat {best[1]['switch_flat']} bias_flat {best[1]['bias_flat']} F1 {best[0]:.4f} on "
          f"{len(flat)} flattened pages, {time.time() - started:.0f}s", file=sys.stderr)
    return best[1]


def decode(page: Page, s2: list[float], dec: dict, weights: list[float] | None = None) -> list[bool]:
    """The stage's decoding of one page; ``weights`` are its emission weights when the
    caller computed them already (they depend on the page and ``dec``'s emission alone)."""
    if weights is None:
        weights = emission_weights(page.infos, dec.get("emit_words", EMIT_WORDS), dec.get("emit_cap", EMIT_CAP))
    return viterbi(biased(s2, page.infos, dec.get("bias", 0.0), dec.get("bias_flat")), page.infos,
                   dec["switch_block"], dec["switch_line"], dec.get("switch_flat"), weights)


def report(pages: list[Page], model: dict, title: str) -> None:
    print(title)
    by = {}
    for page in pages:
        s2 = scores_for(page, model, model["decode"].get("lift"))
        keep = decode(page, s2, model["decode"])
        by.setdefault(page.converter, []).append(page_f1(page, keep))
    for conv, fs in by.items():
        print(f"  {conv:12} F1 {sum(fs) / len(fs):.4f}  ({len(fs)} pages)")


# ---------------------------------------------------------------- evaluation of the stage in the pipeline

def evaluate_stage(dataset: str, converters, cache_dir: str | None, half: int | None, comments: bool,
                   limit: int | None = None) -> None:
    """Score rules -> structure -> metadata (-> comments) on ``dataset`` with the official
    scorer (:mod:`cleaner.evaluate`), per converter, beside the page text itself and
    datatrove's C4 line filter, and time the stage, the stages together and the C4 filter
    (CPU seconds, same texts, same process)."""
    from cleaner.evaluate import Prediction, score_document, summarise
    from cleaner.result import CleanResult
    from cleaner.rules import load_rules
    from cleaner.stages.metadata import HeadMetadata
    from cleaner.stages.rules import RuleStage
    from cleaner.stages.structure import PageStructure

    try:
        from datatrove.data import Document as DtDocument
        from datatrove.pipeline.filters import C4QualityFilter
        # as bench/peers.py uses it: a line filter, never a verdict on the whole document
        c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)
        c4.stat_update = lambda *a, **k: None
    except ImportError:  # datatrove is a dev dependency
        c4 = None
    structure = PageStructure()
    before = [RuleStage(load_rules(()))]
    after: list = [HeadMetadata()]
    if comments:
        from cleaner.stages.comments import CommentSection, CommentSplitter
        after += [CommentSection(), CommentSplitter()]
    records = [r for r in read_records(dataset, limit)
               if half is None or half_of(str(r["id"])) == half]
    clock = time.process_time
    for conv in converters:
        texts = [converted_text(r["html"], conv, cache_dir) for r in records]
        size = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
        scores, page_scores, c4_scores = [], [], []
        t_stage = t_all = t_c4 = 0.0
        for record, text in zip(records, texts):
            doc = Document(text, id=str(record["id"]))
            t0 = clock()
            for stage in before:
                stage(doc)
            t1 = clock()
            structure(doc)
            t2 = clock()
            for stage in after:
                stage(doc)
            result = CleanResult(doc)
            main_text = result.text
            t3 = clock()
            t_stage += t2 - t1
            t_all += t3 - t0
            comments_text = "\n\n".join(c.text for c in result.comments)
            scores.append(score_document(doc.id, Prediction(main_text, comments_text), record))
            page_scores.append(score_document(doc.id, Prediction(text), record))
            if c4 is not None:
                dt = DtDocument(text=text, id=doc.id)
                t4 = clock()
                kept = c4.filter(dt)
                t_c4 += clock() - t4
                c4_scores.append(score_document(doc.id, Prediction(dt.text if kept is True else ""), record))
        held = [k for k, r in enumerate(records) if half_of(str(r["id"])) == 1]
        for label, idx in (("all", range(len(records))), ("held-out half", held)):
            if not idx:
                continue
            summary = summarise([scores[k] for k in idx])
            main = summary["main"]["all"]
            snip = summary["snippets"]
            line = (f"{conv:12} {label:13} {len(idx):4} pages  main P {main['precision']:.4f} "
                    f"R {main['recall']:.4f} F1 {main['f1']:.4f}")
            if snip:
                line += f"  with kept {snip['with']['kept']:.3f}  without dropped {snip['without']['dropped']:.3f}"
            if summary["comments"]:
                line += f"  comments F1 {summary['comments']['all']['f1']:.3f}"
            line += f"  | page text F1 {summarise([page_scores[k] for k in idx])['main']['all']['f1']:.4f}"
            if c4_scores:
                line += f"  C4 lines F1 {summarise([c4_scores[k] for k in idx])['main']['all']['f1']:.4f}"
            print(line, flush=True)
        line = f"{conv:12} speed on {size:.1f} MB (CPU time): structure {size / max(t_stage, 1e-9):.2f} MB/s, " \
               f"all stages run {size / max(t_all, 1e-9):.2f} MB/s"
        if c4 is not None:
            line += f", datatrove C4 line filter {size / max(t_c4, 1e-9):.2f} MB/s"
        print(line, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset")
    ap.add_argument("--extra", action="append", default=[], help="another dataset to fit on (repeatable)")
    ap.add_argument("--cache-dir")
    ap.add_argument("--out", default=str(ROOT / "cleaner" / "data" / "structure.json"))
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--fit-half", type=int, default=0, choices=(0, 1, -1),
                    help="fit on this hash half (-1: all pages)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--passes", type=int, default=2, help="context passes after the local one")
    ap.add_argument("--evaluate", action="store_true",
                    help="do not fit: score the shipped stage in the pipeline, per converter")
    ap.add_argument("--half", type=int, choices=(0, 1), help="with --evaluate: only this hash half")
    ap.add_argument("--comments", action="store_true", help="with --evaluate: run the comment stages too")
    ap.add_argument("--decode-only", action="store_true",
                    help="keep the weights in --out and tune only the decoding (switch prices, biases)")
    args = ap.parse_args(argv)

    if args.evaluate:
        for dataset in [args.dataset, *args.extra]:
            print(f"{Path(dataset).name}" + (f" (hash half {args.half})" if args.half is not None else ""))
            evaluate_stage(dataset, args.converters.split(","), args.cache_dir, args.half, args.comments,
                           args.limit)
        return 0

    started = time.time()
    if args.decode_only:
        return retune_decoding(args, started)
    stop_list = stopword_list()
    stop = frozenset(stop_list)
    pages = load_pages(args.dataset, args.cache_dir, stop, args.converters.split(","), args.limit)
    primary = {id(p) for p in pages}
    for extra in args.extra:
        pages += load_pages(extra, args.cache_dir, stop, args.converters.split(","), args.limit)
    fit = [p for p in pages if args.fit_half < 0 or p.half == args.fit_half]
    held = [p for p in pages if args.fit_half >= 0 and p.half != args.fit_half]
    print(f"{len(pages)} pages ({len(fit)} to fit), {time.time() - started:.0f}s", file=sys.stderr)

    model = fit_model(fit, args.l2, args.iters, args.passes, started)
    # decoding prices are tuned on the main dataset's fitting pages (its gold conventions)
    model["decode"] = tune_decoding([p for p in fit if id(p) in primary], model, started)
    # the stopwords go one a line into a file beside the weights, which the engine reads itself
    model["stopwords"] = STOPWORDS_FILE
    model["meta"] = {"dataset": [Path(d).name for d in [args.dataset, *args.extra]], "converters": args.converters.split(","),
                     "fit_half": args.fit_half, "pages": len(fit), "l2": args.l2, "iters": args.iters,
                     "passes": args.passes}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    with open(Path(args.out).parent / STOPWORDS_FILE, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(w + "\n" for w in stop_list))

    report(fit, model, "fitting pages")
    if held:
        report(held, model, "held-out pages")
    return 0


def retune_decoding(args, started: float) -> int:
    """Tune the decoding for the shipped weights on the main dataset's fitting pages."""
    path = Path(args.out)
    model = json.loads(path.read_text(encoding="utf-8"))
    stop = stopwords_of(model, str(path.parent))
    pages = [p for p in load_pages(args.dataset, args.cache_dir, stop, args.converters.split(","), args.limit)
             if args.fit_half < 0 or p.half == args.fit_half]
    model["decode"] = tune_decoding(pages, model, started)
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    report(pages, model, "fitting pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
