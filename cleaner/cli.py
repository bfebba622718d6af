"""Command line: ``cleaner clean|run|golden|eval|review|rules``."""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

# Each command's parser is built by its own module; importing them all (the corpus
# runner, the evaluation, the review page) costs more than cleaning a short file.
# Only the module of the command given is imported; help and errors list them all.
COMMANDS = {"clean": "commands", "run": "corpus", "golden": "golden", "review": "review",
            "rules": "rule_check", "eval": "evaluate"}


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="cleaner", description=__doc__)
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _modules(args_in):
        try:
            importlib.import_module(f".{module}", __package__).register(sub)
        except ImportError:  # evaluation arrives with its own module
            if module != "evaluate":
                raise
    args = parser.parse_args(args_in)
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


def _modules(argv: list[str]) -> list[str]:
    """The modules whose commands the parser needs: the one named first in ``argv`` (after
    the top-level options), or all of them for help, a typo or no command."""
    first = next((a for a in argv if not a.startswith("-")), None)  # top-level options take no value
    if first in COMMANDS:
        return [COMMANDS[first]]
    return list(dict.fromkeys(COMMANDS.values()))


if __name__ == "__main__":
    raise SystemExit(main())
