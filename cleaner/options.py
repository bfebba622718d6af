"""Options shared by the API and every command, kept picklable for worker processes.

An ``Options`` is checked when it is made: a typo in a stage or rule id, a
language code that does not exist or a confidence outside 0..1 would
otherwise switch nothing off or flag nothing, silently.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from functools import lru_cache

#: Stage names ``disable`` accepts (``repeats`` is the HTML path's repeated-block pass).
STAGES = ("rules", "comments", "structure", "metadata", "comment_parsing", "language", "repeats")
BACKENDS = ("langdetect", "py3langid")
# The default needs no check: pycountry's table of languages takes longer to load
# (about 30 ms) than cleaning a short document.
DEFAULT_LANGUAGE = "en"


class OptionsError(ValueError):
    """An option value that cannot be right; the message names it."""


@dataclass(frozen=True)
class Options:
    rules: tuple[str, ...] = ()            # extra rule files (TOML), loaded after the built-in ones
    disable: frozenset[str] = field(default_factory=frozenset)  # stage names or rule ids to switch off
    language: bool = True                  # run the language-flag stage
    target_language: str = DEFAULT_LANGUAGE  # passages not in this language are flagged
    min_confidence: float = 0.90           # flags below this confidence are dropped
    language_backend: str = "langdetect"
    page_language: str | None = None      # the page's language when the caller knows it; None: counted

    def __post_init__(self) -> None:
        # lists are accepted (``Options(disable=["comments"])``); stored hashable for the pipeline cache
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "disable", frozenset(self.disable))
        if not isinstance(self.min_confidence, (int, float)) or not 0 <= self.min_confidence <= 1:
            raise OptionsError(f"min_confidence must be between 0 and 1, got {self.min_confidence!r}")
        if self.language_backend not in BACKENDS:
            raise OptionsError(f"unknown language backend {self.language_backend!r}; "
                               f"choose from {', '.join(BACKENDS)}")
        if self.target_language != DEFAULT_LANGUAGE and not _is_language(self.target_language):
            raise OptionsError(f"unknown language code {self.target_language!r}: "
                               "expected an ISO 639-1 code such as 'en' or 'de'")
        if self.page_language is not None and not _is_language(self.page_language):
            raise OptionsError(f"unknown page language {self.page_language!r}: "
                               "expected an ISO 639-1 code such as 'de' or 'fr'")
        unknown = set(self.disable) - set(STAGES)
        if unknown:
            unknown -= _rule_ids(tuple(self.rules))
        if unknown:
            raise OptionsError(f"cannot disable {', '.join(map(repr, sorted(unknown)))}: neither a stage "
                               f"({', '.join(STAGES)}) nor a rule id")

    @classmethod
    def resolve(cls, options: "Options | None", overrides: dict) -> "Options":
        """``options`` (or the defaults) with keyword overrides, so
        ``clean(text, disable=["comments"])`` works."""
        opts = options or cls()
        if not overrides:
            return opts
        return replace(opts, **overrides)


@lru_cache(maxsize=256)
def _is_language(code: object) -> bool:
    import pycountry
    return isinstance(code, str) and len(code) == 2 and code.islower() \
        and pycountry.languages.get(alpha_2=code) is not None


@lru_cache(maxsize=16)
def _rule_ids(extra: tuple[str, ...]) -> frozenset[str]:
    """Ids of the built-in rules and of ``extra`` files (a bad file raises its RuleError here)."""
    from .rules import load_rules
    return frozenset(rule.id for rule in load_rules(extra))


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
    group.add_argument("--page-language", metavar="ISO",
                       help="the pages' language, whose chrome and comment words the rules look for "
                            "(default: counted on each page)")
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
        page_language=getattr(args, "page_language", None),
    )
