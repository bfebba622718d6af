"""``cleaner clean``: one document, printed as JSON, plain text or annotated segments."""
from __future__ import annotations

import argparse
import sys

import orjson

from .errors import InputError, decode
from .options import add_pipeline_options, options_from_args


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("clean", help="clean one document (a file or - for stdin)")
    parser.add_argument("path", help="text or HTML file, or - for standard input")
    parser.add_argument("--format", choices=("json", "text", "annotated"), default="json")
    parser.add_argument("--id", default=None, help="id to put in the JSON output (default: the path)")
    add_pipeline_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = sys.stdin.buffer.read() if args.path == "-" else _read_bytes(args.path)
        result = clean_any(data, args.path, args)
    except (OSError, InputError) as exc:
        print(f"cleaner: {args.path}: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        sys.stdout.buffer.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    elif args.format == "text":
        sys.stdout.write(result.text + "\n")
    else:
        from .annotated import render
        sys.stdout.write(render(result))
    return 0


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def clean_any(data: bytes, path: str, args: argparse.Namespace):
    """Clean text or, when the file is HTML and HTML support is present, the page."""
    import cleaner
    options = options_from_args(args)
    text = decode(data)
    doc_id = args.id if args.id is not None else (None if path == "-" else path)
    if looks_like_html(path, text) and hasattr(cleaner, "clean_html"):
        return cleaner.clean_html(text, id=doc_id, options=options)
    return cleaner.clean(text, id=doc_id, options=options)


def looks_like_html(path: str, text: str) -> bool:
    if path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))
