"""Name what the structure stage removes.

A removed unit is named first by what it says (a cookie banner, an
advertisement label, a share bar, a newsletter prompt, legal small print), then
by its shape and place: short menu items are navigation, a list of headline-like
lines after the article (or under a "Related" / "More from" heading) is
related links, and what is left before the article is the page header, after
it the page footer.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..document import Document
from ..patterns import engine
from .features import LineInfo

NAVIGATION = "navigation"
RELATED = "related_links"
COOKIE = "cookie_notice"
ADVERTISEMENT = "advertisement"
HEADER = "page_header"
FOOTER = "page_footer"
SHARE = "social_share"
NEWSLETTER = "newsletter"
DUPLICATE = "duplicate"

_COOKIE = re.compile(r"\b(?:cookies?|gdpr|ccpa|tracking technologies)\b")
_BANNER = re.compile(r"\b(?:use|uses|using|accept|consent|agree|browsing|browse|continuing|reject|allow|personali[sz]e)\b")
_FOOTER_WORDS = frozenset("about us contact privacy policy terms of use conditions service imprint impressum sitemap site map "
                          "accessibility careers jobs advertise advertising press help faq legal notice cookies cookie "
                          "settings disclaimer copyright rss feedback corrections ethics licensing subscriptions "
                          "and & our the".split())
_AD = re.compile(r"^\W*(?:advertisement|advertising|sponsored(?: content| post| links?)?|ad|ads|promoted(?: content)?|paid (?:content|post)|partner content|anzeige|publicidad|publicité)\b")
_SHARE_WORDS = frozenset("share shares tweet facebook twitter linkedin pinterest whatsapp email e-mail print reddit telegram "
                         "copy link url x messenger flipboard tumblr mastodon bluesky threads instagram youtube tiktok "
                         "follow us on this article story post sharing save comment comments".split())
_NEWSLETTER = re.compile(r"\b(?:newsletters?|subscribe (?:to|for|now|today)|sign up (?:for|to|now)|in your inbox|to your inbox|unsubscribe)\b")
_LEGAL = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bprivacy policy\b|\bterms (?:of|and) (?:use|service|conditions)\b|\bcopyright\b|\bimpressum\b|\bimprint\b")
_SHARE_TOKEN = re.compile(r"[\w-]+")
_FOOTER_TOKEN = re.compile(r"[\w&]+")
_RELATED_HEAD = re.compile(r"^\W*(?:related|recommended|more (?:from|stories|articles|news|on|in|like this|to read)|read (?:more|next|also)|also read|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|popular|most (?:read|popular|viewed|shared)|trending|latest|top stories|further reading|see also|recent (?:posts|articles|stories)|what to read next|up next|editor'?s picks)\b")


_SHARE_NAMES = ("share", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "reddit", "telegram",
                "email", "print", "flipboard", "bluesky", "mastodon")
# Every unit a category's words name holds one of these patterns, or a share bar's name:
# the engine's gate (a superset of them) sends only those units to the patterns, one
# call for the removed units of a page. The engine's ``\s`` lacks four characters that
# ``re`` reads as white space (U+001C to U+001F): the gate takes them too.
_MAY_NAME = engine("|".join(f"(?:{p.pattern})" for p in (_COOKIE, _AD, _LEGAL, _NEWSLETTER, _RELATED_HEAD))
                   .replace(r"\s", r"[\s\x1c-\x1f]") + "|" + "|".join(_SHARE_NAMES))

# A row of footer links holds a footer word: the engine's gate spares the rest the tokens.
_MAY_FOOTER = engine("|".join(sorted(_FOOTER_WORDS)))


def related_head_rest(text: str) -> tuple[str, str]:
    """The words of an English heading over a teaser list ("Related", "More from", "Read
    next") that ``text`` (a unit's lower-case display text) opens with, and what follows
    them (both "" when it opens with none)."""
    m = _RELATED_HEAD.search(text)
    return (m.group(), text[m.end():]) if m else ("", "")


def _own_category(info: LineInfo) -> str | None:
    """A category the unit's words name outright."""
    t = info.text
    if _COOKIE.search(t) and (info.words <= 4 or _BANNER.search(t)):
        return COOKIE
    if info.words <= 8 and _AD.search(t):
        return ADVERTISEMENT
    if info.words <= 12 and _LEGAL.search(t):
        return FOOTER
    if info.words <= 8:
        words = _SHARE_TOKEN.findall(t)
        if words and sum(1 for w in words if w in _SHARE_WORDS) >= max(1, len(words) * 0.6):
            if any(w in _SHARE_NAMES for w in words):
                return SHARE
    if info.words <= 30 and _NEWSLETTER.search(t):
        return NEWSLETTER
    return None


def _headline_like(info: LineInfo) -> bool:
    """A teaser title: a few words, no sentence end."""
    return 3 <= info.words <= 20 and not info.text.rstrip().endswith((".", "!", ":")) and not info.prose


def categorise(doc: Document, infos: list[LineInfo], keep: list[bool], named: dict[int, str] | None = None
               ) -> Iterator[tuple[LineInfo, str | None]]:
    """(unit, category) for every unit; ``None`` for a unit that stays. ``named``: units
    whose category a later step decided (:mod:`cleaner.structure.doubles`)."""
    named = named or {}
    n = len(infos)
    first = next((i for i, k in enumerate(keep) if k), n)
    last = next((n - 1 - i for i, k in enumerate(reversed(keep)) if k), n)
    related_from: int | None = None
    gates = _Gates(infos, keep, named)
    for i, info in enumerate(infos):
        if keep[i]:
            related_from = None
            yield info, None
            continue
        if i in named:
            yield info, named[i]
            continue
        may, may_footer = gates.at(i)
        own = _own_category(info) if may else None
        if own is not None:
            yield info, own
            continue
        if may and info.words <= 8 and _RELATED_HEAD.search(info.text):
            related_from = i
            yield info, RELATED
            continue
        if info.words <= 12 and may_footer and (words := _FOOTER_TOKEN.findall(info.text)) \
                and sum(1 for w in words if w in _FOOTER_WORDS) >= 0.7 * len(words):
            related_from = None
            yield info, (NAVIGATION if i < first else FOOTER)
            continue
        if related_from is not None:
            if _headline_like(info) or info.listed or info.words > 20:
                yield info, RELATED
                continue
            related_from = None
        if i < first:
            yield info, (NAVIGATION if info.words <= 4 or info.listed else HEADER)
        elif i > last:
            if _headline_like(info) and _in_teaser_run(infos, keep, i):
                yield info, RELATED
            elif info.words <= 4 or info.listed:
                yield info, NAVIGATION
            else:
                yield info, FOOTER
        else:
            if _headline_like(info) and _in_teaser_run(infos, keep, i):
                yield info, RELATED
            else:
                yield info, NAVIGATION


GATE_BATCH = 4096  # units whose texts one engine call tests: few calls, and the call's memory bounded


class _Gates:
    """Which removed units may be named by their words (:func:`_may_be_named`), asked in
    text order and found for ``GATE_BATCH`` units at a time: on a page of many short
    lines, the positions and texts of every removed unit at once were much of the
    stage's memory."""

    def __init__(self, infos: list[LineInfo], keep: list[bool], named: dict[int, str]):
        self.infos, self.keep, self.named = infos, keep, named
        self.end = 0
        self.found: tuple[set[int], set[int]] = (set(), set())

    def at(self, i: int) -> tuple[bool, bool]:
        """(whether the words of unit ``i`` may name its category, whether they hold a
        footer word); ``i`` never goes back."""
        if i >= self.end:
            self.end = max(self.end + GATE_BATCH, i + 1)
            self.found = _may_be_named(self.infos, self.keep, self.named, range(i, min(self.end, len(self.infos))))
        return i in self.found[0], i in self.found[1]


def _may_be_named(infos: list[LineInfo], keep: list[bool], named: dict[int, str],
                  among: range | None = None) -> tuple[set[int], set[int]]:
    """The removed units (of ``among``, all when None) whose words may name their category
    (``_own_category``) or a teaser list's heading, and those that hold a footer word: the
    rest (most menu items and teasers) cannot, and meet no pattern."""
    removed = [i for i in (range(len(infos)) if among is None else among) if not keep[i] and i not in named]
    texts = [infos[i].text for i in removed]
    return ({removed[k] for k in _MAY_NAME.may_passing(texts)}, {removed[k] for k in _MAY_FOOTER.may_passing(texts)})


def _in_teaser_run(infos: list[LineInfo], keep: list[bool], i: int) -> bool:
    """Two or more headline-like removed units next to each other (a teaser list)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(infos) and not keep[j] and _headline_like(infos[j]):
            return True
    return False
