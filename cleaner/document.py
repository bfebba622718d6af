"""The document model: labelled character spans over the original text.

Stages never copy or rewrite the input. They read blocks and lines (offsets
into ``Document.text``) and add :class:`Annotation` objects; assembly resolves
them into a partition of the non-whitespace characters, so nothing can be lost
and every removal keeps the rule that caused it.
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Iterator, Sequence

from cleaner import _core

MAIN = "main"
COMMENT = "comment"
BOILERPLATE = "boilerplate"
METADATA = "metadata"
LABELS = (MAIN, COMMENT, BOILERPLATE, METADATA)

#: A document of this many characters or more hands the memory its stages freed back to the
#: system when it settles (:func:`cleaner._core.release_memory`): the allocator keeps it
#: otherwise, and the output line is allocated apart. Smaller ones are not worth the call.
RELEASE_CHARS = 1_000_000

# When annotations overlap, the stronger label wins; among equals, the later one.
# Boilerplate and metadata are precise claims; a comment section is a broad one.
_STRENGTH = {MAIN: 0, COMMENT: 1, BOILERPLATE: 2, METADATA: 2}



@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input, trimmed to its non-whitespace extent."""

    start: int
    end: int
    index: int  # line number in the document, 0-based
    block: int  # index of the block that holds it
    # not a piece cut out of a flattened line: the structure stage reads a line as its own
    # unit (``structure.features.Unit``) and makes no object of its own for it
    flat: ClassVar[bool] = False


@dataclass(slots=True)
class Block:
    """A run of non-blank lines: a paragraph as a converter left it."""

    start: int
    end: int
    index: int
    lines: tuple[Line, ...]
    gap_before: int  # blank lines between this block and the previous one

    @property
    def first_line(self) -> int:
        return self.lines[0].index


@dataclass(frozen=True, slots=True)
class Annotation:
    start: int
    end: int
    label: str
    category: str | None = None
    rule: str | None = None


@dataclass(slots=True)
class Comment:
    """A reader comment: its body span plus what the markers around it said."""

    start: int
    end: int
    author: str | None = None
    reply_to: str | None = None
    edited: str | None = None
    posted: str | None = None


@dataclass(slots=True)
class Flag:
    start: int
    end: int
    lang: str
    confidence: float
    section: str  # "main" | "comments"


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    label: str
    category: str | None
    rule: str | None


