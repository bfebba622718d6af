"""The HTML path's speed against trafilatura's, side by side in one run.

    python bench/html_speed.py [--limit N] [--profile PATH]

Reads the WCXB and Dragnet dev pages (``../shared/data``, the first ``N`` of
each) and, page by page, interleaved so machine load hits both alike, times
the two HTML systems of ``bench/run.py``'s speed table: ``cleaner (html)``
(``clean_html(page).to_dict()``) and ``trafilatura``
(``bare_extraction(page, include_comments=False, with_metadata=False)``), in
CPU seconds of this process. It prints docs/s of each and the ratio cleaner
(html) ÷ trafilatura (1.0: as fast), then where ``clean_html``'s time goes:
CPU seconds of each step, measured apart on the same pages (so the steps add up
to about the whole, not exactly). ``--profile PATH`` also writes a cProfile of
``clean_html`` over the pages. Without the data folder it says so and exits 0.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import DATA_DIR, DATASETS  # noqa: E402

from cleaner.evaluate import read_records  # noqa: E402


def load_pages(limit: int | None) -> list[str]:
    return [record.get("html") or "" for filename in DATASETS.values()
            for record in read_records(DATA_DIR / filename, limit)]


def side_by_side(pages: list[str]) -> tuple[float, float]:
    """CPU seconds of cleaner (html) and of trafilatura over ``pages``, interleaved."""
    from peers import cleaner_html_system, trafilatura_system

    ours, peer = cleaner_html_system(), trafilatura_system(False)
    for page in pages[:3]:  # first calls compile rules and load models
        ours.run(page), peer.run(page)
    spent = [0.0, 0.0]
    clock = time.process_time
    for page in pages:
        for i, system in enumerate((ours, peer)):
            started = clock()
            system.run(page)
            spent[i] += clock() - started
    return spent[0], spent[1]


def step_seconds(pages: list[str]) -> Counter:
    """CPU seconds of each step of ``clean_html``, each step timed on its own."""
    from dataclasses import replace

    from cleaner.html import HtmlResult, document, fill_metadata, mark_repeats
    from cleaner.html import extraction as ex
    from cleaner.html.sections import comment_sections
    from cleaner.options import Options
    from cleaner.pipeline import cached_pipeline

    pipeline = cached_pipeline(replace(Options(), disable=Options().disable | ex.HTML_DISABLED_RULES))
    spent: Counter = Counter()
    clock = time.process_time

    def timed(name, call):
        started = clock()
        value = call()
        spent[name] += clock() - started
        return value

    for page in pages:
        tree = timed("parse", lambda: ex.parse(page))
        if tree is None:
            continue
        timed("depth check", lambda: ex.too_deep(tree))
        runs = ex.Runs(tree)
        main = timed("trafilatura: balanced", lambda: ex._trafilatura(runs, recall=False))
        words = ex._words(main.main) if main is not None else 0
        page_words = ex._once(lambda: ex._page_words(tree))
        if timed("page words (recall test)", lambda: ex.recall_may_win(words, page_words)):
            timed("trafilatura: recall", lambda: ex._trafilatura(runs, recall=True))
        if main is not None:
            found = timed("comment sections", lambda: comment_sections(tree, main.main))
            if not found:
                timed("trafilatura: comments", lambda: ex.trafilatura_comments(tree))
        extraction = ex.extract(page)
        doc = timed("document, repeated lines", lambda: document(extraction))
        if extraction.path != ex.PLAIN_TEXT:
            mark_repeats(doc, doc.hints.get("comments_start"))
        result = timed("our stages", lambda: pipeline(doc))
        timed("metadata (when the text lacks it)", lambda: fill_metadata(result.doc, extraction.meta))
        timed("to_dict", lambda: HtmlResult(result.doc).to_dict())
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=100, help="first N pages of each dataset (default 100)")
    parser.add_argument("--profile", type=Path, help="also write a cProfile of clean_html here")
    args = parser.parse_args(argv)
    if not all((DATA_DIR / f).exists() for f in DATASETS.values()):
        print(f"bench/html_speed.py: no data folder at {DATA_DIR}; nothing to measure")
        return 0
    logging.disable(logging.CRITICAL)
    pages = load_pages(args.limit)
    ours, peer = side_by_side(pages)
    n = len(pages)
    print(f"{n} pages (WCXB and Dragnet dev), CPU seconds, interleaved\n")
    print("| system | CPU s | docs/s |\n|---|---:|---:|")
    print(f"| cleaner (html) | {ours:.1f} | {n / ours:.1f} |\n| trafilatura | {peer:.1f} | {n / peer:.1f} |")
    print(f"\ncleaner (html) ÷ trafilatura (docs/s): {peer / ours:.2f}×\n")
    spent = step_seconds(pages)
    total = sum(spent.values()) or 1e-9
    print("| step of clean_html | CPU s | ms/page | share |\n|---|---:|---:|---:|")
    for name, seconds in spent.most_common():
        print(f"| {name} | {seconds:.2f} | {seconds / n * 1000:.1f} | {seconds / total:.0%} |")
    if args.profile:
        import cProfile

        from cleaner.html import clean_html
        profile = cProfile.Profile()
        profile.runcall(lambda: [clean_html(page) for page in pages])
        profile.dump_stats(args.profile)
        print(f"\nprofile written to {args.profile}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
