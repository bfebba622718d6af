"""Issue 6: how well and how cheaply are non-English passages flagged?

The measurement: English articles (gold ``main`` text of the WCXB dev pages),
half of them with one real paragraph from a non-English page of
``lang-dev.jsonl.gz`` inserted between two of their paragraphs (seeded, so
every run builds the same set). A flag is *correct* when it overlaps the
inserted paragraph and names the page's language; *language-agnostic* scores
only ask for the overlap. Every other flag is a false alarm, and an English-only
document with any flag at all counts against the <= 1 % target.

Quality is measured twice: with the detector alone on blank-line paragraphs
(what the language logic can do) and through ``cleaner.clean`` (what a user
gets; other stages may label the inserted paragraph boilerplate or a comment).
Speed compares ``cleaner.clean(text)`` with ``clean(text, language=False)``,
interleaved per document, best of ``--repeat`` runs, and the detector with a
baseline that runs langdetect on every paragraph.

Run: ``nice .venv/bin/python bench/language.py`` (add ``--limit N`` for a quick look).
Needs ../shared/data; without it the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

SEED = 6
MIN_CHARS, MAX_CHARS = 150, 1500   # "reasonable length" for an inserted paragraph


@dataclass
class Case:
    id: str
    text: str
    inserted: tuple[int, int] | None = None   # span of the inserted paragraph
    lang: str | None = None                   # its page's language
    source: str | None = None                 # lang-dev page id


def _jsonl(name: str) -> list[dict]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def build_cases(limit: int | None = None) -> list[Case]:
    """English articles; every other one (by a seeded shuffle) gets a foreign paragraph."""
    articles = [r for r in _jsonl("wcxb-dev-articles.jsonl.gz") if r.get("main", "").strip()]
    pages = [r for r in _jsonl("lang-dev.jsonl.gz") if r["lang"] != "en"]
    pool = {p["id"]: [x for x in p["paragraphs"] if MIN_CHARS <= len(x) <= MAX_CHARS] for p in pages}
    pages = [p for p in pages if pool[p["id"]]]
    rng = random.Random(SEED)
    order = list(range(len(articles)))
    rng.shuffle(order)
    chosen = set(order[: len(articles) // 2])
    cases = []
    for i, art in enumerate(articles):
        text = art["main"].strip()
        if i not in chosen:
            cases.append(Case(art["id"], text))
            continue
        page = rng.choice(pages)
        para = " ".join(rng.choice(pool[page["id"]]).split())
        paras = text.split("\n\n")
        at = rng.randint(1, max(1, len(paras)))
        before = "\n\n".join(paras[:at])
        start = len(before) + 2 if before else 0
        new = "\n\n".join(paras[:at] + [para] + paras[at:])
        cases.append(Case(art["id"], new, (start, start + len(para)), page["lang"], page["id"]))
    if limit:
        # keep the mix: half with an insertion
        with_ins = [c for c in cases if c.inserted][: (limit + 1) // 2]
        without = [c for c in cases if not c.inserted][: limit // 2]
        cases = with_ins + without
    return cases


# ---- scoring ------------------------------------------------------------------------
@dataclass
class Score:
    flags: int = 0
    correct: int = 0          # overlaps the insertion, right language
    overlapping: int = 0      # overlaps the insertion, any language
    inserted: int = 0
    found: int = 0            # insertions with a correct flag
    found_any: int = 0        # insertions with any overlapping flag
    english_docs: int = 0
    english_flagged: int = 0
    per_lang: dict = None

    def __post_init__(self):
        self.per_lang = defaultdict(lambda: [0, 0])

    def add(self, case: Case, flags: list) -> None:
        self.flags += len(flags)
        if case.inserted is None:
            self.english_docs += 1
            self.english_flagged += bool(flags)
            return
        a, b = case.inserted
        over = [f for f in flags if f.start < b and f.end > a]
        right = [f for f in over if f.lang == case.lang]
        self.overlapping += len(over)
        self.correct += len(right)
        self.inserted += 1
        self.found += bool(right)
        self.found_any += bool(over)
        self.per_lang[case.lang][0] += 1
        self.per_lang[case.lang][1] += bool(right)

    def rows(self) -> list[tuple[str, str, str]]:
        def ratio(x, y):
            return f"{x / y:.4f}" if y else "n/a"
        return [
            ("precision (right language)", ratio(self.correct, self.flags), "≥ 0.95"),
            ("recall (right language)", ratio(self.found, self.inserted), "≥ 0.95"),
            ("precision (any language)", ratio(self.overlapping, self.flags), ""),
            ("recall (any language)", ratio(self.found_any, self.inserted), ""),
            ("English-only docs with a flag", f"{self.english_flagged}/{self.english_docs} = "
             + ratio(self.english_flagged, self.english_docs), "≤ 0.01"),
            ("flags / inserted / docs", f"{self.flags} / {self.inserted} / {self.inserted + self.english_docs}", ""),
            ("recall by language", " ".join(f"{k}:{v[1]}/{v[0]}" for k, v in sorted(self.per_lang.items())), ""),
        ]


def paragraphs(text: str):
    from cleaner.document import split_blocks
    from cleaner.language import Passage
    return [Passage(b.start, b.end, text[b.start:b.end], "main") for b in split_blocks(text)]


class CountingBackend:
    """Wraps the real backend to count the calls the fast paths did not avoid."""

    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, 0

    def probabilities(self, text, langs=None):
        self.calls += 1
        return self.inner.probabilities(text, langs)


def detector_quality(cases: list[Case], misses: list, backend: str) -> tuple[Score, dict]:
    from cleaner.language import LanguageDetector
    det = LanguageDetector(backend=backend)
    det.backend = counter = CountingBackend(det.backend)
    score, n_pass = Score(), 0
    for case in cases:
        ps = paragraphs(case.text)
        n_pass += len(ps)
        flags, _ = det.analyse(ps)
        score.add(case, flags)
        _note(case, flags, misses)
    return score, {"passages": n_pass, "backend calls": counter.calls}


def pipeline_quality(cases: list[Case], misses: list, backend: str) -> tuple[Score, Counter]:
    """Also says why an insertion was missed: other stages removed it, it became part of
    a longer comment (judged as a whole), or the language logic passed it over."""
    import cleaner
    score, causes = Score(), Counter()
    for case in cases:
        result = cleaner.clean(case.text, language_backend=backend)
        flags = result.doc.flags
        score.add(case, flags)
        _note(case, flags, misses)
        if case.inserted and not any(f.start < case.inserted[1] and f.end > case.inserted[0]
                                     and f.lang == case.lang for f in flags):
            causes[_cause(result.doc, case.inserted)] += 1
    return score, causes


def _cause(doc, span: tuple[int, int]) -> str:
    a, b = span
    labels = Counter(s.label for s in doc.segments() if s.start < b and s.end > a)
    label = labels.most_common(1)[0][0] if labels else "none"
    if label == "comment":
        around = [c for c in doc.comments if c.start < b and c.end > a]
        if not around or any(c.start < a - 2 or c.end > b + 2 for c in around):
            return "inside a longer comment"
        return "comment, not flagged"
    if label == "main":
        return "main, not flagged"
    return f"labelled {label}"


def _note(case: Case, flags: list, misses: list) -> None:
    """Keep the errors, for --show."""
    a, b = case.inserted or (-1, -1)
    for f in flags:
        if not (f.start < b and f.end > a and f.lang == case.lang):
            misses.append(("false flag", case.id, f.lang, f.confidence, case.text[f.start:f.end][:160]))
    if case.inserted and not any(f.start < b and f.end > a and f.lang == case.lang for f in flags):
        misses.append(("missed", case.id, case.lang, case.source, case.text[a:b][:160]))


# ---- speed ---------------------------------------------------------------------------
def pipeline_speed(texts: list[str], repeat: int) -> dict:
    """Best-of-``repeat`` per document, the two variants interleaved so load hits both alike."""
    import cleaner
    for t in texts[:5]:
        cleaner.clean(t), cleaner.clean(t, language=False)
    best_on = [float("inf")] * len(texts)
    best_off = [float("inf")] * len(texts)
    for _ in range(repeat):
        for i, t in enumerate(texts):
            t0 = time.perf_counter()
            cleaner.clean(t)
            t1 = time.perf_counter()
            cleaner.clean(t, language=False)
            t2 = time.perf_counter()
            best_on[i] = min(best_on[i], t1 - t0)
            best_off[i] = min(best_off[i], t2 - t1)
    on, off = sum(best_on), sum(best_off)
    return {"with": on, "without": off, "stage": max(0.0, on - off), "docs": len(texts)}


def detector_speed(texts: list[str], repeat: int, baseline_docs: int, backend: str) -> dict:
    """Our detector vs langdetect on every paragraph (on a subset, extrapolated per paragraph)."""
    from cleaner.language import LanguageDetector, LangdetectBackend
    det = LanguageDetector(backend=backend)
    det.analyse(paragraphs(texts[0]))
    det.backend.probabilities("warm up the profiles, bitte schön")
    split = [paragraphs(t) for t in texts]
    n_par = sum(len(p) for p in split)
    best = [float("inf")] * len(texts)
    for _ in range(repeat):
        for i, ps in enumerate(split):
            det._last = None
            t0 = time.perf_counter()
            det.analyse(ps)
            best[i] = min(best[i], time.perf_counter() - t0)
    ours = sum(best)
    base = LangdetectBackend()
    subset = [p for ps in split[:baseline_docs] for p in ps]
    t0 = time.perf_counter()
    for p in subset:
        base.probabilities(p.text)
    base_time = time.perf_counter() - t0
    per_par = base_time / max(1, len(subset))
    return {"ours": ours, "paragraphs": n_par, "baseline per paragraph": per_par,
            "baseline": per_par * n_par, "baseline paragraphs timed": len(subset)}


# ---- main ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="use only this many documents")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    ap.add_argument("--baseline-docs", type=int, default=80, help="documents for the langdetect-everywhere baseline")
    ap.add_argument("--no-pipeline", action="store_true", help="detector only (while clean() is unavailable)")
    ap.add_argument("--show", type=int, default=0, help="print up to N errors")
    ap.add_argument("--no-speed", action="store_true", help="quality only")
    ap.add_argument("--backend", default="langdetect", help="detector backend for the quality columns")
    args = ap.parse_args(argv)
    if not (DATA / "lang-dev.jsonl.gz").exists() or not (DATA / "wcxb-dev-articles.jsonl.gz").exists():
        print(f"bench/language.py: {DATA} is missing; nothing measured.")
        return 0
    started = time.perf_counter()
    cases = build_cases(args.limit)
    english = [c.text for c in cases if c.inserted is None] + [_strip(c) for c in cases if c.inserted]
    misses: list = []
    d_score, d_info = detector_quality(cases, misses, args.backend)
    p_score, causes = (None, Counter()) if args.no_pipeline else pipeline_quality(cases, misses, args.backend)
    d_speed = None if args.no_speed else detector_speed(english, args.repeat, args.baseline_docs, args.backend)
    p_speed = None if args.no_pipeline or args.no_speed else pipeline_speed(english, args.repeat)

    print(f"# bench/language.py — {dt.datetime.now().isoformat(timespec='seconds')}")
    print(f"# command: {' '.join([Path(sys.executable).name, 'bench/language.py', *sys.argv[1:]])}")
    print(f"# data: {len(cases)} WCXB dev articles, {sum(1 for c in cases if c.inserted)} with one lang-dev "
          f"paragraph ({MIN_CHARS}-{MAX_CHARS} chars, page lang != en, seed {SEED}) inserted; "
          f"detector backend: {args.backend}; clean() speed with the default backend")
    print()
    rows = [("metric", "detector on paragraphs", "cleaner.clean()", "target")]
    p_rows = p_score.rows() if p_score else [(r[0], "not run", r[2]) for r in d_score.rows()]
    for (name, value, target), (_, pvalue, _) in zip(d_score.rows(), p_rows):
        rows.append((name, value, pvalue, target))
    if p_score:
        rows.append(("clean() misses by cause", "", ", ".join(f"{k}: {v}" for k, v in causes.most_common()), ""))
    rows.append(("backend calls / passages", f"{d_info['backend calls']} / {d_info['passages']}", "", ""))
    if d_speed:
        ratio = d_speed["baseline"] / d_speed["ours"] if d_speed["ours"] else float("inf")
        rows.append(("detector ms/doc (English docs)", f"{1000 * d_speed['ours'] / len(english):.3f}", "", ""))
        rows.append(("langdetect-every-paragraph ms/doc", f"{1000 * d_speed['baseline'] / len(english):.2f}",
                     "", f"(timed on {d_speed['baseline paragraphs timed']} paragraphs, "
                         f"{1000 * d_speed['baseline per paragraph']:.2f} ms each, × {d_speed['paragraphs']})"))
        rows.append(("baseline / detector", f"{ratio:.0f}×", "", "> 100×"))
    if p_speed and d_speed:
        n = p_speed["docs"]
        rows.append(("clean() ms/doc, language on", "", f"{1000 * p_speed['with'] / n:.3f}", ""))
        rows.append(("clean() ms/doc, language=False", "", f"{1000 * p_speed['without'] / n:.3f}", ""))
        rows.append(("speed with flags / without", "", f"{p_speed['without'] / p_speed['with']:.3f}×", "≥ 0.75×"))
        stage = p_speed["stage"]
        rows.append(("baseline / language stage in clean()", "",
                     f"{d_speed['baseline'] / stage:.0f}×" if stage else "inf", "> 100×"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    for i, r in enumerate(rows):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print(f"\n# {time.perf_counter() - started:.0f} s")
    if args.show:
        for m in misses[: args.show]:
            print(*m, sep=" | ")
    return 0


def _strip(case: Case) -> str:
    """The article without its insertion: speed is measured on English documents."""
    a, b = case.inserted
    return (case.text[:a] + case.text[b + 2:]).strip()


if __name__ == "__main__":
    sys.exit(main())
