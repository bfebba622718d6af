"""Title, authors and date against WCXB's gold ``title``, ``author`` and ``published``.

The plain-text path reads the page as resiliparse prints it (menus, footers
and all); the HTML path (``--html``) gives the page to ``clean_html``, which
also reads the page's markup. Scoring rules: :mod:`cleaner.evaluate.metadata`.
Figures are printed for the even-numbered records (where the readers were
tuned), the odd-numbered ones (held out) and all.

Run: ``python bench/metadata.py [--html] [--limit N] [--misses FIELD]``.
Needs ../shared/data; without it the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from cleaner.evaluate.metadata import MetadataTally, format_metadata, measure_metadata  # noqa: E402
from cleaner.evaluate.records import read_records  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA / "wcxb-dev-articles.jsonl.gz"))
    parser.add_argument("--html", action="store_true", help="the HTML path (clean_html) instead of plain text")
    parser.add_argument("--converter", default="resiliparse")
    parser.add_argument("--cache-dir", default="/tmp/cleaner-cache")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", choices=("title", "date", "authors"),
                        help="list the pages this field got wrong (JSON lines)")
    parser.add_argument("--json", help="write every page's score to this file")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"no data at {args.data}: nothing measured")
        return 0
    records = list(read_records(args.data, args.limit))
    tally = measure_metadata(records, input_kind="html" if args.html else "text",
                             converter=args.converter, cache_dir=args.cache_dir)
    path = "HTML path (clean_html)" if args.html else f"plain-text path ({args.converter})"
    halves = {"even (tuned on)": MetadataTally(tally.scores[0::2]),
              "odd (held out)": MetadataTally(tally.scores[1::2]), "all": tally}
    print(path)
    for label, part in halves.items():
        print(format_metadata(part.summary(), label))
    if args.misses:
        _print_misses(tally, records, args.misses)
    if args.json:
        with open(args.json, "w") as out:
            for score in tally.scores:
                out.write(json.dumps(score.__dict__) + "\n")
    return 0


def _print_misses(tally: MetadataTally, records: list[dict], field: str) -> None:
    gold_key = {"title": "title", "date": "published", "authors": "author"}[field]
    for score, record in zip(tally.scores, records):
        if field == "title":
            wrong = score.title_gold_in_text and not score.title_right
            got = score.predicted["title"]
        elif field == "date":
            wrong = (score.date_gold or score.date_found) and not score.date_right
            got = score.predicted["published"]
        else:
            wrong = (score.authors_gold or score.authors_found) and not score.authors_right
            got = score.predicted["authors"]
        if wrong:
            print(json.dumps({"id": score.id, "gold": record.get(gold_key), "got": got}, ensure_ascii=False))


if __name__ == "__main__":
    raise SystemExit(main())
