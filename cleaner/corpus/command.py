"""``cleaner run INPUT… -o OUTPUT``: the command line of a corpus run."""
from __future__ import annotations

import argparse
import sys

from ..fields import FieldError, parse_field_list
from ..options import add_pipeline_options, options_from_args
from . import runner
from .inputs import STDIN_FORMATS, UsageError
from .outputs import OutputError
from .records import Fields


def register(subparsers) -> None:
    """Add ``cleaner run`` to the command line."""
    parser = subparsers.add_parser(
        "run", help="clean a corpus: JSONL(.gz/.zst), text and HTML files, directories, stdin",
        description="Clean every document of a corpus into JSON Lines, in input order. "
                    "Bad records are reported and skipped; the run goes on.",
        epilog="exit codes: 0 done (failed records included), 1 more failed records than "
               "--max-failures, 2 usage error, 3 output cannot be written (disk full, read-only), "
               "4 no input could be read, 130/143 interrupted by SIGINT/SIGTERM (continue with --resume)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .jsonl/.jsonl.gz, .txt, .html, .warc(.gz) or .wet(.gz) file, a directory of them, "
                             "or - for stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="JSON Lines output (.gz or .zst: compressed); - for stdout")
    parser.add_argument("--errors", metavar="PATH",
                        help="where failed records are listed (default: OUTPUT.errors.jsonl; none for -o -)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (default: 1; 0: one per CPU)")
    parser.add_argument("--timeout", type=float, default=runner.DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"time a record may take before it fails as a timeout "
                             f"(default: {runner.DEFAULT_TIMEOUT:g}; 0: no limit)")
    parser.add_argument("--max-memory", type=int, default=None, metavar="MB",
                        help="heap a worker may hold; a record that needs more fails as out of memory "
                             "(default: no limit)")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same OUTPUT from its checkpoint")
    parser.add_argument("--max-failures", type=int, default=None, metavar="N",
                        help="exit with code 1 when more than N records failed (default: never)")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL id field (default: id)")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL text field (default: text)")
    parser.add_argument("--html-field", default="html", metavar="NAME",
                        help="JSONL HTML field, used when a record has no text (default: html)")
    parser.add_argument("--fields", type=_field_list, default=None, metavar="A,B,…",
                        help="fields each output line holds, in this order: the cleaner's (id, text, title, "
                             "authors, published, comments, removed, flags, language, segments) and the "
                             "input's (default: all; input fields named like the cleaner's are input_NAME)")
    parser.add_argument("--stdin-format", choices=STDIN_FORMATS, default="jsonl",
                        help="what - reads: JSON Lines (default) or one text or HTML document")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_pipeline_options(parser)
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    """Run, and turn every way a run can end into one line on stderr and its exit code."""
    try:
        summary = runner.run(args.inputs, args.output, options_from_args(args), workers=args.workers,
                             errors=args.errors, fields=Fields(args.id_field, args.text_field, args.html_field, args.fields),
                             stdin_format=args.stdin_format, progress=False if args.no_progress else None,
                             timeout=args.timeout or None, resume=args.resume,
                             max_memory=args.max_memory * 1_000_000 if args.max_memory else None)
    except UsageError as exc:
        return _fail(f"error: {exc}", runner.EXIT_USAGE)
    except OutputError as exc:
        return _fail(f"error: {exc}", runner.EXIT_OUTPUT)
    except KeyboardInterrupt:
        return _fail("interrupted", runner.EXIT_SIGINT)
    except runner.Interrupted as exc:
        return _fail(f"stopped by signal {exc.signum}", 128 + exc.signum)
    code = summary.exit_code(args.max_failures)
    if code == runner.EXIT_NO_INPUT:
        _fail("error: no input could be read", code)
    elif code == runner.EXIT_FAILURES:
        _fail(f"error: {summary.failed:,} records failed, more than --max-failures {args.max_failures:,}", code)
    return code


def _field_list(value: str) -> tuple[str, ...]:
    try:
        return parse_field_list(value)
    except FieldError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _fail(message: str, code: int) -> int:
    try:
        print(f"cleaner run: {message}", file=sys.stderr)
    except (OSError, ValueError):  # stderr closed too: the exit code still tells
        pass
    return code
