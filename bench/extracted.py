"""The cleaner on text that is already an article: how much of it stays.

    python bench/extracted.py [--limit N]

Users run the cleaner after an extractor too (trafilatura's output, a
readability dump), where there is little left to remove and every word taken is
a loss. Each WCXB and Dragnet page's gold main text is given to the cleaner as
it is; the script prints the share of its word 4-grams the cleaned text keeps
(recall, per page, macro-averaged), the pages that keep less than 90 %, and the
worst ones. Without the data folder it says so and exits 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from cleaner import clean  # noqa: E402
from cleaner.errors import InputError  # noqa: E402
from cleaner.evaluate import read_records  # noqa: E402
from cleaner.evaluate.metrics import shingle_scores  # noqa: E402

DATASETS = {"WCXB": "wcxb-dev-articles.jsonl.gz", "Dragnet": "dragnet-dev.jsonl.gz"}
LOW = 0.9


def kept(data_dir: Path, filename: str, limit: int | None) -> list[tuple[float, str]]:
    """(recall of the gold text in the cleaned gold text, page id) for each page with gold text."""
    out = []
    for record in read_records(data_dir / filename, limit):
        gold = record.get("main") or ""
        if not gold.strip():
            continue
        try:
            text = clean(gold, language=False).text
        except InputError:  # a gold text with a NUL in it (typed from the page) is no document
            continue
        out.append((shingle_scores(text, gold).recall, str(record.get("id"))))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, help="pages per dataset (default: all)")
    parser.add_argument("--worst", type=int, default=5, help="list this many of the worst pages per dataset")
    args = parser.parse_args(argv)
    if not all((args.data / f).exists() for f in DATASETS.values()):
        print(f"dev data not found in {args.data}: nothing measured")
        return 0
    print("| gold article as input | pages | words kept (4-gram recall) | pages keeping < 90 % |")
    print("|---|---:|---:|---:|")
    worst = []
    for name, filename in DATASETS.items():
        scores = kept(args.data, filename, args.limit)
        mean = sum(r for r, _ in scores) / len(scores)
        print(f"| {name} | {len(scores)} | {mean:.3f} | {sum(r < LOW for r, _ in scores)} |")
        worst += sorted(scores)[:args.worst]
    print("\nworst pages: " + ", ".join(f"{page} {r:.2f}" for r, page in worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
