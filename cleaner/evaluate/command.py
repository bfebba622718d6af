"""The ``cleaner eval`` subcommand: its options, and the run that prints and saves the report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .records import Fields, read_records
from .report import format_report
from .runner import evaluate


_EPILOG = """\
dataset: JSON Lines (.jsonl or .jsonl.gz), one record a line, with an input
field (text, or html) and gold fields (main; optionally comments, with,
without). Scores: word 4-gram (shingle) precision/recall/F1 with clipped
counts and word-bag F1, per document then macro-averaged; both texts empty
scores 1.0, one empty 0.0; below 4 words both sides are compared as words.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` command to the ``cleaner`` command line."""
    from ..converters import CONVERTERS
    from ..options import add_pipeline_options

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

    from ..options import options_from_args

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
