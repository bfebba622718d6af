"""Comment markers: the small lines comment systems print around a comment.

They are both evidence that a discussion has started and values to attach to
a comment (its author, whom it answers, when it was edited), so the section
finder and the splitter share this one module.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_NAME = r"[\p{L}\p{N}_][\p{L}\p{N}_.'’ -]{0,38}?"
_DATE = (r"(?:(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:\s*(?:at|@|,)?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
         r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|today|just\s+now)")

EDITED = regex.compile(rf"(?i)^(?:last\s+)?edited\s+(?P<when>{_DATE}|.{{1,40}}?)(?:\s+by\s+(?P<who>{_NAME}))?\s*\.?$")
REPLY = regex.compile(rf"^(?:@|(?i:reply\s+to|in\s+reply\s+to|replying\s+to)\s+@?)(?P<name>{_NAME})[.:,]?\s*$")
INLINE_REPLY = regex.compile(r"^@(?P<name>[\p{L}\p{N}_.-]{1,30})[,:]?\s")
SAYS = regex.compile(rf"(?i)^(?P<name>{_NAME})\s+(?:says|said|wrote|writes|commented)\s*:?\s*(?:on\s+)?(?P<date>{_DATE})?\s*:?\s*$")
DATED_AUTHOR = regex.compile(rf"(?i)^(?P<name>{_NAME})\s*(?:[|•·,–—-]|\bon\b)\s*(?P<date>{_DATE})\s*$")
DATE_LINE = regex.compile(rf"(?i)^(?:posted\s+|commented\s+)?(?:on\s+)?(?P<date>{_DATE})\s*(?:\|\s*#?\s*)?$")
_NAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}'’.-]*|[\p{L}\p{N}_.-]*[\p{N}_][\p{L}\p{N}_.-]*)$")
_STOPWORDS = frozenset("""a an the and or but if so of to in on at by for with from as is are was were be been
i you he she it we they me my your our their this that these those not no yes well very too just
thanks thank agreed exactly indeed lol wow great good bad true false right wrong""".split())


@dataclass(frozen=True)
class Marker:
    kind: str  # author | reply | edited | says | date
    name: str | None = None
    when: str | None = None


def parse(line: str) -> Marker | None:
    """What a short line says about a comment, or None if it is not a marker."""
    line = line.strip()
    if not line or len(line) > 90:
        return None
    if m := EDITED.match(line, timeout=0.2):
        return Marker("edited", _clean(m["who"]), m["when"].strip())
    if m := REPLY.match(line, timeout=0.2):
        return Marker("reply", _clean(m["name"]))
    if m := SAYS.match(line, timeout=0.2):
        return Marker("says", _clean(m["name"]), m["date"])
    if m := DATED_AUTHOR.match(line, timeout=0.2):
        if looks_like_name(m["name"]):
            return Marker("says", _clean(m["name"]), m["date"])
    if m := DATE_LINE.match(line, timeout=0.2):
        return Marker("date", when=m["date"])
    return None


def looks_like_name(line: str, repeated: bool = False) -> bool:
    """A display name: one to four name-like tokens and no sentence punctuation.

    One capitalised word ("Agreed") is too often a short comment, so a single
    token counts only when it looks like a handle (digits, underscores) or the
    page repeats it as a line of its own.
    """
    text = line.strip()
    if regex.search(r"\s\p{Lu}\.$", text):  # "Lena M." ends in an initial, not a full stop
        text = text[:-1]
    if not text or len(text) > 32 or text[-1] in ".!?,;:\"”)" or any(c in text for c in "!?;\"“”()"):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or any(t.lower() in _STOPWORDS for t in tokens):
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return repeated and len(tokens) <= 2
    return len(tokens) >= 2 or repeated or any(c.isdigit() or c == "_" for c in text)


def inline_reply(text: str) -> str | None:
    m = INLINE_REPLY.match(text)
    return m["name"].rstrip(".") if m else None


def _clean(name: str | None) -> str | None:
    return name.strip().rstrip(".:,") or None if name else None
