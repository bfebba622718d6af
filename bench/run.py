"""Benchmark: quality, speed and memory of the cleaner and its peers, in one run.

``make bench`` (or ``python bench/run.py``) reads the dev pages in
``../shared/data`` and prints, as Markdown:

* **quality** on the same documents, scored by :mod:`cleaner.evaluate`: the
  cleaner and plain-text peers (nothing removed, datatrove's
  ``C4QualityFilter`` as a line filter, jusText over the text's lines) on text
  made by a converter, and HTML peers (trafilatura with and without comments,
  jusText) on the page itself; plus main-text F1 across converters;
* **speed**: MB/s and documents/s of every system on those documents, CPU
  time of this process, documents interleaved so machine load hits all
  systems alike, and the ratios cleaner ÷ peer (and cleaner (html) ÷ each HTML
  peer: `bench/html_speed.py` measures that one alone, step by step);
* **traf-dev**: trafilatura's multilingual evaluation pages scored by snippets,
  per page language, as trafilatura's comparison scores them: the cleaner on
  each converter's text, its HTML path, trafilatura and the text peers
  (``bench/traf_dev.py``);
* **shapes**: main-text F1 on layouts of the dev pages the cleaner was not tuned
  on (lxml's ``text_content``, paragraphs joined by single line breaks, a blank
  line after every line), beside removing nothing (``bench/text_shapes.py``);
* **memory**: peak RSS of ``cleaner run`` on corpora of ~50, 100 and 200 MB
  built by repeating the dev documents (see ``bench/memory.py``).

Converted texts are cached under ``/tmp/cleaner-cache`` (never in the project).
Without the data folder the benchmark says so and exits 0.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shlex
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
DATA_DIR = Path(os.environ.get("CLEANER_BENCH_DATA", ROOT.parent / "shared" / "data"))
CACHE_DIR = Path("/tmp/cleaner-cache")
DATASETS = {"wcxb": "wcxb-dev-articles.jsonl.gz", "dragnet": "dragnet-dev.jsonl.gz"}
CONVERTERS = ["resiliparse", "inscriptis", "html2text", "html2txt"]
SECTIONS = ("quality", "traf-dev", "shapes", "speed", "memory")

from cleaner.evaluate import (DocScore, Fields, Prediction, converted_text,  # noqa: E402
                              read_records, score_document, summarise)


@dataclass
class BenchDoc:
    """One dev page: its gold record (without HTML), the HTML and the converted texts."""

    dataset: str
    id: str
    html: str
    gold: dict
    texts: dict[str, str] = field(default_factory=dict)


def load_documents(data_dir: Path, limit: int | None, converters: Iterable[str],
                   cache_dir: Path | None = CACHE_DIR, log=None) -> list[BenchDoc]:
    """Read every dataset and convert each page with each converter (cached)."""
    docs = []
    converters = list(converters)
    for name, filename in DATASETS.items():
        path = data_dir / filename
        if not path.exists():
            continue
        started = time.perf_counter()
        for index, record in enumerate(read_records(path, limit)):
            html = record.pop("html", "") or ""
            doc = BenchDoc(name, str(record.get("id", index)), html, record)
            for converter in converters:
                doc.texts[converter] = converted_text(html, converter, cache_dir)
            docs.append(doc)
        if log:
            log(f"loaded {name}: {sum(d.dataset == name for d in docs)} documents, "
                f"{len(converters)} converter(s), {time.perf_counter() - started:.0f} s")
    return docs


# --------------------------------------------------------------------------- the comparison pass

@dataclass
class Timing:
    docs: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors: int = 0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0


def _call(system, payload: str, timing: Timing | None) -> Prediction:
    """Run one system on one input, timed in CPU seconds; a crash scores as empty output."""
    started = time.process_time()
    try:
        prediction = system.run(payload)
    except Exception as exc:  # a peer failing on one page must not end the benchmark
        prediction = Prediction("", error=f"{type(exc).__name__}: {exc}")
    elapsed = time.process_time() - started
    if timing is not None:
        timing.docs += 1
        timing.bytes += len(payload.encode("utf-8", "surrogatepass"))
        timing.seconds += elapsed
        timing.errors += prediction.error is not None
    return prediction


def compare(docs: list[BenchDoc], systems, converters: list[str], progress: bool = True, log=None):
    """Score every system on every document; time them on the primary converter's text.

    Returns (scores[(dataset, system, converter)] -> [DocScore], timings[system] -> Timing).
    HTML systems are keyed with converter ``"html"``. Systems run document by
    document, interleaved, so background load on a shared machine is spread
    evenly instead of landing on whichever system ran last.
    """
    primary = converters[0]
    scores: dict[tuple[str, str, str], list[DocScore]] = defaultdict(list)
    timings: dict[str, Timing] = defaultdict(Timing)
    text_systems = [s for s in systems if s.kind == "text"]
    html_systems = [s for s in systems if s.kind == "html"]
    full_systems = {s.name for s in text_systems[:1]} | {"nothing removed", "datatrove C4QualityFilter (lines)",
                                                         "jusText (lines as <p>)"}
    converter_timing = timings[f"{primary} (html → text)"]
    items = docs
    if progress:
        from tqdm import tqdm
        items = tqdm(docs, unit="doc", file=sys.stderr, desc="comparing", leave=False)
    for done, doc in enumerate(items, 1):
        if log and not progress and done % 100 == 0:
            log(f"comparing: {done}/{len(docs)} pages")
        _time_converter(doc.html, primary, converter_timing)
        for converter in converters:
            text = doc.texts[converter]
            for system in text_systems:
                if converter != primary and system.name not in full_systems:
                    continue
                timing = timings[system.name] if converter == primary else None
                prediction = _call(system, text, timing)
                scores[(doc.dataset, system.name, converter)].append(
                    score_document(doc.id, prediction, doc.gold, Fields()))
        for system in html_systems:
            prediction = _call(system, doc.html, timings[system.name])
            scores[(doc.dataset, system.name, "html")].append(
                score_document(doc.id, prediction, doc.gold, Fields()))
    return scores, timings


def _time_converter(html: str, name: str, timing: Timing) -> None:
    """The converter's own cost, measured live (the cache would hide it)."""
    from cleaner.converters import convert
    started = time.process_time()
    convert(html, name)
    timing.seconds += time.process_time() - started
    timing.docs += 1
    timing.bytes += len(html.encode("utf-8", "surrogatepass"))


