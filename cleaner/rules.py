"""The rule registry: boilerplate rules are data (TOML) with ids, categories and examples.

Built-in rules ship in ``cleaner/rules/*.toml``; users add files of the same
shape with ``--rules FILE`` or ``clean(..., rules=[path])``. Every rule carries
positive and negative examples that the test suite runs, so a rule cannot
silently stop matching what it was written for, or start matching article
prose it must leave alone.

A rule written in a language's words says so (``languages = ["de"]``, on the rule
or once at the top of its file, as ``cleaner/rules/de.toml`` does); it runs only
on pages in one of its languages (:func:`for_language`), so a page pays only
for its own language's words. A rule without ``languages`` runs on every page.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from . import parsed
from ._core import Pattern
from .document import BOILERPLATE, METADATA

#: Categories a removal can carry, with what they mean. Rule files may add more
#: in a ``[categories]`` table.
CATEGORIES: dict[str, str] = {
    "title": "the article's title line where it stood with the page's head (reported as title)",
    "byline": "author/date lines that are not the article's own text",
    "author_bio": "a short biography of the author",
    "image_credit": "photo, image or illustration credits and captions' credit lines",
    "image_text": "what a converter prints in place of a picture: its alt text, file name or logo label",
    "source_note": "where the article was first published or taken from",
    "disclaimer": "publisher disclaimers and opinion notices",
    "copyright": "copyright, all-rights-reserved and fair-use notices",
    "share_prompt": "share / follow / like / comment-on-social prompts",
    "subscription_prompt": "newsletter, membership, donation and sign-up prompts",
    "contact": "contact, tips and media-enquiry lines",
    "social_embed": "remnants of embedded posts: bare social links, tweet footers",
    "separator": "lines of symbols that only separate parts of the page",
    "markup": "markup remnants: tags, shortcodes, template or script text",
    "comment_meta": "comment-system chrome: reply/like buttons, counts, author and edit markers",
    "site_notice": "notices about the site itself: translation buttons, reading time, print",
    "navigation": "menus, breadcrumbs, pagination and other page navigation",
    "related_links": "lists of links to other articles",
    "cookie_notice": "cookie and privacy consent banners",
    "advertisement": "advertising and sponsored teasers",
    "page_header": "site header text above the article",
    "page_footer": "site footer text below the article",
    "duplicate": "a line the text already printed: a converter's echo of the line above it, a block an extraction repeats",
}

SCOPES = ("line", "sentence", "block")
WHERE = ("head", "tail", "anywhere")
_DEFAULT_MAX_WORDS = {"line": 40, "sentence": 45, "block": 250}


class RuleError(ValueError):
    """A rule file that cannot be loaded, with the file and rule named."""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    scope: str
    where: str
    pattern: Pattern  # compiled by the engine: linear time, lookaround confirmed with a bounded step count
    rationale: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]
    max_words: int
    label: str = BOILERPLATE
    raw: bool = False  # match the unnormalised text (for markup, which normalisation strips)
    source: str = ""
    requires: tuple[str, ...] = ()  # lower-case literals, one of which the text must contain
    languages: tuple[str, ...] = ()  # ISO 639-1 codes of the pages it runs on; () is every page

    def matches(self, text: str, words: int | None = None) -> bool:
        """True when the unit's display text is this kind of boilerplate.

        ``words`` is the unit's word count when the caller already has it. The
        engine matches in time linear in the text; a lookaround pattern whose
        confirming step runs out of steps on hostile text counts as no match:
        keeping text is the safe failure.
        """
        if (len(text.split()) if words is None else words) > self.max_words:
            return False
        if self.requires:
            lower = text.lower()
            if not any(k in lower for k in self.requires):
                return False
        return self.pattern.search(text)


def for_language(rules: list[Rule] | tuple[Rule, ...], language: str | None) -> list[Rule]:
    """The rules that run on a page in ``language`` (``None``: unknown, treated as English):
    every rule without ``languages`` and those that name the page's language."""
    language = language or "en"
    return [r for r in rules if not r.languages or language in r.languages]


def rule_languages(rules: list[Rule] | tuple[Rule, ...]) -> frozenset[str]:
    """Every language some rule names."""
    return frozenset(lang for r in rules for lang in r.languages)


_BUILTIN = os.path.join(os.path.dirname(__file__), "rules")


def builtin_rule_files() -> list[str]:
    """The paths of the built-in rule files, in name order."""
    # the package's own folder (the package is always installed as files: the engine is a
    # compiled module); importlib.resources would cost more to import than the lookup, and
    # pathlib (for every start-up) about as much as reading the files
    return sorted(os.path.join(_BUILTIN, name) for name in os.listdir(_BUILTIN) if name.endswith(".toml"))


