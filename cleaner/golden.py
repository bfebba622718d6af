"""Golden-file regression testing: ``cleaner golden check|update DIR``.

Each input in DIR (``*.txt``, ``*.html``, ``*.htm``) has its expected annotated
output beside it as ``NAME.golden``. ``check`` cleans every input again and
fails with a diff that says which spans changed label and by which rule;
``update`` rewrites the golden files after a reviewed change. An optional
``options.toml`` in DIR or in one of its subdirectories holds pipeline options
for the inputs below it (``language = false``, ``rules = ["x.toml"]``); the
nearest one wins and none above DIR is read, so a check does not depend on
where the directory sits.

Exit codes: 0 all golden files match (or were written), 1 some differ, are
missing or have lost their input, 2 the check could not run (not a directory,
two inputs sharing one golden name, a bad ``options.toml``, an input that is
not UTF-8 text, a golden path that is a symlink or leaves DIR).
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
import tomllib
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .annotated import parse_segments, render
from .errors import InputError
from .options import Options, OptionsError, add_pipeline_options, options_from_args
from .rules import RuleError

SUFFIXES = (".txt", ".html", ".htm")
GOLDEN = ".golden"
OPTIONS_FILE = "options.toml"


class GoldenError(Exception):
    """The check cannot run as set up (exit code 2); the message names the file."""


@dataclass(frozen=True)
class Outcome:
    """One input checked against its golden file: ``status`` is passed, changed, missing,
    updated or unchanged; ``report`` says what differs."""

    golden: Path
    status: str
    report: str = ""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("golden", help="check or update golden files of a directory")
    parser.add_argument("action", choices=("check", "update"))
    parser.add_argument("directory", type=Path)
    add_pipeline_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args.action, args.directory, options_from_args(args))
    except GoldenError as exc:
        print(f"cleaner golden: {exc}", file=sys.stderr)
        return 2


def _run(action: str, directory: Path, base: Options) -> int:
    if not directory.is_dir():
        raise GoldenError(f"{directory} is not a directory")
    inputs = find_inputs(directory)
    if not inputs:
        raise GoldenError(f"no inputs ({', '.join(SUFFIXES)}) under {directory}")
    colour = use_colour(sys.stdout)
    failures = 0
    for path in inputs:
        outcome = check_one(path, directory, base, update=action == "update")
        if outcome.status in ("changed", "missing"):
            failures += 1
        if outcome.status == "changed":
            print(colourise(outcome.report) if colour else outcome.report)
        elif outcome.status == "missing":
            print(f"MISSING {outcome.golden}: run `cleaner golden update {directory}` and review it")
        elif action == "update":
            print(f"{outcome.status}: {outcome.golden}")
    lost = orphans(directory)
    for golden in lost:
        print(f"ORPHAN {golden}: its input is gone; delete it if that was intended")
    if action == "check":
        print(f"golden: {len(inputs) - failures} passed, {failures} failed"
              + (f", {len(lost)} orphaned" if lost else ""))
        return 1 if failures or lost else 0
    return 1 if failures else 0


def check_one(path: Path, root: Path, base: Options | None = None, *, update: bool = False) -> Outcome:
    """Clean ``path`` and compare with (or, with ``update``, write) its golden file.

    Raises :class:`GoldenError` for a set-up that cannot be checked.
    """
    golden = golden_path(path)
    actual = annotate(path, options_for(path, root, base or Options()))
    expected = golden.read_text(encoding="utf-8") if golden.exists() else None
    if update:
        if expected == actual:
            return Outcome(golden, "unchanged")
        write_golden(golden, actual, root)
        return Outcome(golden, "updated")
    if expected is None:
        return Outcome(golden, "missing")
    if expected != actual:
        return Outcome(golden, "changed", report(golden, expected, actual))
    return Outcome(golden, "passed")


def find_inputs(directory: Path) -> list[Path]:
    """Inputs under ``directory``; two inputs that would share one golden file are an error."""
    inputs = sorted(p for p in directory.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    by_golden: dict[Path, list[Path]] = defaultdict(list)
    for path in inputs:
        by_golden[golden_path(path)].append(path)
    clashes = [paths for paths in by_golden.values() if len(paths) > 1]
    if clashes:
        names = "; ".join(" and ".join(p.name for p in paths) + f" in {paths[0].parent}" for paths in clashes)
        raise GoldenError(f"inputs share a golden file (rename one of each): {names}")
    return inputs


def golden_path(path: Path) -> Path:
    return path.with_suffix(GOLDEN)


def orphans(directory: Path) -> list[Path]:
    """Golden files with no input of the same name beside them."""
    return sorted(g for g in directory.rglob(f"*{GOLDEN}")
                  if not any(g.with_suffix(s).is_file() for s in SUFFIXES))


def options_for(path: Path, root: Path, base: Options) -> Options:
    """Options of the nearest ``options.toml`` from the input's folder up to ``root``, else ``base``."""
    root = root.resolve()
    folder = path.parent.resolve()
    while True:
        config = folder / OPTIONS_FILE
        if config.is_file():
            return read_options(config, base)
        if folder == root or root not in folder.parents:
            return base
        folder = folder.parent


def read_options(config: Path, base: Options) -> Options:
    """``base`` with the settings of one ``options.toml``; any mistake is a :class:`GoldenError`."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GoldenError(f"{config}: not valid TOML: {exc}") from None
    known = {f.name for f in fields(Options)}
    if unknown := sorted(set(data) - known):
        raise GoldenError(f"{config}: unknown option {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if "rules" in data:
        data["rules"] = tuple(str((config.parent / r).resolve()) for r in data["rules"])
    try:
        return replace(base, **data)
    except (OptionsError, RuleError, TypeError) as exc:
        raise GoldenError(f"{config}: {exc}") from None


def annotate(path: Path, options: Options) -> str:
    """The annotated rendering of one input, as its golden file holds it."""
    import cleaner
    from .commands import looks_like_html
    from .errors import decode
    try:
        text = decode(path.read_bytes())
    except InputError as exc:
        raise GoldenError(f"{path}: {exc}") from None
    try:
        if looks_like_html(str(path), text):
            result = cleaner.clean_html(text, options=options)
        else:
            result = cleaner.clean(text, options=options)
    except (OptionsError, RuleError) as exc:
        raise GoldenError(f"{path}: {exc}") from None
    return render(result)


def write_golden(golden: Path, text: str, root: Path) -> None:
    """Write atomically, and never through a symlink or to a place outside ``root``."""
    if golden.is_symlink():
        raise GoldenError(f"{golden} is a symlink; refusing to write through it")
    if root.resolve() not in golden.parent.resolve().parents and golden.parent.resolve() != root.resolve():
        raise GoldenError(f"{golden} is outside {root}; refusing to write it")
    fd, tmp = tempfile.mkstemp(dir=golden.parent, prefix=golden.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, golden)
    except BaseException:
        os.unlink(tmp)
        raise


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


def use_colour(stream) -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


_COLOURS = (("+++", "1"), ("---", "1"), ("@@", "36"), ("+", "32"), ("-", "31"), ("CHANGED", "1;33"))


def colourise(text: str) -> str:
    """ANSI colours for a report: additions green, removals red, hunk headers cyan."""
    out = []
    for line in text.split("\n"):
        code = next((c for prefix, c in _COLOURS if line.startswith(prefix)), None)
        out.append(f"\x1b[{code}m{line}\x1b[0m" if code else line)
    return "\n".join(out)
