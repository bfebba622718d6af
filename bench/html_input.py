"""HTML input, measured: ``cleaner.clean_html`` against trafilatura on the same pages, in one run.

    python bench/html_input.py [wcxb|dragnet ...] [--limit N] [--json PATH]

For every page of the dev sets in ``../shared/data`` it runs, interleaved (so
machine load hits all systems alike):

* ``cleaner.clean_html`` (default options);
* trafilatura ``bare_extraction(include_comments=False)``, the peer of the
  benchmark (``bench/peers.py``);
* trafilatura ``bare_extraction(include_comments=True)``, comments scored apart.

Scores come from :mod:`cleaner.evaluate` (word 4-gram F1, macro-averaged),
speed is documents per second of CPU time of this process. The table also
counts which extraction path ``clean_html`` took. Without the data folder it
says so and exits 0.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = Path(os.environ.get("CLEANER_BENCH_DATA", ROOT.parent / "shared" / "data"))
DATASETS = {"wcxb": "wcxb-dev-articles.jsonl.gz", "dragnet": "dragnet-dev.jsonl.gz"}

from cleaner.evaluate import (Prediction, prediction_from_dict, read_records,  # noqa: E402
                              score_document, summarise)


def systems():
    from trafilatura import bare_extraction

    from cleaner.html import clean_html

    paths: Counter = Counter()

    def ours(page: str) -> Prediction:
        result = clean_html(page)
        paths[result.path] += 1
        return prediction_from_dict(result.to_dict())

    def trafilatura(comments: bool):
        def run(page: str) -> Prediction:
            doc = bare_extraction(page, include_comments=comments, with_metadata=False)
            if doc is None:
                return Prediction("")
            return Prediction(doc.text or "", (doc.comments or "") if comments else "")
        return run

    return {"cleaner.clean_html": ours, "trafilatura": trafilatura(False),
            "trafilatura +comments": trafilatura(True)}, paths


def measure(name: str, limit: int | None) -> dict:
    logging.disable(logging.CRITICAL)
    runs, paths = systems()
    scores: dict[str, list] = {s: [] for s in runs}
    seconds: Counter = Counter()
    for record in read_records(DATA_DIR / DATASETS[name], limit):
        for system, run in runs.items():
            started = time.process_time()
            prediction = run(record["html"])
            seconds[system] += time.process_time() - started
            scores[system].append(score_document(record.get("id", ""), prediction, record))
    return {"dataset": name, "paths": dict(paths),
            "systems": {s: {"summary": summarise(v), "seconds": seconds[s], "documents": len(v)}
                        for s, v in scores.items()}}


def _f(value) -> str:
    return "    -" if value is None else f"{value:.4f}"


def report(result: dict) -> str:
    lines = [f"## {result['dataset']}: {next(iter(result['systems'].values()))['documents']} pages",
             "", "| system | main F1 | main P | main R | main F1, pages with comments | "
             "comments F1, pages with comments | comments F1, pages without | docs/s |",
             "|---|---|---|---|---|---|---|---|"]
    for system, data in result["systems"].items():
        s = data["summary"]
        main, comments = s["main"], s.get("comments") or {}
        with_c = (main.get("with_comments") or {}).get("f1")
        c_with = (comments.get("with_comments") or {}).get("f1")
        c_without = (comments.get("without_comments") or {}).get("f1")
        rate = data["documents"] / data["seconds"] if data["seconds"] else 0.0
        lines.append(f"| {system} | {_f(main['all']['f1'])} | {_f(main['all']['precision'])} | "
                     f"{_f(main['all']['recall'])} | {_f(with_c)} | {_f(c_with)} | {_f(c_without)} | "
                     f"{rate:.1f} |")
    lines += ["", "clean_html paths: " + ", ".join(f"{k} {v}" for k, v in sorted(result["paths"].items()))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="*", metavar="DATASET", help=f"{', '.join(DATASETS)} (default: all)")
    parser.add_argument("--limit", type=int, help="first N pages of each dataset")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    if unknown := set(args.datasets) - set(DATASETS):
        parser.error(f"unknown dataset: {', '.join(sorted(unknown))}")
    if not DATA_DIR.exists():
        print(f"bench/html_input.py: no data folder at {DATA_DIR}; nothing to measure")
        return 0
    results = []
    for name in args.datasets or list(DATASETS):
        result = measure(name, args.limit)
        results.append(result)
        print(report(result), "\n", flush=True)
    if args.json:
        import orjson
        Path(args.json).write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
