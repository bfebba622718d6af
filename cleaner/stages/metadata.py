"""Title, authors and date read off the head of the text.

Only the head is searched: the lines before the first paragraph of prose. A
byline found there becomes a ``metadata`` segment; the title stays in the main
text (it is part of the article) and is also reported as ``title``.
"""
from __future__ import annotations

import regex

from ..dates import find_date
from ..document import BOILERPLATE, METADATA, Document, Line
from ..patterns import lazy, settle
from ..render import normalise
from ..sentences import is_prose

HEAD_BLOCKS = 8          # look no further than this many blocks

_BYLINE = lazy(
    r"^(?:(?:written|posted|reported|compiled|edited|words|text|story|published)\s+by|by|author(?:s)?\s*:|byline\s*:)"
    r"\s+(?P<rest>\p{Lu}.*)$", regex.IGNORECASE)
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’-]*\.?|(?:de|da|van|von|der|den|del|al|bin|le|la|di)(?=\s+\p{Lu}))"
_NAME = lazy(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}")
# Words that start the publisher or role part of "By NAME Publisher, DATE".
_NOT_NAME = frozenset("""news research times post press media staff writer reporter correspondent editor
daily magazine journal herald tribune global network agency group online today weekly review
report reports institute centre center foundation associated reuters bloomberg updated published
senior chief contributing political economics special""".split())
_TAXONOMY = lazy(r"\s(?:Region|Theme|Topics?|Tags?|Categor(?:y|ies)|Filed\s+under|Sections?|In-depth\s+Report)\s*:")
_SPLIT_AUTHORS = lazy(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_DATELINE = lazy(r"(?i)^(?:(?:published|posted|updated|last\s+updated|first\s+published|date)\s*(?:on|:)?\s*)?"
                          r"(?:\p{L}+day,?\s+)?.{0,40}?\d{4}.{0,30}$")


class HeadMetadata:
    """Reads title, authors and date from the head; marks byline and date lines as metadata."""

    name = "metadata"

    def __call__(self, doc: Document) -> None:
        head = _head_lines(doc)
        byline_index = None
        for i, line in enumerate(head):
            raw = normalise(doc.slice(line.start, line.end))
            if authors := _byline_authors(raw):  # every byline of the head goes; the first names the authors
                doc.meta.setdefault("authors", authors)
                byline_index = i if byline_index is None else byline_index
                cut = _taxonomy_start(doc.slice(line.start, line.end))
                doc.annotate(line.start, line.start + cut, METADATA, "byline", "meta.byline")
                doc.annotate(line.start + cut, line.end, BOILERPLATE, "navigation", "meta.taxonomy")
                self._date(doc, raw)
            elif _is_dateline(raw) and doc.is_unclaimed(line.start, line.end):
                if self._date(doc, raw):
                    doc.annotate(line.start, line.end, METADATA, "dateline", "meta.dateline")
        title = _title(doc, head, byline_index)
        if title:
            doc.meta["title"] = title

    @staticmethod
    def _date(doc: Document, text: str) -> bool:
        date = find_date(text)
        if date and "published" not in doc.meta:
            doc.meta["published"] = date
        return date is not None


def _head_lines(doc: Document) -> list[Line]:
    lines: list[Line] = []
    for block in doc.blocks[:HEAD_BLOCKS]:
        if is_prose(doc.slice(block.start, block.end)) and doc.is_unclaimed(block.start, block.end):
            break
        lines.extend(block.lines)
    return lines


def _taxonomy_start(raw: str) -> int:
    """Where topic tags glued to a byline begin ("… Region: Europe Theme: …"), else the end."""
    m = _TAXONOMY.search(raw, timeout=0.2)
    return m.start() if m else len(raw)


def _byline_authors(text: str) -> list[str]:
    m = _BYLINE.match(text, timeout=0.2)
    if not m or len(text.split()) > 60:
        return []
    rest = m["rest"]
    rest = regex.split(r"\s*(?:[|•·–—]|\s-\s|\bon\b|\bupdated\b|\bpublished\b)\s*", rest, maxsplit=1)[0]
    names: list[str] = []
    for i, part in enumerate(_SPLIT_AUTHORS.split(rest)):
        name = _name(part, whole=i > 0)
        if name is None:
            break
        names.append(name)
    return names


def _name(part: str, whole: bool) -> str | None:
    """The person's name at the start of ``part``; with ``whole``, only if it is all of it."""
    part = part.strip()
    m = _NAME.match(part)
    if not m or (whole and m.end() != len(part)):
        return None
    words: list[str] = []
    for word in m.group().split():
        if word.lower().strip(".") in _NOT_NAME or _month(word):
            break
        words.append(word)
    return " ".join(words) if 1 <= len(words) <= 4 and words[0][0].isupper() else None


def _month(word: str) -> bool:
    return word.lower().strip(".,")[:3] in {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} \
        and find_date(word + " 1, 2000") is not None


# Words a dateline may hold besides the date: "Posted on Monday, March 3, 2024 at 8:15 am".
_DATE_WORDS = frozenset("""published posted updated last first date on at by am pm a.m. p.m. gmt utc
est edt pst pdt cet bst of the th st nd rd""".split())
DATELINE_OTHER_WORDS = 3   # more words than this besides the date: a headline that ends with one
_WORD = lazy(r"\p{L}[\p{L}.]*")


def _is_dateline(text: str) -> bool:
    if len(text.split()) > 10 or _DATELINE.match(text, timeout=0.2) is None:
        return False
    other = [w for w in _WORD.findall(text, timeout=0.2)
             if w.lower() not in _DATE_WORDS and not _month(w) and not w.lower().endswith("day")]
    return len(other) <= DATELINE_OTHER_WORDS and find_date(text) is not None


def _title(doc: Document, head: list[Line], byline_index: int | None) -> str | None:
    """The first short, unclaimed, single-line block of the head that reads like a headline."""
    candidates = head[:byline_index] if byline_index is not None else head[:3]
    for line in candidates:
        block = doc.blocks[line.block]
        if len(block.lines) != 1 or not doc.is_unclaimed(line.start, line.end):
            continue
        text = normalise(doc.slice(line.start, line.end))
        words = text.split()
        if 2 <= len(words) <= 25 and len(text) <= 200 and not text.endswith((".", ",", ":", ";")) \
                and text[0].isupper() and block.index + 1 < len(doc.blocks):
            return text
        return None  # the head opens with something that is not a headline: no title
    return None


settle(globals())
