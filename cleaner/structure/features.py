"""Evidence per line of a whole-page text: what a line looks like, on its own and in its block.

Everything here is converter-neutral: markdown that html2text leaves (``* [x](url)``
lists, ``#`` headings, ``![img](src)``) is read as list / heading / link evidence and
stripped before the words are counted, so the same page made by another converter
gives much the same features.

A line becomes a list of *active feature names* (indicator features: a numeric
quantity is cut into bins). The model (:mod:`cleaner.structure.model`) adds up a
weight per active feature; names, not positions, tie the weights to the code.

The features are computed by the Rust engine (``cleaner._core.Features``, in
``core/src/features.rs``), a whole page per call: every line of every page is
read, and Python's per-line object churn was most of the stage's time. The
engine counts as Python does (``str.split()``, ``str.lower()``, ``re``'s ``\\w``
and ``\\d``, from tables read off this Python). Per line:

* length (words ``nw``, display characters), stopword share (``stop``), mean
  word length (``wlen``), share of capitalised tokens (``caps``), a lower-case
  start, tokens with menu items run together (``glued``), title breaks
  (``breaks``), digit share (``digit``);
* how it ends (``end_stop``, ``end_quote`` …), sentence ends (``sents``), list
  and heading markup, link-text share (``link``), images, chrome symbols
  (``sym|``), chrome words among the first twelve (``cue_short_nav`` …),
  copyright, dates, "3 hours ago", tiny lines, ``prose``, ``long_stop``;
* its place: position in the page (``pos``), pieces of flattened lines
  (``flat`` and ``flat_`` twins of the length and punctuation features), its
  place in its block, repetition of its words in the page (``rep``, ``prefix``),
  and its block's shape (``blines``, ``bwords``, ``bshort``, ``block_listy``,
  ``block_has_prose``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, count, repeat
from operator import attrgetter
from typing import Sequence

from .._core import Features, Page
from .._core import display as _display
from ..document import Document, Line
from ..patterns import lazy_re, settle
from ..visible import outside

# ---------------------------------------------------------------- markup shapes

# One pass finds every markdown link or image: ``[text](target)`` / ``![alt](src)``.
# Bounded repetition keeps the scan linear on hostile text.
_MD_IMAGE = lazy_re(r"!\[[^\[\]\n]{0,400}\]\([^()\s]{0,2000}(?:\s+\"[^\n]{0,500}?\")?\)")
_MD_TARGET = lazy_re(r"\]\([^()\s]{0,2000}(?:\s+\"[^\n]{0,500}?\")?\)")  # a title may hold quotes: it ends at '")'
_MD_UNDERSCORE = lazy_re(r"(?<![\w_])_+(?=\S)|(?<=\S)(?<!_)_+(?![\w_])")
# Asterisk emphasis in pairs (``**bold**``, ``*em*``): one asterisk alone is a footnote mark
# or a gender star ("Berliner*innen"), and a bullet ("* item") has a space after it. (The
# space some converters print after a closing marker before punctuation, "**Moderator** :
# Jane", is the text's join to drop: ``cleaner.result``.)
_MD_ASTERISKS = lazy_re(r"(?<![\w*\\])(\*{1,3})(?=[^\s*])[^*\n]{1,400}?(?<=[^\s*\\])(\1)(?![\w*])")
# A converter's escape of a character that would open markdown at a line's start
# ("1\. Step one", "\- not a bullet", "\# not a heading"): the backslash is no one's text.
_MD_ESCAPE = lazy_re(r"^\s*(?:\d{1,9}(\\)\.|(\\)[-+#>*])")

FLAT = 1500          # a line longer than this is a flattened page: cut it into sentences
_SENT_GAP = lazy_re(r"[.!?…][\"'”’»“‘«)\]]*\s+")  # German closes quotations with “ ‘ «


@dataclass(frozen=True, slots=True)
class Unit:
    """The piece the model labels: a line, or a sentence-like piece of a flattened line."""

    start: int
    end: int
    block: int      # block (or pseudo-block) that holds it
    flat: bool      # cut out of a flattened line


def _is_cap(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return True  # symbols and numbers read like menu items, not like prose


def _is_low(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return ch.islower()
    return False


@lru_cache(maxsize=16)  # a few lines of the documents in hand; the key holds the text
def split_flat(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Cut a flattened line into sentence-like pieces, and cut a run of title-case menu
    words off the sentence it runs into ("… Weight Loss Diets Protein continues to be huge.").
    Cached: the rules and the structure stage cut the same lines of one document."""
    pieces: list[tuple[int, int]] = []
    chunk = text[start:end]
    pos = 0
    for m in _SENT_GAP.finditer(chunk):
        nxt = chunk[m.end():m.end() + 2]
        if nxt[:1].isupper() or nxt[:1].isdigit() or (nxt[:1] in "\"'“‘«([" and nxt[1:2].isupper()):
            pieces.append((pos, m.end()))
            pos = m.end()
    pieces.append((pos, len(chunk)))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        out.extend(_split_menu_run(chunk, a, b))
    return tuple((start + a + (len(chunk[a:b]) - len(chunk[a:b].lstrip())), start + a + len(chunk[a:b].rstrip()))
                 for a, b in out if chunk[a:b].strip())


