"""Reading every line of the page for comment markers (:func:`classify`).

Turns the page's lines into :class:`~.units.Unit` s: each line is parsed for a
marker (:mod:`cleaner.markers`), lines the rules already removed are set aside,
a bare name line becomes an author line when the page repeats it or a date
follows it, list items of a thread become headers (:mod:`.threads`), and every
header learns whether a comment body sits beside it (``paired``): after it,
or before it on pages whose headers follow the comment. Change this file when
a header is read wrongly; change :mod:`cleaner.markers` when its text is.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from ... import markers
from ...document import BOILERPLATE, METADATA, Block, Document, Line
from ...render import normalise, normalise_all
from .threads import _ITEM_LINES, _list_items, _may_thread
from .units import HEADERS, MIN_PAIRS, Unit, _is_name, _leads_its_line, _lowercase_words, _text, _Vocabulary
from .voice import _body_like, _reader_voice


def classify(doc: Document, blocks: list[Block] | None = None,
             hopeless: Callable[[list[list[Unit]], bool], bool] | None = None) -> list[list[Unit]] | None:
    """The units of every block: marker lines, claimed lines, content lines.

    ``hopeless``: a test of the units (and whether headers know their bodies yet) that
    says no discussion can be found among them. When it holds, None is returned as soon
    as that is certain: after the markers are read when no threaded list can follow
    (:func:`.threads._may_thread`), else after the lists are read, or once headers are
    paired with their bodies. The first test is made on the lines that carry a marker or
    a claim alone (a content line says nothing to it), before a unit is made for every
    line: most pages are given up there, and on a page of many short lines the units
    were most of the stage's memory."""
    read = doc.blocks if blocks is None else blocks
    reading = _Reading(doc, read)
    unmarked = hopeless is not None and hopeless([list(reading.marked.values())], False)
    if unmarked and reading.items() < MIN_PAIRS:
        return None  # no threaded list either: it needs two list items that talk
    if unmarked and not _may_thread(doc, *reading.unclaimed()):
        return None
    units, shown = reading.units(read), reading.shown
    repeated = _repeated(doc, blocks, shown)
    vocabulary = _lowercase_words(doc)
    _read_names(doc, units, repeated, vocabulary)
    _list_items(doc, units, vocabulary)
    if hopeless is not None and hopeless(units, False):
        return None
    _pair(doc, [u for us in units for u in us], {markers.display(t) for t in repeated}, vocabulary)
    if hopeless is not None and hopeless(units, True):
        return None
    return units


READ_BATCH = 4096  # lines displayed and read for markers in one call: few calls, the calls' memory bounded


class _Reading:
    """Every line of ``blocks`` read for a marker, ``READ_BATCH`` lines at a time: its
    display text (``shown``) and the unit of each line that carries a marker or a claim
    (``marked``, by position). The lines are displayed, and told from those that may hold
    a marker, in one call a batch."""

    def __init__(self, doc: Document, blocks: list[Block]):
        self.doc = doc
        self.lines = [line for block in blocks for line in block.lines]
        self.shown: list[str] = []
        self.marked: dict[int, Unit] = {}
        self.led: dict[int, Unit] = {}  # the comment's text on a line a header leads (the header is marked)
        local, claimed = _local_markers(doc), _claimed_spans(doc)
        for k in range(0, len(self.lines), READ_BATCH):
            self._read(self.lines[k:k + READ_BATCH], local, claimed)

    def _read(self, lines: list[Line], local: markers.LocalMarkers | None, claimed: dict[int, str]) -> None:
        doc, base, text = self.doc, len(self.shown), self.doc.text
        raw = [text[line.start:line.end] for line in lines]
        shown = normalise_all(raw)
        short = [k for k, line in enumerate(lines) if line.end - line.start <= 4 * markers.MAX_LINE]
        found = {short[i]: marker for i, marker in markers.parse_all([shown[k] for k in short], local).items()}
        if claimed:
            found.update((k, None) for k, line in enumerate(lines) if line.index in claimed and k not in found)
        for k in sorted(found):
            line = lines[k]
            self.marked[base + k] = _unit(doc, line, found[k], claimed.get(line.index), shown[k])
        rest = [k for k in range(len(lines)) if k not in found]
        for i, (marker, body) in markers.led_headers([shown[k] for k in rest]).items():
            k = rest[i]
            if (split := _led(lines[k], raw[k], marker, body)) is not None:
                self.marked[base + k], self.led[base + k] = split
        self.shown.extend(shown)

    def items(self) -> int:
        """How many lines may be a list item that holds a name (every item of a threaded list is)."""
        shown = self.shown
        return sum(len(_ITEM_LINES.passing(shown[k:k + READ_BATCH])) for k in range(0, len(shown), READ_BATCH))

    def unclaimed(self) -> tuple[_Units, list[str]]:
        """The units of the lines no boilerplate or metadata claims, each made when first
        asked for (a page without a thread asks for a few), and their display text."""
        claimed = {k for k, unit in self.marked.items() if unit.kind == "claimed"}
        keep = [k for k in range(len(self.shown)) if k not in claimed] if claimed else range(len(self.shown))
        return _Units(self, keep), [self.shown[k] for k in keep] if claimed else self.shown

    def unit(self, k: int) -> Unit:
        """The unit of line ``k``: the marker's or the claim's, else a content line."""
        unit = self.marked.get(k)
        return Unit(self.lines[k], "content", None, False, "", None, self.shown[k]) if unit is None else unit

    def units(self, blocks: list[Block]) -> list[list[Unit]]:
        """The units of every block: those of ``marked``, the others content."""
        units = [Unit(line, "content", None, False, "", None, text) for line, text in zip(self.lines, self.shown)]
        for k, unit in self.marked.items():
            units[k] = unit
        out, k = [], 0
        for block in blocks:
            out.append(units[k:k + len(block.lines)])
            if self.led:  # the comment's text after the header that leads its line
                out[-1] = [u for j, head in enumerate(out[-1], k)
                           for u in ((head, self.led[j]) if j in self.led else (head,))]
            k += len(block.lines)
        return out


