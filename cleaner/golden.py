"""Golden-file regression testing: ``cleaner golden check|update DIR``.

Each input in DIR (``*.txt``, ``*.html``) has its expected annotated output beside
it as ``NAME.golden``. ``check`` cleans every input again and fails with a diff
that says which spans changed label and by which rule; ``update`` rewrites the
golden files after a reviewed change. An optional ``options.toml`` in DIR holds
pipeline options for its inputs (``language = false``, ``rules = ["x.toml"]``).
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

from .annotated import parse_segments, render
from .options import Options, add_pipeline_options, options_from_args

SUFFIXES = (".txt", ".html", ".htm")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("golden", help="check or update golden files of a directory")
    parser.add_argument("action", choices=("check", "update"))
    parser.add_argument("directory", type=Path)
    add_pipeline_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.directory.is_dir():
        print(f"cleaner golden: {args.directory} is not a directory", file=sys.stderr)
        return 2
    base = options_from_args(args)
    inputs = find_inputs(args.directory)
    if not inputs:
        print(f"cleaner golden: no inputs ({', '.join(SUFFIXES)}) under {args.directory}", file=sys.stderr)
        return 2
    failures = 0
    for path in inputs:
        actual = annotate(path, options_for(path, base))
        golden = path.with_suffix(".golden")
        if args.action == "update":
            changed = not golden.exists() or golden.read_text(encoding="utf-8") != actual
            golden.write_text(actual, encoding="utf-8")
            print(f"{'updated' if changed else 'unchanged'}: {golden}")
        elif not golden.exists():
            failures += 1
            print(f"MISSING {golden}: run `cleaner golden update {args.directory}` and review it")
        elif (expected := golden.read_text(encoding="utf-8")) != actual:
            failures += 1
            print(report(golden, expected, actual))
    if args.action == "check":
        print(f"golden: {len(inputs) - failures} passed, {failures} failed")
    return 1 if failures else 0


def find_inputs(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def options_for(path: Path, base: Options) -> Options:
    """Options of the nearest ``options.toml`` above the input (within the tree), else ``base``."""
    for folder in (path.parent, *path.parent.parents):
        config = folder / "options.toml"
        if config.exists():
            data = tomllib.loads(config.read_text(encoding="utf-8"))
            if "rules" in data:
                data["rules"] = tuple(str((folder / r).resolve()) for r in data["rules"])
            if "disable" in data:
                data["disable"] = frozenset(data["disable"])
            return replace(base, **data)
    return base


def annotate(path: Path, options: Options) -> str:
    import cleaner
    from .commands import looks_like_html
    text = path.read_bytes().decode("utf-8")
    if looks_like_html(str(path), text) and hasattr(cleaner, "clean_html"):
        result = cleaner.clean_html(text, options=options)
    else:
        result = cleaner.clean(text, options=options)
    return render(result)


def report(golden: Path, expected: str, actual: str) -> str:
    """What changed, in words first (spans that changed label or rule), then the line diff."""
    before, after = parse_segments(expected), parse_segments(actual)
    notes = []
    for span in sorted(set(before) | set(after)):
        old, new = before.get(span), after.get(span)
        if old != new:
            notes.append(f"  {span[0]}-{span[1]}: {old or '(no segment)'}  ->  {new or '(no segment)'}")
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                f"{golden} (golden)", f"{golden} (now)", lineterm="", n=1)
    return "\n".join([f"CHANGED {golden}", "spans that changed:", *notes[:50],
                      *(["  …"] if len(notes) > 50 else []), *diff])