def warm_up(systems, docs: list[BenchDoc], converter: str) -> None:
    """First calls compile rules and load models; keep that out of the timings."""
    for doc in docs[:3]:
        for system in systems:
            _call(system, doc.html if system.kind == "html" else doc.texts[converter], None)


# --------------------------------------------------------------------------- tables

def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def quality_table(scores, systems, dataset: str, converter: str, n_docs: int) -> str:
    """One dataset: every system's main-text (and comment, snippet) figures."""
    rows = []
    for system in systems:
        key = (dataset, system.name, converter if system.kind == "text" else "html")
        if key not in scores:
            continue
        s = summarise(scores[key])
        rows.append((system, s))
    has_comments = any(s["comments"] for _, s in rows)
    has_snippets = any(s["snippets"] for _, s in rows)
    header = ["system", "input", "main P", "main R", "main F1", "bag F1"]
    if has_snippets:
        header += ["`with` kept", "`without` dropped"]
    if has_comments:
        header += ["comments F1 (pages with)", "no invented comments (pages without)",
                   "main F1 (pages with comments)"]
    lines = [f"**{dataset}** ({n_docs} pages; text input made by {converter})", "",
             "| " + " | ".join(header) + " |",
             "|---|---|" + "---:|" * (len(header) - 2)]
    for system, s in rows:
        main = s["main"]["all"]
        cells = [system.name, "text" if system.kind == "text" else "HTML",
                 _f(main["precision"]), _f(main["recall"]), _f(main["f1"]), _f(main["bag_f1"])]
        if has_snippets:
            sn = s["snippets"]
            cells += [_f(sn["with"]["kept"]) if sn else "–", _f(sn["without"]["dropped"]) if sn else "–"]
        if has_comments:
            c = s["comments"]
            cells += [_f(c["with_comments"]["f1"]), _f(c["without_comments"]["f1"]),
                      _f(s["main"]["with_comments"]["f1"])] if c else ["–"] * 3
        if s["errors"]:
            cells[0] += f" ({s['errors']} errors)"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def converter_table(scores, systems, datasets: list[str], converters: list[str]) -> str:
    """Main-text F1 of the plain-text systems on each converter's text: robustness to input."""
    header = ["system"] + [f"{d} · {c}" for d in datasets for c in converters]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for system in systems:
        if system.kind != "text":
            continue
        cells = [system.name]
        present = False
        for d in datasets:
            for c in converters:
                key = (d, system.name, c)
                if key in scores:
                    present = True
                    cells.append(_f(summarise(scores[key])["main"]["all"]["f1"]))
                else:
                    cells.append("–")
        if present:
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def speed_table(timings: dict[str, Timing], systems, converter: str) -> str:
    """Throughput of each system and how many times faster (>1) or slower the cleaner is."""
    lead = timings.get("cleaner")
    lead_nolang = timings.get("cleaner --no-language")
    lead_html = timings.get("cleaner (html)")  # the HTML path, against the HTML peers
    kinds = {s.name: ("text" if s.kind == "text" else "HTML") for s in systems}
    header = ["system", "input", "docs", "MB", "CPU s", "MB/s", "docs/s",
              "cleaner ÷ peer (docs/s)", "cleaner --no-language ÷ peer", "cleaner (html) ÷ peer"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|" + "---:|" * (len(header) - 2)]
    order = [s.name for s in systems if s.name != "nothing removed"]
    order += [name for name in timings if name not in order and name != "nothing removed"]
    for name in order:
        t = timings.get(name)
        if t is None or not t.docs:
            continue
        kind = kinds.get(name, "HTML")
        is_peer = name in kinds and not name.startswith("cleaner")
        ratio = lambda ref: "–" if ref is None or not t.docs_per_s or not is_peer \
            else f"{ref.docs_per_s / t.docs_per_s:.2f}×"  # noqa: E731
        errors = f" ({t.errors} errors)" if t.errors else ""
        html_ratio = ratio(lead_html) if kind == "HTML" else "–"
        lines.append(f"| {name}{errors} | {kind} | {t.docs:,} | {t.bytes / 1e6:,.1f} | {t.seconds:,.1f} | "
                     f"{t.mb_per_s:,.2f} | {t.docs_per_s:,.1f} | {ratio(lead)} | {ratio(lead_nolang)} | "
                     f"{html_ratio} |")
    converter_row = timings.get(f"{converter} (html → text)")
    if lead and converter_row and converter_row.docs == lead.docs:
        seconds = lead.seconds + converter_row.seconds
        lines.append(f"| {converter} → cleaner (both steps) | HTML | {lead.docs:,} | "
                     f"{converter_row.bytes / 1e6:,.1f} | {seconds:,.1f} | "
                     f"{converter_row.bytes / 1e6 / seconds:,.2f} | {lead.docs / seconds:,.1f} | – | – | – |")
    return "\n".join(lines)


def _commit() -> str:
    """The commit measured, so a figure can be traced to the code that made it."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' with local changes' if dirty else ''}"


def _versions() -> str:
    # The distribution is "scrapeclean" ("cleaner" is taken on PyPI); it is shown by its import name.
    names = {"cleaner": "scrapeclean", "trafilatura": "trafilatura", "datatrove": "datatrove",
             "jusText": "jusText", "resiliparse": "resiliparse", "inscriptis": "inscriptis",
             "html2text": "html2text"}
    found = []
    for shown, name in names.items():
        try:
            found.append(f"{shown} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


# --------------------------------------------------------------------------- main

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="40 pages a dataset, one converter, 5/10/20 MB memory corpora")
    parser.add_argument("--limit", type=int, help="pages per dataset (default: all)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--converters", help=f"comma-separated; the first is the primary one "
                                             f"(default: {','.join(CONVERTERS)})")
    parser.add_argument("--memory-sizes", help="corpus sizes in MB (default: 50,100,200)")
    parser.add_argument("--workers", type=int, default=1, help="workers for `cleaner run` (default 1)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of the dev data")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="converted-text cache")
    parser.add_argument("--write", type=Path, metavar="PATH", help="also write the Markdown report here")
    args = parser.parse_args(argv)
    args.sections = {s.strip() for s in args.sections.split(",") if s.strip()}
    unknown = args.sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.converters:
        args.converters = [c.strip() for c in args.converters.split(",") if c.strip()]
    else:
        args.converters = CONVERTERS[:1] if args.quick else list(CONVERTERS)
    if "quality" not in args.sections:
        args.converters = args.converters[:1]  # other converters only feed the quality table
    if args.limit is None and args.quick:
        args.limit = 40
    sizes = args.memory_sizes or ("5,10,20" if args.quick else "50,100,200")
    args.memory_sizes = [float(s) for s in sizes.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python bench/run.py" + "".join(" " + shlex.quote(a) for a in (argv if argv is not None
                                                                            else sys.argv[1:]))
    if not all((args.data / f).exists() for f in DATASETS.values()):
        print(f"bench: dev data not found in {args.data} (expected {', '.join(DATASETS.values())}); "
              "skipping the benchmark")
        return 0
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    started = time.perf_counter()
    docs = load_documents(args.data, args.limit, args.converters, args.cache, log)
    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"## Benchmark ({today}, commit {_commit()})", "",
           f"Command: `{command}` (from the project root; `make bench` runs it with "
           f"`--write bench/RESULTS.md`). Each run replaces the file: it holds one run's figures.",
           f"Data: `../shared/data` dev sets, {len(docs)} pages. Machine: {os.cpu_count()} CPUs "
           f"(shared), Python {platform.python_version()}; {_versions()}.", ""]
    if args.sections & {"quality", "speed"}:
        out += comparison_section(docs, args, log)
    if "traf-dev" in args.sections:
        from traf_dev import section as traf_dev_section
        out += traf_dev_section(args.data, args.converters, args.cache, log, args.limit)
    if "shapes" in args.sections:
        from text_shapes import section as shapes_section
        out += shapes_section(args.data, args.cache, log, args.limit)
    if "memory" in args.sections:
        out += memory_section(docs, args, log)
    out.append(f"_Benchmark took {time.perf_counter() - started:,.0f} s._")
    report = "\n".join(out)
    print(report)
    if args.write:
        args.write.write_text(report + "\n", encoding="utf-8")
    return 0


def comparison_section(docs: list[BenchDoc], args, log) -> list[str]:
    from peers import all_systems

    systems = all_systems()
    primary = args.converters[0]
    log(f"systems: {', '.join(s.name for s in systems)}")
    warm_up(systems, docs, primary)
    scores, timings = compare(docs, systems, args.converters, progress=sys.stderr.isatty(), log=log)
    datasets = [d for d in DATASETS if any(doc.dataset == d for doc in docs)]
    out: list[str] = []
    if "quality" in args.sections:
        out += ["### Quality", "",
                "Shingle (word 4-gram) precision/recall/F1 and word-bag F1 of the main text against "
                "the gold, per page then macro-averaged (`cleaner eval` computes the same figures). "
                "Plain-text systems get the converter's text of the page; HTML systems the page.", ""]
        for d in datasets:
            n = sum(doc.dataset == d for doc in docs)
            out += [quality_table(scores, systems, d, primary, n), ""]
        if len(args.converters) > 1:
            out += ["Main-text F1 by converter (plain-text systems):", "",
                    converter_table(scores, systems, datasets, args.converters), ""]
    if "speed" in args.sections:
        out += ["### Speed", "",
                f"Same pages, one process, CPU seconds (`time.process_time`) of each system's own "
                f"work; plain-text systems read the {primary} text, HTML systems the page, so compare "
                f"docs/s across the two (the converter's own cost is its row). Ratios > 1: the "
                f"cleaner is faster.", "",
                speed_table(timings, systems, primary), ""]
        from stages import stage_table, startup_seconds
        texts = [doc.texts[primary] for doc in docs]
        out += [f"Where the cleaner's time goes (`python bench/stages.py`: CPU seconds per stage on the "
                f"same {primary} texts, language flags on):", "", stage_table(texts), "",
                f"Start-up of `cleaner clean` on a one-line file: {startup_seconds() * 1000:.0f} ms "
                f"(CPU, median of 7 runs).", ""]
    return out


def memory_section(docs: list[BenchDoc], args, log) -> list[str]:
    from memory import format_table, run_memory

    converter = args.converters[0]
    texts = [(f"{d.dataset}:{d.id}", d.texts[converter]) for d in docs]
    runs = run_memory(texts, args.memory_sizes, workers=args.workers, log=log)
    return ["### Memory", "",
            f"Peak resident memory of `cleaner run` on JSONL corpora made by repeating the "
            f"{len(texts)} dev pages as {converter} text.", "",
            format_table(runs, args.workers), ""]


if __name__ == "__main__":
    raise SystemExit(main())
