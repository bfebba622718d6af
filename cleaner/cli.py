"""Command line: ``cleaner clean|run|golden|eval|review|rules``."""
from __future__ import annotations

import argparse
import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    from . import commands, corpus, golden, review, rule_check
    parser = argparse.ArgumentParser(prog="cleaner", description=__doc__)
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.register(sub)
    corpus.register(sub)
    golden.register(sub)
    review.register(sub)
    rule_check.register(sub)
    try:
        from . import evaluate
    except ImportError:  # evaluation arrives with its own module
        evaluate = None
    if evaluate is not None:
        evaluate.register(sub)
    args = parser.parse_args(argv)
    from .options import OptionsError
    from .rules import RuleError
    try:
        return args.func(args) or 0
    except (OptionsError, RuleError) as exc:  # a usage error, not a failed run
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `cleaner ... | head` is normal use
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
