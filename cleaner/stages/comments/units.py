"""The line as the comment stages see it (:class:`Unit`), and the names on it.

A :class:`Unit` is one line of the page with what it was read as: article
text, a line claimed by boilerplate or metadata, or a comment marker (header,
date, reply note, chrome, heading, form). This module also holds the tests
every other module shares: whether a line is a person's name rather than a
subheading in the page's own words, a line's indent, and the limits on how
far apart comment headers may be.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import markers
from ..._core import lower_words
from ...document import Document, Line
from ...patterns import lazy, settle
from ...render import normalise


MIN_PAIRS = 2             # comment headers with a body beside them that a discussion needs
MAX_BODY_BLOCKS = 10      # headers further apart than this many paragraphs
MAX_BODY_WORDS = 800      # or words do not head comments
_UNITS = "_comment_units"  # where the section stage leaves its reading of the lines for the splitter
ANCHORS = frozenset({"says", "author", "reply", "edited", "date"})
HEADERS = frozenset({"says", "author", "date"})
_HEADER_PARTS = frozenset({"date", "reply", "chrome", "claimed_meta"})  # lines a header may run on to
_ITEM = lazy(r"^(?:[*+•·▪►◦‣▸-]|\d{1,3}[.)])\s|\]\(|^https?://")


@dataclass(slots=True)
class Unit:
    """One line of the page as the comment stages see it."""

    line: Line
    kind: str  # content | claimed | claimed_meta | a marker kind (says, date, author, ...)
    marker: markers.Marker | None = None
    paired: bool = False  # a header with a comment body beside it
    text: str = ""        # the line as displayed (markers and headings only)
    item: int | None = None  # the indent of a list item this name heads (threaded lists)
    shown: str | None = None  # the line's text (``_text``), kept once read


# the page's vocabulary; ``_core.lower_words`` finds these (the tests hold it to this pattern)
_LOWER_WORD = lazy(r"(?<![\p{L}\p{N}_@])\p{Ll}[\p{L}'’-]{2,}")
_PLAIN_WORD = lazy(r"\p{L}[\p{L}'’-]*\.?")


class _Vocabulary:
    """``word in vocabulary``: the words the page writes in lower case somewhere, its
    ordinary vocabulary (the matches of ``_LOWER_WORD``, found by the engine in one scan).
    The scan is made when a word is first looked up: only a line shaped like a name of two
    plain words asks, and on most pages none does."""

    __slots__ = ("text", "words")

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = frozenset(lower_words(self.text))
        return word in self.words


def _leads_its_line(unit: Unit, following: Unit) -> bool:
    """``unit`` is a header that leads its line and ``following`` the comment's text after it
    on the same line (``reading._led``): only such a split gives two units one line."""
    return following.line.index == unit.line.index


def _lowercase_words(doc: Document) -> _Vocabulary:
    """Words the page writes in lower case somewhere, read when first asked about."""
    return _Vocabulary(doc.text)


def _is_name(text: str, repeated: bool, vocabulary: _Vocabulary) -> bool:
    """A line that names a commenter: a name's shape, and not a phrase in the page's words."""
    return markers.looks_like_name(text, repeated) and not _is_phrase(text, vocabulary)


def _is_phrase(text: str, vocabulary: _Vocabulary) -> bool:
    """A line of plain words whose words the page also writes in lower case ("Rental
    Agreement", "Road Signs") is a subheading, not a name: people's names are rarely the
    page's ordinary words. One word alone ("Hope", "Mark") and handles decide nothing."""
    tokens = markers.display(text).split()
    if len(tokens) < 2 or not all(_PLAIN_WORD.fullmatch(t) for t in tokens):
        return False
    words = [t for t in tokens if len(t) >= 3 and not t.endswith(".")]
    common = sum(1 for w in words if w.lower() in vocabulary)
    return common >= 2 and common >= len(tokens) - 1


def _indent(doc: Document, line: Line) -> int:
    """Columns of white space before the line: converters indent nested list items. A line
    cut from a row of table columns has no indent of its own (-1)."""
    start = doc.text.rfind("\n", 0, line.start) + 1
    return line.start - start if not doc.text[start:line.start].strip() else -1


def _text(doc: Document, unit: Unit) -> str:
    """The unit's line as displayed, read once: the stages ask for it several times."""
    if unit.shown is None:
        unit.shown = normalise(doc.slice(unit.line.start, unit.line.end))
    return unit.shown


settle(globals())