def load_rules(extra: tuple[str, ...] | list[str] = (), disabled: frozenset[str] = frozenset()) -> list[Rule]:
    """Built-in rules then user files; a user rule may replace a built-in one only with ``override = true``."""
    return list(_load(tuple(builtin_rule_files()) + tuple(extra), frozenset(disabled)))


@lru_cache(maxsize=16)
def _load(paths: tuple[str, ...], disabled: frozenset[str]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    categories = dict(CATEGORIES)
    for path in paths:
        for rule, override in _parse_file(_normal(path), categories):
            if rule.id in rules and not override:
                raise RuleError(f"{path}: rule id {rule.id!r} already defined in {rules[rule.id].source}"
                                " (set override = true to replace it)")
            rules[rule.id] = rule
    return tuple(r for r in rules.values() if r.id not in disabled)


def _normal(path: str) -> str:
    """``path`` as pathlib writes it ("./x.toml" as "x.toml"), as a rule's source and the
    messages name it; a built-in file's path already is (pathlib is imported for a user's
    file only)."""
    if os.path.dirname(path) == _BUILTIN:
        return path
    from pathlib import Path
    return str(Path(path))


def _parse_file(path: str, categories: dict[str, str]) -> list[tuple[Rule, bool]]:
    try:
        data = _read(path)
    except FileNotFoundError:
        raise RuleError(f"rule file not found: {path}") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError or UnicodeDecodeError, both ValueErrors
        raise RuleError(f"{path}: not valid TOML: {exc}") from None
    categories.update(data.get("categories", {}))
    languages = _languages(data.get("languages", []), path)
    return [_parse_rule(entry, path, categories, languages, os.path.dirname(path) != _BUILTIN)
            for entry in data.get("rule", [])]


def _read(path: str) -> dict:
    """A rule file's table: a built-in file's as parsed before (:mod:`cleaner.parsed`), a
    user's parsed now."""
    if os.path.dirname(path) == _BUILTIN:
        return parsed.toml(path)
    import tomllib
    with open(path, encoding="utf-8") as handle:
        return tomllib.loads(handle.read())


def _parse_rule(entry: dict, path: str, categories: dict[str, str],
                languages: tuple[str, ...] = (), resolve: bool = True) -> tuple[Rule, bool]:
    """One ``[[rule]]`` entry. ``resolve``: build the whole pattern now, so a user's rule the
    engine cannot build is an error when loaded; a built-in pattern is read and built when
    it first runs (its examples are tests, and building every pattern is most of a start-up)."""
    where = f"{path}: rule {entry.get('id', '?')!r}"
    for key in ("id", "category", "pattern", "rationale", "examples", "counterexamples"):
        if key not in entry:
            raise RuleError(f"{where}: missing {key!r}")
    scope = entry.get("scope", "line")
    position = entry.get("where", "anywhere")
    if entry["category"] not in categories:
        raise RuleError(f"{where}: unknown category {entry['category']!r}; declare it under [categories]")
    if scope not in SCOPES or position not in WHERE:
        raise RuleError(f"{where}: scope must be one of {SCOPES} and where one of {WHERE}")
    if not entry["examples"] or not entry["counterexamples"]:
        raise RuleError(f"{where}: needs at least one example and one counterexample")
    try:
        pattern = Pattern(entry["pattern"], deferred=not resolve)
        problem = pattern.problem() if resolve else None
    except ValueError as exc:
        problem = str(exc)
    if problem:
        raise RuleError(f"{where}: the engine cannot compile the pattern: {problem}")
    rule = Rule(
        id=entry["id"], category=entry["category"], scope=scope, where=position, pattern=pattern,
        rationale=entry["rationale"].strip(), examples=tuple(entry["examples"]),
        counterexamples=tuple(entry["counterexamples"]),
        max_words=int(entry.get("max_words", _DEFAULT_MAX_WORDS[scope])),
        label=METADATA if entry.get("label") == METADATA else BOILERPLATE,
        raw=bool(entry.get("raw", False)), source=path,
        requires=_requires(entry.get("requires", []), where),
        languages=_languages(entry["languages"], where) if "languages" in entry else languages,
    )
    return rule, bool(entry.get("override", False))


def _requires(words: object, where: str) -> tuple[str, ...]:
    """A rule's literal prefilter: the pattern is tried only on text that contains one of
    these (case-insensitive), which spares a lookaround pattern its confirming step on
    most lines."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise RuleError(f"{where}: requires must be a list of non-empty strings")
    return tuple(w.lower() for w in words)


def _languages(codes: object, where: str) -> tuple[str, ...]:
    """The pages a rule runs on, as ISO 639-1 codes (lower case, two letters)."""
    if not isinstance(codes, list) or not all(isinstance(c, str) and len(c) == 2 and c.isalpha()
                                              and c.islower() and c.isascii() for c in codes):
        raise RuleError(f"{where}: languages must be a list of ISO 639-1 codes such as [\"de\", \"fr\"]")
    return tuple(codes)