def _split_menu_run(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split before a capitalised word that ends a title-case run and starts lower-case prose."""
    piece = chunk[a:b]
    tokens: list[tuple[int, str]] = [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)]
    if len(tokens) < 8:
        return [(a, b)]
    caps = [_is_cap(t) for _, t in tokens]
    low = [_is_low(t) for _, t in tokens]
    cuts: list[int] = []
    last = 0
    for j in range(4, len(tokens) - 2):
        window_low = sum(low[j - 4:j])
        if window_low <= 1 and caps[j] and low[j + 1] and low[j + 2] and j - last >= 4:
            cuts.append(tokens[j][0])
            last = j
    if not cuts:
        return [(a, b)]
    bounds = [0] + cuts + [len(piece)]
    return [(a + x, a + y) for x, y in zip(bounds, bounds[1:])]


class LineInfo:
    """What one unit shows once its markup is read: a view of one unit of a :class:`Page`
    (the engine's arrays), which the model scores by ``page`` and ``index``. What it shows
    is read off the page when asked: the stage asks it of few units, and a number, a
    flag and a display string kept for every unit were a third of the stage's memory on
    a page of many short lines."""

    __slots__ = ("line", "page", "index")

    def __init__(self, line: Unit, page: Page, index: int):
        self.line = line
        self.page = page
        self.index = index          # in ``page``

    @property
    def words(self) -> int:
        """Display words."""
        return self.page.words_of(self.index)

    @property
    def chars(self) -> int:
        """Display characters."""
        return self.page.chars_of(self.index)

    @property
    def text(self) -> str:
        """Display text (markup stripped), lower-cased."""
        return self.page.text_of(self.index)

    @property
    def prose(self) -> bool:
        """A sentence-like line: long, stopwords, sentence punctuation."""
        return self.page.prose_of(self.index)

    @property
    def features(self) -> list[str]:
        """The names of its active features, in the order the model adds their weights."""
        return self.page.features(self.index)

    @property
    def listed(self) -> bool:
        """A list item: ``"list" in self.features``, without naming every feature."""
        return self.page.listed(self.index)

    @property
    def terms(self) -> frozenset[str]:
        """Content words: what the line is about."""
        return frozenset(self.page.terms(self.index))


class Units(list):
    """Units of one :func:`analyse` call in text order (all, or some), which read their
    engine page and indexes once (:func:`page_indexes`): the structure stage asks for
    them in each of its walks over the page. Not changed once made."""

    __slots__ = ("_read",)

    def __init__(self, infos=()):
        super().__init__(infos)
        self._read = None


def page_indexes(infos: Sequence[LineInfo]) -> tuple[Page, list[int]]:
    """The engine's page of ``infos`` (units of one :func:`analyse` call) and their indexes
    in it, for the engine's walks over a page (read once for :class:`Units`)."""
    if type(infos) is Units:
        if infos._read is None:
            infos._read = _page_indexes(infos)
        return infos._read
    return _page_indexes(infos)


def _page_indexes(infos: Sequence[LineInfo]) -> tuple[Page, list[int]]:
    page = infos[0].page
    if len(set(map(_page_of, infos))) > 1:  # read in C: this is asked of every unit of a page
        raise ValueError("units of more than one page")
    return page, list(map(_index_of, infos))


_page_of, _index_of = attrgetter("page"), attrgetter("index")
_start, _end, _flat = attrgetter("start"), attrgetter("end"), attrgetter("flat")


def markup_spans(raw: str) -> list[tuple[int, int]]:
    """Spans of ``raw`` that are markdown markup with words in it: images (``![alt](src)``),
    links' brackets and targets (all of ``[text](url)`` but its text), ``_emphasis_``
    underscores, ``**bold**`` and ``*emphasis*`` asterisks in pairs, and a converter's
    backslash before a line's ``1.``, ``-`` or ``#`` (html2text's escapes).
    Dropping them leaves the words a reader sees; other markup carries no words."""
    spans: list[tuple[int, int]] = []
    if "](" in raw:
        if "![" in raw:
            spans.extend(m.span() for m in _MD_IMAGE.finditer(raw))
        pos = 0
        for m in _MD_TARGET.finditer(raw):
            opening = raw.rfind("[", pos, m.start())  # the link's "[": a reader sees its words only
            if opening >= 0:
                spans.append((opening, opening + 1))
            spans.append(m.span())
            pos = m.end()
    if "_" in raw:
        spans.extend(m.span() for m in _MD_UNDERSCORE.finditer(raw))
    if "*" in raw:
        for m in _MD_ASTERISKS.finditer(raw):
            spans.append(m.span(1))
            spans.append(m.span(2))
    if "\\" in raw and (m := _MD_ESCAPE.match(raw)):
        spans.append(m.span(1) if m.group(1) else m.span(2))
    if len(spans) > 1:
        spans.sort()
        merged = [spans[0]]
        for a, b in spans[1:]:
            if a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        spans = merged
    return spans


def display(raw: str) -> tuple[str, int, bool, bool, int, int]:
    """(display text, link-text chars, list item?, heading?, links, images) of one raw line."""
    return _display(raw)


class StopwordFile:
    """Stopwords kept in a file, one a line, as the weights ship them: the engine reads
    the file itself (:func:`_engine`). The packaged table holds 23,134 words, and a
    Python string for each, a set of those and the engine's copy of them were a tenth
    of the CPU time of cleaning a short text. Reads as a set of words (once, when asked)
    for the fitting script and the tests."""

    __slots__ = ("path", "_words")

    def __init__(self, path: str):
        self.path = path
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            with open(self.path, encoding="utf-8") as handle:
                self._words = frozenset(w for w in handle.read().split("\n") if w)  # as the engine splits
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __iter__(self):
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StopwordFile) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    def __repr__(self) -> str:
        return f"StopwordFile({self.path!r})"


@lru_cache(maxsize=16)
def _engine(stopwords: frozenset[str] | StopwordFile, heads: tuple[str, ...] = (),
            noun_caps: bool = False) -> Features:
    if type(stopwords) is StopwordFile:
        return Features.from_file(stopwords.path, list(heads), noun_caps)
    # the engine holds them as a hash set: their order is not read (sorting 23,000 words
    # was a twentieth of a start-up)
    return Features(list(stopwords), list(heads), noun_caps)


def analyse(doc: Document, stopwords: frozenset[str] | StopwordFile, heads: tuple[str, ...] = (),
            noun_caps: bool = False) -> list[LineInfo]:
    """Features of every line of ``doc``, with its block and the page around it. ``stopwords``:
    a set of words, or the file the weights keep them in (:class:`StopwordFile`). ``heads``:
    the page language's headings over a teaser list (:func:`cleaner.language.chrome.related_heads`),
    read like the English ones. ``noun_caps``: the page's language capitalises its nouns
    (German; :func:`cleaner.language.chrome.capitalises_nouns`), so a sentence's share of
    capitals is read from a higher floor and run-together titles are not looked for."""
    units = page_units(doc)
    flat = list(chain.from_iterable(units))
    page = _engine(stopwords, heads, noun_caps).page(doc.text, list(map(_start, flat)), list(map(_end, flat)),
                                                     list(map(_flat, flat)), list(map(len, units)))
    return Units(map(LineInfo, flat, repeat(page), count()))


def page_units(doc: Document) -> list[Sequence[Unit | Line]]:
    """Units grouped by (pseudo-)block: a block's lines, or each piece of a flattened line alone.

    Until a flattened line shifts the pseudo-blocks' numbers a line is its own unit (it
    has the same start, end and block): on a page of short lines a ``Unit`` for each was
    a tenth of the document's memory."""
    text = doc.text
    groups: list[Sequence[Unit | Line]] = []
    for block in doc.blocks:
        # a block no longer than FLAT holds no longer line: most are not read line by line
        if block.end - block.start <= FLAT or all(line.end - line.start <= FLAT for line in block.lines):
            b = len(groups)
            groups.append(block.lines if b == block.index else
                          [Unit(line.start, line.end, b, False) for line in block.lines])
            continue
        for line in block.lines:
            if line.end - line.start <= FLAT:
                groups.append([Unit(line.start, line.end, len(groups), False)])
            else:
                for a, e in split_flat(text, line.start, line.end):
                    groups.append([Unit(a, e, len(groups), True)])
    return groups


def visible(raw: str) -> str:
    """``raw`` without its :func:`markup_spans`: the words the main text will show."""
    spans = markup_spans(raw)
    if not spans:
        return raw
    return " ".join(outside(raw, spans))


settle(globals())