@dataclass
class Document:
    text: str
    id: str | None = None
    annotations: list[Annotation] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # title, authors, published
    hints: dict = field(default_factory=dict)  # what an upstream extractor already knows, e.g. comments_start
    language: str | None = None
    discussion: tuple[int, int] | None = None  # first and last block of the reader discussion
    discussion_lead: int | None = None  # where it starts inside its first block, at its heading
    flat_discussion: tuple[int, int] | None = None  # its character span inside a flattened line
    article_start: int | None = None  # where the decoded article starts, past a lead kept before it
    _blocks: list[Block] | None = None
    _labels: list[Segment] | None = None
    _line_starts: array = field(default_factory=lambda: array("q"))
    _block_starts: array | None = None
    _block_ends: array | None = None
    # annotations by line position: None, one Annotation, or a list of them; built when first asked
    _by_line: list | None = None

    # ---- structure -------------------------------------------------------
    @property
    def blocks(self) -> list[Block]:
        if self._blocks is None:
            self._blocks = split_blocks(self.text)
            self._line_starts = array("q", [line.start for block in self._blocks for line in block.lines])
            self._block_starts = array("q", [block.start for block in self._blocks])
            self._block_ends = array("q", [block.end for block in self._blocks])
        return self._blocks

    def block_starts(self) -> array:
        """Where each block starts: what placing a span in its block needs, kept when
        :meth:`settle` has let the blocks themselves go."""
        if self._block_starts is None:
            self.blocks
        return self._block_starts

    def block_ends(self) -> array:
        """Where each block ends (see :meth:`block_starts`)."""
        if self._block_ends is None:
            self.blocks
        return self._block_ends

    def settle(self) -> None:
        """Let go of what only the stages read: the blocks and lines (a Python object
        each, many times the text on a page of short lines) and the index of
        annotations by line. Both are rebuilt if asked for again; the block starts
        and ends and the resolved segments, which the result reads, stay. The
        segments are resolved once the lines are gone: a page of many short lines
        never holds its lines and its segments at once. A large document then hands
        what the stages freed back to the system (:data:`RELEASE_CHARS`)."""
        self.block_starts()
        self._blocks = None
        self._line_starts = array("q")
        self._by_line = None
        self.segments()
        if len(self.text) >= RELEASE_CHARS:
            _core.release_memory()

    def _line_range(self, start: int, end: int) -> range:
        """Positions (in reading order) of the lines that may overlap [start, end)."""
        self.blocks
        first = max(bisect.bisect_right(self._line_starts, start) - 1, 0)
        last = bisect.bisect_left(self._line_starts, end)
        return range(first, min(last, len(self._line_starts)))

    @property
    def discussion_span(self) -> tuple[int, int] | None:
        """Where the reader discussion starts and ends in the text, found on lines or inline."""
        if self.discussion is not None:
            start = max(self.blocks[self.discussion[0]].start, self.discussion_lead or 0)
            return start, self.blocks[self.discussion[1]].end
        return self.flat_discussion

    def lines(self) -> Iterator[Line]:
        for block in self.blocks:
            yield from block.lines

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    # ---- labelling -------------------------------------------------------
    def annotate(self, start: int, end: int, label: str,
                 category: str | None = None, rule: str | None = None) -> None:
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside the document")
        if start < end:
            annotation = Annotation(start, end, label, category, rule)
            self.annotations.append(annotation)
            if self._by_line is not None:
                self._index(annotation)
            self._labels = None

    def annotate_all(self, spans: Iterable[tuple[int, int, str | None, str | None]], label: str) -> None:
        """:meth:`annotate` for each (start, end, category, rule) of ``spans``, in order: a
        stage that names thousands of lines of a page adds them in one call, and indexes
        them in one pass. ``spans`` may be made as they are read (a generator): none of
        them is added before all are read."""
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        size = len(self.text)
        added = []
        for start, end, category, rule in spans:
            if not 0 <= start <= end <= size:
                raise ValueError(f"span {start}:{end} outside the document")
            if start < end:
                added.append(Annotation(start, end, label, category, rule))
        if not added:
            return
        self.annotations.extend(added)
        if self._by_line is not None:
            self._index_all(added)
        self._labels = None

    def _index(self, annotation: Annotation) -> None:
        self._index_all((annotation,))

    def _index_all(self, annotations) -> None:
        """Add ``annotations`` to the index by line (:meth:`_line_range` for each, its
        lookups bound once)."""
        by_line = self._by_line
        self.blocks
        starts = self._line_starts
        lines = len(starts)
        right, left = bisect.bisect_right, bisect.bisect_left
        for annotation in annotations:
            first = max(right(starts, annotation.start) - 1, 0)
            for i in range(first, min(left(starts, annotation.end, first), lines)):
                held = by_line[i]
                if held is None:
                    by_line[i] = annotation
                elif type(held) is list:
                    held.append(annotation)
                else:
                    by_line[i] = [held, annotation]

    def _line_index(self) -> list:
        """Annotations by line position, built on first use: one slot a line, a list
        only where a line holds more than one (a dict of lists was ~7x the text)."""
        if self._by_line is None:
            self.blocks
            self._by_line = [None] * len(self._line_starts)
            self._index_all(self.annotations)
        return self._by_line

    def annotations_over(self, start: int, end: int) -> list[Annotation]:
        """Annotations overlapping [start, end), found through the lines they touch.

        Indexed by line, not by block: asking about each line of a paragraph of
        many removed lines must cost the line's annotations, not the paragraph's
        (that was quadratic in the paragraph's length).
        """
        lines = self._line_range(start, end)
        if len(lines) == 1 and start < end:   # one line's extent, as most callers ask: its slot alone
            return self.line_annotations(lines.start, start, end)
        by_line = self._line_index()
        found: dict[int, Annotation] = {}
        for i in lines:
            held = by_line[i]
            if held is None:
                continue
            for a in (held if type(held) is list else (held,)):
                if a.start < end and a.end > start:
                    found[id(a)] = a
        return list(found.values())

    def line_annotations(self, position: int, start: int, end: int) -> list[Annotation]:
        """``annotations_over(start, end)`` for ``[start, end)`` the extent of the line at
        ``position`` in reading order: that line's slot of the index, with no search for the
        lines the extent touches (asked of every line of an article's head)."""
        held = self._line_index()[position] if start < end else None
        if held is None:
            return []
        return [a for a in (held if type(held) is list else (held,)) if a.start < end and a.end > start]

    def segments(self) -> list[Segment]:
        """Resolve annotations into non-overlapping segments over non-whitespace text."""
        if self._labels is None:
            self._labels = resolve(self.text, self.annotations, self.block_starts(), self.block_ends())
        return self._labels

    def is_unclaimed(self, start: int, end: int) -> bool:
        """True when no annotation other than ``main`` touches [start, end)."""
        return all(a.label == MAIN for a in self.annotations_over(start, end))


