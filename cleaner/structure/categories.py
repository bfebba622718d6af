"""The categories the structure stage names its removals with, and the words that name them.

A removed unit is named first by what it says (a cookie banner, an
advertisement label, a share bar, a newsletter prompt, legal small print), then
by its shape and place: short menu items are navigation, a list of headline-like
lines after the article (or under a "Related" / "More from" heading) is
related links, and what is left before the article is the page header, after
it the page footer. The walk over a page's units runs in the engine
(:mod:`cleaner.structure.removals`); the words are read here.
"""
from __future__ import annotations

import re

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