class _Units:
    """Units of some lines of a reading, made when asked for: ``units[i]`` is the unit of
    line ``keep[i]``."""

    __slots__ = ("reading", "keep")

    def __init__(self, reading: _Reading, keep: Sequence[int]):
        self.reading, self.keep = reading, keep

    def __len__(self) -> int:
        return len(self.keep)

    def __getitem__(self, i: int) -> Unit:
        if not -len(self.keep) <= i < len(self.keep):
            raise IndexError(i)
        return self.reading.unit(self.keep[i])


def _repeated(doc: Document, blocks: list[Block] | None, shown: list[str]) -> set[str]:
    """The short lines the page repeats (anywhere), as displayed: ``shown`` is the display
    text of the lines of ``blocks`` (all the page's lines when None). Counted once the page
    may hold a discussion: most pages are given up before names are read."""
    if blocks is None:
        return _repeated_short_lines([line for block in doc.blocks for line in block.lines], shown)
    lines = list(doc.lines())
    return _repeated_short_lines(lines, normalise_all([doc.slice(line.start, line.end) for line in lines]))


# Claimed lines that are never a comment's header, whatever they read like: an embedded
# post's signature ("— NAME (@handle) DATE") names the post's author, not a reader's.
_NO_HEADERS = frozenset({"social_embed"})


def _led(line: Line, raw: str, marker: markers.Marker, body: str) -> tuple[Unit, Unit] | None:
    """A line a comment header leads, as two units: the header, and the comment's text
    from where its first words stand in the line (None when they cannot be found there)."""
    at = raw.find(" ".join(body.split()[:3]))
    head = len(raw[:at].rstrip()) if at > 0 else 0
    if head == 0:
        return None
    header = Line(line.start, line.start + head, line.index, line.block)
    text = Line(line.start + at, line.end, line.index, line.block)
    return (Unit(header, "says", marker, text=raw[:head], shown=normalise(raw[:head])),
            Unit(text, "content", shown=normalise(raw[at:])))


def _unit(doc: Document, line: Line, marker: markers.Marker | None, state: str | None, shown: str | None) -> Unit:
    """A line with its marker: ``state`` is the category of the boilerplate or metadata that
    claims the line, if any; markers of the discussion's edges stay on claimed lines, and
    headers too, but on lines of the categories in ``_NO_HEADERS``."""
    if state is not None and (marker is None or marker.kind in ("chrome", "heading", "form", "none")
                              or state in _NO_HEADERS):
        raw = doc.slice(line.start, line.end) if marker is not None else ""
        return Unit(line, "claimed_meta" if state == "comment_meta" else "claimed", marker, text=raw, shown=shown)
    if marker is not None:
        return Unit(line, marker.kind, marker, text=doc.slice(line.start, line.end), shown=shown)
    return Unit(line, "content", shown=shown)


def _read_names(doc: Document, out: list[list[Unit]], repeated: set[str], vocabulary: _Vocabulary) -> None:
    """A name line is an author line when the page repeats it or a date follows it; a
    name inside a long block is a menu item, not an author."""
    flat = [(len(units), j, u) for units in out for j, u in enumerate(units)]
    shaped = markers.may_be_names([u.shown if u.shown is not None else _text(doc, u) for _, _, u in flat])  # the others are no names
    for k in sorted(shaped):
        size, j, unit = flat[k]
        if unit.kind != "content" or k + 1 >= len(flat):
            continue
        following = flat[k + 1][2]
        dated = following.kind == "date" or (following.kind == "says" and following.marker.name is None)
        if (size > 3 or j > 0) and not dated:
            continue  # a name heads its block; one inside a list or a paragraph is not an author line
        if _named_header_before(flat, k) and not dated:
            continue  # "Fernie says: / DATE / Buckwheat": a one-word comment under a header that named its author
        text = _text(doc, unit)
        if _is_name(text, text in repeated or dated, vocabulary):
            name = markers.display(text)
            import regex
            if name.endswith(".") and not regex.search(r"\s\p{Lu}\.$", name):
                name = name[:-1]
            unit.kind, unit.marker = "author", markers.Marker("author", name)