#: Line ends other than LF, each rewritten as one LF for splitting (CR LF keeps its CR,
#: which a line's trimming drops): CR alone, the line and paragraph separators.
LINE_END = re.compile(r"\r(?!\n)|[\u2028\u2029]")


def unified_line_ends(text: str) -> str:
    """``text`` with every line end an LF, offsets unchanged (one character for one)."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return LINE_END.sub("\n", text)
    return text


def split_blocks(text: str) -> list[Block]:
    """Blocks are runs of non-blank lines; the blank lines between them are kept as a count.

    A block's lines are a tuple and its lines share the block's index object: on a page
    of one-line paragraphs these objects are most of a document's memory."""
    text = unified_line_ends(text)
    blocks: list[Block] = []
    current: list[Line] = []
    blank = 0
    offset = 0
    blanks = indented = 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(_block(current, index, gap))
                current = []
                blank = 0
            blank += 1
            blanks += 1
            indented += " " in line or "\t" in line  # not a CR LF's CR, not a lone no-break space
        else:
            if not current:
                gap = blank if blocks else 0
                index = len(blocks)
            start = offset + len(line) - len(line.lstrip())
            current.append(Line(start, start + len(stripped), number, index))
        offset += len(line) + 1
    if current:
        blocks.append(_block(current, index, gap))
    if _unmarked(blocks) or _markup_spaced(blocks, blanks, indented):
        return [_block([Line(line.start, line.end, line.index, k)], k, 0)
                for k, line in enumerate(line for block in blocks for line in block.lines)]
    if _doubled(blocks):
        return _undoubled(blocks)
    return blocks


UNMARKED_LINES = 20   # a text of this many lines or more ...
UNMARKED_SHARE = 50   # ... with no more than one block and another for each this many lines marks no paragraphs


def _unmarked(blocks: list[Block]) -> bool:
    """True when the text marks no paragraphs: a scraper that joined its paragraphs,
    headings and menu items with single line breaks leaves one block of the whole page
    (or a few), and then each line is a block of its own. Read as one block, a page's
    menus, article and footer would be one paragraph to every stage. Converters that
    mark paragraphs print far fewer lines a block, even around a mega-menu of hundreds
    of lines (at most about 30 on the WCXB and Dragnet pages), and their blocks are
    kept: a menu's block is evidence that its lines go together."""
    lines = sum(len(block.lines) for block in blocks)
    return lines >= UNMARKED_LINES and len(blocks) <= 1 + lines // UNMARKED_SHARE


MARKUP_SHARE = 0.5  # a text of UNMARKED_LINES lines or more whose blank lines are this share indentation ...
MARKUP_WIDE = 0.2   # ... and this share of its gaps two blank lines or wider


