"""Options shared by the API and every command, kept picklable for worker processes."""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Options:
    rules: tuple[str, ...] = ()            # extra rule files (TOML), loaded after the built-in ones
    disable: frozenset[str] = field(default_factory=frozenset)  # stage names or rule ids to switch off
    language: bool = True                  # run the language-flag stage
    target_language: str = "en"           # passages not in this language are flagged
    min_confidence: float = 0.90           # flags below this confidence are dropped
    language_backend: str = "langdetect"

    @classmethod
    def resolve(cls, options: "Options | None", overrides: dict) -> "Options":
        """``options`` (or the defaults) with keyword overrides, lists accepted for the
        tuple and set fields, so ``clean(text, disable=["comments"])`` works."""
        opts = options or cls()
        if not overrides:
            return opts
        fixed = dict(overrides)
        if "rules" in fixed:
            fixed["rules"] = tuple(fixed["rules"])
        if "disable" in fixed:
            fixed["disable"] = frozenset(fixed["disable"])
        return replace(opts, **fixed)


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("pipeline")
    group.add_argument("--rules", action="append", default=[], metavar="FILE",
                       help="extra rule file (TOML); may be given several times")
    group.add_argument("--disable", action="append", default=[], metavar="NAME",
                       help="switch off a stage (e.g. comments, language) or a rule id; repeatable")
    group.add_argument("--no-language", action="store_true", help="skip language flags")
    group.add_argument("--target-language", default="en", metavar="ISO",
                       help="ISO 639-1 code of the expected language (default: en)")
    group.add_argument("--min-confidence", type=float, default=0.90,
                       help="minimum confidence of a language flag (default: 0.90)")
    group.add_argument("--language-backend", choices=("langdetect", "py3langid"), default="langdetect",
                       help="detector for passages that need one (py3langid: pip install 'cleaner[fast]')")


def options_from_args(args: argparse.Namespace) -> Options:
    return Options(
        rules=tuple(args.rules),
        disable=frozenset(args.disable),
        language=not args.no_language,
        target_language=args.target_language,
        min_confidence=args.min_confidence,
        language_backend=args.language_backend,
    )
