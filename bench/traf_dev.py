"""The traf-dev measure: trafilatura's evaluation pages, scored by snippets, per language.

``python bench/traf_dev.py`` (``make bench`` runs it as a section of ``bench/run.py``)
runs the cleaner on plain text made by a converter, the cleaner's HTML path,
trafilatura on the HTML and the plain-text peers on the same pages, and prints
pooled snippet precision / recall / F1 per page language, as trafilatura's own
comparison counts them (:func:`cleaner.evaluate.pooled_snippets`).

The data is ``../shared/data/traf-dev.jsonl.gz`` (500 pages with ``with`` /
``without`` snippets and ``lang``); without it the section says so.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from cleaner.evaluate import (Fields, Prediction, converted_text, pooled_snippets,  # noqa: E402
                              read_records, score_document)

FILENAME = "traf-dev.jsonl.gz"
MIN_PAGES = 5  # languages with fewer pages are pooled under "other"


def load(data_dir: Path, converters: list[str], cache_dir: Path | None, limit: int | None = None) -> list[dict]:
    """The pages with their converted texts (cached)."""
    pages = []
    for record in read_records(data_dir / FILENAME, limit):
        record["texts"] = {c: converted_text(record["html"], c, cache_dir) for c in converters}
        pages.append(record)
    return pages


def systems(text_converters: list[str], peers: bool = True) -> list[tuple[str, str, object]]:
    """(label, input, system) rows: the cleaner per converter, its HTML path, trafilatura, peers."""
    from peers import (c4_line_filter_system, cleaner_html_system, cleaner_system, justext_lines_system,
                       trafilatura_system, unchanged_system)

    cleaner = cleaner_system(False)
    rows = [(f"cleaner · {c} text", c, cleaner) for c in text_converters]
    html = cleaner_html_system()
    if html is not None:
        rows.append(("cleaner (html)", "html", html))
    rows.append(("trafilatura (html)", "html", trafilatura_system(False)))
    if peers:
        first = text_converters[0]
        rows += [(f"{s.name} · {first} text", first, s)
                 for s in (unchanged_system(), c4_line_filter_system(), justext_lines_system())]
    return rows


def measure(pages: list[dict], rows) -> dict[str, dict]:
    """Every row's pooled snippet scores (overall and per language) and its CPU seconds."""
    results = {}
    fields = Fields()
    for label, source, system in rows:
        started = time.process_time()
        scores = []
        for page in pages:
            payload = page["html"] if source == "html" else page["texts"][source]
            try:
                prediction = system.run(payload)
            except ValueError as exc:  # cleaner.InputError (a page with NUL characters) is one
                prediction = Prediction("", error=str(exc))
            scores.append(score_document(page["id"], prediction, page, fields))
        results[label] = {"pooled": pooled_snippets(scores), "seconds": time.process_time() - started}
    return results


def languages(pages: list[dict]) -> list[str]:
    """Languages with at least :data:`MIN_PAGES` pages, by page count."""
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.get("lang") or "?"] = counts.get(page.get("lang") or "?", 0) + 1
    return [lang for lang, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= MIN_PAGES]


def table(results: dict[str, dict], langs: list[str], pages: list[dict]) -> str:
    """Markdown: one row per system, F1 overall and per language (P / R overall)."""
    counts = {lang: sum((p.get("lang") or "?") == lang for p in pages) for lang in langs}
    header = ["system", "P", "R", "F1 (all)"] + [f"F1 {lang} ({counts[lang]})" for lang in langs] + ["CPU s"]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for label, result in results.items():
        pooled = result["pooled"]
        total = pooled["all"]
        cells = [label, f"{total['precision']:.3f}", f"{total['recall']:.3f}", f"**{total['f1']:.3f}**"]
        cells += [f"{pooled['languages'][lang]['f1']:.3f}" if lang in pooled["languages"] else "–"
                  for lang in langs]
        cells.append(f"{result['seconds']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def section(data_dir: Path, converters: list[str], cache_dir: Path | None, log=None,
            limit: int | None = None) -> list[str]:
    """The benchmark's traf-dev section as Markdown lines (a note when the data is missing)."""
    if not (data_dir / FILENAME).exists():
        return ["### traf-dev", "", f"_{FILENAME} not found in {data_dir}: skipped._", ""]
    started = time.perf_counter()
    pages = load(data_dir, converters, cache_dir, limit)
    results = measure(pages, systems(converters))
    if log:
        log(f"traf-dev: {len(pages)} pages, {time.perf_counter() - started:.0f} s")
    langs = languages(pages)
    return ["### traf-dev (snippets, per language)", "",
            f"{len(pages)} pages of trafilatura's evaluation set, scored as its own comparison scores "
            "them: all snippets of all pages pooled, a `with` snippet found in the main text a true "
            "positive, missed a false negative, a `without` snippet found a false positive "
            "(`cleaner eval traf-dev.jsonl.gz` prints the same figures for one system). "
            f"Languages with {MIN_PAGES} pages or more; page counts in brackets.", "",
            table(results, langs, pages), ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--converters", nargs="+", default=["resiliparse"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleaner-cache"))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    print("\n".join(section(args.data, args.converters, args.cache,
                            lambda m: print(m, file=sys.stderr), args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