def _markup_spaced(blocks: list[Block], blanks: int, indented: int) -> bool:
    """True when the text's blank lines are mostly indentation: the text nodes of a page
    as lxml's ``text_content()`` or BeautifulSoup's ``get_text()`` leave them, the page
    source's own line breaks and indentation between the tags. Its gaps are the markup's
    nesting, not paragraphs (a menu item and the article's first paragraph may stand ten
    blank lines apart, a comment's name and its text three), so each line is read as a
    block of its own, as in a text that marks no paragraphs. Converters that write
    paragraphs leave empty blank lines (on the WCXB pages, under 4% of them indented on
    nine pages in ten; more than half on none of resiliparse's, html2text's or
    ``html2txt``'s texts). A text whose paragraphs are one indented blank line apart,
    as an editor may leave them, marks its paragraphs that way: the markup's gaps are
    as often wide as not (two blank lines or more in four gaps of five on the median
    WCXB page's ``text_content``)."""
    lines = sum(len(block.lines) for block in blocks)
    if lines < UNMARKED_LINES or indented <= MARKUP_SHARE * blanks:
        return False
    return sum(block.gap_before >= 2 for block in blocks[1:]) >= MARKUP_WIDE * (len(blocks) - 1)


DOUBLED_SHARE = 0.05  # ... and this share of its gaps three blank lines or wider doubles its line breaks


def _doubled(blocks: list[Block]) -> bool:
    """True when the text doubles every line break: each block is one line, one blank line
    stands between the lines of a paragraph and wider gaps between paragraphs (a converter
    that writes a blank line after every line it copies). A page whose blocks are all one
    line apart marks its paragraphs that way and is left alone, as is one with a gap of two
    blank lines, which doubling never makes."""
    if len(blocks) < UNMARKED_LINES or any(len(block.lines) > 1 for block in blocks):
        return False
    gaps = [block.gap_before for block in blocks[1:]]
    wide = sum(gap >= 3 for gap in gaps)
    # doubling turns n blank lines into 2n + 1: every gap is odd (a page of one-line
    # paragraphs that sets its sections apart by two blank lines is not doubled)
    return all(gap % 2 for gap in gaps) and wide >= max(2, DOUBLED_SHARE * len(gaps))


def _undoubled(blocks: list[Block]) -> list[Block]:
    """The blocks of a text that doubles its line breaks: lines one blank line apart share a
    block, and a gap of ``2n + 1`` blank lines is read as ``n``."""
    out: list[Block] = []
    run: list[Line] = []
    gap = 0
    for block in blocks:
        if run and block.gap_before != 1:
            out.append(_block(run, len(out), gap))
            run, gap = [], max(1, (block.gap_before - 1) // 2)
        line = block.lines[0]
        run.append(Line(line.start, line.end, line.index, len(out)))
    if run:
        out.append(_block(run, len(out), gap))
    return out


def _block(lines: list[Line], index: int, gap: int) -> Block:
    return Block(lines[0].start, lines[-1].end, index, tuple(lines), gap)


def resolve(text: str, annotations: list[Annotation], block_starts: Sequence[int],
            block_ends: Sequence[int]) -> list[Segment]:
    """Partition the non-whitespace text by the strongest, latest annotation.

    Segments never cross a blank line and start and end on visible characters,
    so a segment is always something a reader can point at. The engine does the
    cutting (every page ends here, once per piece of every block); neighbours
    with the same label, category and rule merge within a paragraph.
    """
    # each annotation's claim (label, category, rule) by its number in ``keys``: a page of
    # many removed lines has few claims, and a tuple for each annotation was a fifth of
    # the document's memory while it resolved
    keys: dict[tuple, int] = {(MAIN, None, None): 0}
    key_of = [keys.setdefault((a.label, a.category, a.rule), len(keys)) for a in annotations]
    arrays = ([a.start for a in annotations], [a.end for a in annotations],
              [_STRENGTH[a.label] for a in annotations], key_of, block_starts, block_ends)
    try:
        packed = _core.resolve(text, *arrays)
    except UnicodeEncodeError:  # a lone surrogate: visible, as U+FFFD is (offsets unchanged)
        from .visible import scalar
        packed = _core.resolve(scalar(text), *arrays)
    del arrays
    # the engine's numbers as packed integers, each made an int only for its segment
    starts, ends, owners = (memoryview(numbers).cast("q") for numbers in packed)
    claims = list(keys)  # in the order of their numbers
    return [Segment(start, end, *claims[key_of[owner]]) if owner >= 0 else Segment(start, end, MAIN, None, None)
            for start, end, owner in zip(starts, ends, owners)]
