"""The page language's own words of page chrome that code (not a rule) looks for.

``cleaner/data/chrome_words.toml`` holds, per language, the headings over a list
of teasers (read by the structure stage, like the built-in English "Related",
"More from") and the comment markers' words (:mod:`cleaner.markers`). Read once,
when a page in some language other than English first needs them; a language
with no entry (or an unknown one, ``None``) gets nothing, so English pages pay
nothing.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .. import parsed

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "chrome_words.toml")


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    return parsed.toml(DATA)


def languages() -> tuple[str, ...]:
    """Languages the file has words for."""
    return tuple(sorted(_table()))


@lru_cache(maxsize=32)
def related_heads(language: str | None) -> tuple[str, ...]:
    """Lower-case starts of a heading over a teaser list in ``language``; () for none."""
    if not language:
        return ()
    return tuple(h.lower() for h in _table().get(language, {}).get("related_heads", ()))


# Languages that write every noun with a capital: a sentence in them has a third of its
# words capitalised where an English one has an eighth, so capitals say less about a line.
NOUN_CAPITALISING = frozenset({"de", "lb"})


def capitalises_nouns(language: str | None) -> bool:
    """True for a language that capitalises its nouns (German, Luxembourgish)."""
    return language in NOUN_CAPITALISING


def comment_words(language: str | None) -> dict[str, str] | None:
    """The comment markers' pattern fragments of ``language`` (``comment_count``,
    ``comment_buttons``, ``comment_form``, ``ago``), or None when it has none."""
    if not language:
        return None
    entry = _table().get(language)
    if not entry:
        return None
    keys = ("comment_count", "comment_buttons", "comment_form", "ago")
    return {k: entry[k] for k in keys if k in entry} or None