def _local_markers(doc: Document) -> markers.LocalMarkers | None:
    """The page language's comment markers (none for English or an unknown language)."""
    from ...language.page import page_language
    return markers.local_markers(page_language(doc))


def _named_header_before(flat: list[tuple[int, int, Unit]], k: int) -> bool:
    """The lines just before unit ``k`` are a header that named its author and runs on to
    a line of its own for the date ("Fernie says: / November 10, 2012"): what follows is
    its comment. A one-line header with its date ("Posted by: X | DATE") may close the
    comment before it, on pages whose headers follow the text, and is not counted."""
    for _, _, unit in reversed(flat[max(0, k - 3):k]):
        if unit.kind == "says" and unit.marker.name:
            return unit.marker.when is None
        if unit.kind not in ("date", "claimed_meta", "chrome"):
            return False
    return False


def _pair(doc: Document, flat: list[Unit], repeated: set[str], vocabulary: _Vocabulary) -> None:
    """Mark the headers that have a comment body right after them (past the date or reply
    line of the same header), or right before them on pages whose headers follow the text."""
    flat, page = [u for u in flat if u.kind != "claimed"], doc.text

    def body(k: int) -> bool:
        # a comment may open with a short line ("Would I own him…Yes"): read it with the rest of its block
        u = flat[k]
        if u.kind != "content":
            return False
        alone = k + 1 == len(flat) or flat[k + 1].line.block != u.line.block or flat[k + 1].kind != "content"
        return _body_like(page[u.line.start:u.line.end if alone else flat[k + 1].line.end])

    for k, unit in enumerate(flat):
        if unit.kind not in HEADERS:
            continue
        if unit.item is not None:
            unit.paired = True  # an item of a thread (read by _list_items)
            continue
        if k + 1 < len(flat) and _leads_its_line(unit, flat[k + 1]):
            unit.paired = True  # the header leads its line, the comment's text after it (``_led``)
            continue
        j = k + 1
        while j < len(flat) and j <= k + 3 and flat[j].kind in ("date", "reply", "chrome", "claimed_meta", "says") \
                and not (flat[j].kind == "says" and flat[j].marker.name):
            j += 1
        if unit.kind == "date" and j + 1 < len(flat) and flat[j].kind == "content" and body(j + 1) \
                and _is_name(name := _text(doc, flat[j]), True, vocabulary):
            # "DATE / NAME / text": the name under the date is the author
            flat[j].kind, flat[j].marker = "author", markers.Marker("author", markers.display(name))
            j += 1
        after = j < len(flat) and body(j)
        # a bare date that closes the comment before it is followed by the next header or
        # the next comment (perhaps under its author's name), not by lines of titles ("DATE
        # / Event name / Place / text" is a listing whose date heads the item after it)
        leads = unit.kind == "date" and j + 1 < len(flat) and not after and all(
            flat[i].kind in ("content", "author") and not body(i) for i in (j, j + 1))
        before = k > 0 and body(k - 1) and not leads
        if unit.kind == "author":
            # a bare name is the weakest header: it comes before its comment, and either the
            # page repeats it (a regular) or the comment sounds like a reader
            after = after and (unit.marker.name in repeated or _reader_voice(_text(doc, flat[j])))
            before = False
        unit.paired = after or before


def _claimed_spans(doc: Document) -> dict[int, str]:
    """Lines fully covered by boilerplate or metadata, with the category that claims them."""
    lines = list(doc.lines())
    starts = [ln.start for ln in lines]
    out: dict[int, str] = {}
    for a in doc.annotations:
        if a.label not in (BOILERPLATE, METADATA):
            continue
        k = max(0, bisect_right(starts, a.start) - 1)
        while k < len(lines) and lines[k].start < a.end:
            line = lines[k]
            if a.start <= line.start and a.end >= line.end:
                if out.get(line.index) != "comment_meta":
                    out[line.index] = a.category or ""
            elif a.start < line.end and a.end > line.start and _fully_claimed(doc, line):
                out.setdefault(line.index, a.category or "")
            k += 1
    return out


def _repeated_short_lines(lines: list[Line], shown: list[str]) -> set[str]:
    """The short lines (as displayed) that the page has twice or more: ``lines`` are all
    its lines, ``shown`` their display text."""
    counts = Counter(text for line, text in zip(lines, shown) if line.end - line.start <= 40)
    return {text for text, n in counts.items() if n >= 2}


def _fully_claimed(doc: Document, block: Block | Line) -> bool:
    """True when boilerplate or metadata annotations leave nothing visible in the block."""
    spans = sorted((max(a.start, block.start), min(a.end, block.end)) for a in doc.annotations
                   if a.label in (BOILERPLATE, METADATA) and a.start < block.end and a.end > block.start)
    pos = block.start
    for start, end in spans:
        if doc.slice(pos, start).strip():
            return False
        pos = max(pos, end)
    return not doc.slice(pos, block.end).strip()
