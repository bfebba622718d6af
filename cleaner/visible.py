"""The text the stages read: invisible characters out, every line end a newline, wrapped paragraphs one line.

A lone surrogate (text that came in as broken UTF-16) reads as U+FFFD, one
character for one: it is not a character the engine or a JSON writer can take.

Converters and editors leave characters a reader never sees: zero-width spaces
and joiners, soft hyphens, byte-order marks, and bidirectional controls (LRM,
RLM, the isolates) around names and at line ends. Inside a word they break the
patterns that read it ("Re\u200bply" is not "Reply"); at a line end they keep a
menu line from looking like one. Line ends come as CR, CR LF, U+2028 and U+2029
too. So the stages read a *view* of the text: invisible characters deleted,
every line end a newline. A text hard-wrapped at a width (:mod:`cleaner.wrapping`)
has its wrapping line ends read as spaces, and so has a text printed a text node
a line where a link broke a sentence (:mod:`cleaner.fragments`), so that a
paragraph is one line to the stages as on the converters' text. Offsets still
point into the input: whatever the stages annotated in the view is mapped back
before the result is built.
"""
from __future__ import annotations

import bisect

from .document import BOILERPLATE, Comment, Document, Flag, unified_line_ends
from .fragments import fragment_breaks
from .link_numbers import NUMBER_RULE, Removal, link_numbers
from .patterns import lazy, settle
from .wrapping import dump_wraps, unwrapped

#: Characters the view drops: zero-width space, non-joiner and joiner, word joiner,
#: byte-order mark, soft hyphen, and the bidirectional marks, embeddings and isolates.
INVISIBLE = "\u200b-\u200f\u2060\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069"
_INVISIBLE = lazy(f"[{INVISIBLE}]+")
_SURROGATE = lazy("[\ud800-\udfff]")
_OFFSET_HINTS = ("comments_start", "trusted")  # hints that are offsets into the text


class Positions:
    """Where the view's characters sit in the input. The view is the input with some
    runs cut out, so an offset maps through the pieces kept: memory by cuts, not by
    characters."""

    def __init__(self, cuts: list[tuple[int, int]], removed: list[Removal] | None = None, text: str = ""):
        #: spans cut out that the output names as boilerplate (input offsets): see
        #: :mod:`cleaner.link_numbers`
        self.removed = removed or []
        self.text = text  # the input (line ends read as the view reads them), or "" to map offsets alone
        self.cuts = cuts
        self.view_starts = [0]  # where each kept piece starts, in the view ...
        self.raw_starts = [0]   # ... and in the input
        removed = 0
        for a, b in cuts:
            removed += b - a
            self.view_starts.append(b - removed)
            self.raw_starts.append(b)

    def raw(self, i: int) -> int:
        """The input offset of the view's character ``i`` (or of the end of the text)."""
        k = bisect.bisect_right(self.view_starts, i) - 1
        return self.raw_starts[k] + i - self.view_starts[k]

    def start(self, i: int) -> int:
        """Where a span starting at view offset ``i`` starts in the input: just past the
        character before it, so that what was cut in between (an isolate before a name)
        goes with the span; and back over what was cut before the line's leading spaces
        (a byte-order mark, then " Title")."""
        start = 0 if i == 0 else self.raw(i - 1) + 1
        return self._line_opening(start)

    def end(self, i: int) -> int:
        """Where a span ending at view offset ``i`` ends in the input: at the next character
        kept, so that what was cut in between (a bidi mark at a line end) goes with it; and
        past what was cut after the line's trailing spaces ("coffee. \u200b"), which no other
        span of the line would take."""
        return self._line_closing(self.raw(i))

    def _line_opening(self, start: int) -> int:
        """The start of a cut that only spaces part from ``start`` and that opens its line."""
        text, j = self.text, start
        if not text:
            return start
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = bisect.bisect_left(self.cuts, (j, -1)) - 1   # the last cut that starts before j
        if j == start or k < 0 or self.cuts[k][1] != j:
            return start
        before = rest = self.cuts[k][0]
        while rest > 0 and text[rest - 1] in " \t\r":
            rest -= 1
        return before if rest == 0 or text[rest - 1] == "\n" else start

    def _line_closing(self, end: int) -> int:
        """The end of a cut that only spaces part from ``end`` and that closes its line."""
        text, j = self.text, end
        if not text:
            return end
        while j < len(text) and text[j] in " \t":
            j += 1
        k = bisect.bisect_right(self.cuts, (j, len(text) + 1)) - 1   # the last cut that starts at j or before
        if j == end or k < 0 or self.cuts[k][0] != j:
            return end
        after = rest = self.cuts[k][1]
        while rest < len(text) and text[rest] in " \t\r":
            rest += 1
        return after if rest == len(text) or text[rest] == "\n" else end

    def seen(self, raw: int) -> int:
        """The view offset of input offset ``raw``; a character cut out maps to the next one kept."""
        k = bisect.bisect_right(self.raw_starts, raw) - 1
        at = self.view_starts[k] + raw - self.raw_starts[k]
        return min(at, self.view_starts[k + 1]) if k + 1 < len(self.view_starts) else at


class _Same:
    """Offsets of a view that only rewrote line ends, one character for one."""

    @staticmethod
    def start(i: int) -> int:
        return i

    end = start


def view(doc: Document) -> tuple[Document, Positions | None]:
    """The document the stages read, and where its characters sit in the input (None
    when no character was cut out)."""
    text = doc.text
    plain = text.isascii() and "\r" not in text
    shown = text if plain else unified_line_ends(scalar(text))
    cuts = [] if plain or not _INVISIBLE.search(shown) else _cuts(shown)
    # an HTML extractor's text (``clean_html``) keeps a sentence whole: its code lines are what
    # would go on a sentence with punctuation there
    removed, breaks = _layout(shown, cuts, fragments=doc.hints.get("input") != "html")
    if removed:
        cuts = _merged(cuts + [(a, b) for a, b, _, _ in removed])
    read = shown  # the input as the view reads its line ends: where a span's line ends
    if breaks:
        shown, spaces = unwrapped(shown, breaks)
        cuts = _merged(cuts + spaces)  # a break inside a cut span (a reference list)
    if not cuts:
        return (doc, None) if shown == text else (_like(doc, shown), None)
    positions = Positions(cuts, removed, read)
    seen = _like(doc, _kept(shown, cuts))
    for key in _OFFSET_HINTS:  # an extractor's offsets, into the view
        value = seen.hints.get(key)
        if isinstance(value, int):
            seen.hints[key] = positions.seen(value)
        elif isinstance(value, tuple):
            seen.hints[key] = tuple(positions.seen(v) for v in value)
    return seen, positions


def _layout(shown: str, cuts: list[tuple[int, int]], fragments: bool) -> tuple[list[Removal], list[int]]:
    """A browser dump's link numbers (:mod:`cleaner.link_numbers`) and the line ends inside
    a paragraph (:func:`_breaks`), read as a reader sees the text: without the invisible
    characters ``cuts`` takes out ("[1\u200b2]" is a link number, a bidi mark makes no line
    longer). Offsets are ``shown``'s."""
    if not cuts:
        removed = link_numbers(shown)
        return removed, _breaks(shown, removed, fragments)
    visible, at = _kept(shown, cuts), Positions(cuts)
    numbers = link_numbers(visible)
    removed = [(at.raw(a), at.raw(b - 1) + 1, category, rule) for a, b, category, rule in numbers]
    return removed, [at.raw(k) for k in _breaks(visible, numbers, fragments)]


def _breaks(text: str, removed: list[Removal], fragments: bool) -> list[int]:
    """The line ends inside a paragraph: where it was wrapped at a width, or (with
    ``fragments``) where a sentence was broken at its links (a text node a line)."""
    wraps = dump_wraps(text, removed)
    broken = fragment_breaks(text) if fragments else []
    return sorted(set(wraps) | set(broken)) if wraps and broken else wraps or broken


def _kept(text: str, cuts: list[tuple[int, int]]) -> str:
    """``text`` without the spans ``cuts`` takes out."""
    return "".join(outside(text, cuts))


def outside(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of ``text`` before, between and after ``spans`` (in order, not overlapping)."""
    pieces, pos = [], 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    return pieces


def scalar(text: str) -> str:
    """``text`` with every lone surrogate read as U+FFFD (offsets unchanged)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def restore(seen: Document, original: Document, positions: Positions | None) -> Document:
    """What the stages decided on ``seen``, on the input's own text and offsets."""
    if seen is original:
        return seen
    at = positions or _Same
    start, end = at.start, at.end
    hints = {**seen.hints, **{k: original.hints[k] for k in _OFFSET_HINTS if k in original.hints}}
    doc = Document(original.text, id=original.id, meta=seen.meta, hints=hints, language=seen.language)
    removed = getattr(positions, "removed", ())
    numbers = [r for r in removed if r[3] == NUMBER_RULE]
    # a link number goes with the line a stage removed (among equals the later claim wins);
    # the page's own link lists keep their rule over whatever spans them
    doc.annotate_all(((a, b, category, rule) for a, b, category, rule in numbers), BOILERPLATE)
    for a in seen.annotations:
        doc.annotate(start(a.start), end(a.end), a.label, a.category, a.rule)
    doc.annotate_all(((a, b, category, rule) for a, b, category, rule in removed if rule != NUMBER_RULE),
                     BOILERPLATE)
    doc.comments = [Comment(start(c.start), end(c.end), c.author, c.reply_to, c.edited, c.posted)
                    for c in seen.comments]
    doc.flags = [Flag(start(f.start), end(f.end), f.lang, f.confidence, f.section) for f in seen.flags]
    if seen.flat_discussion is not None:
        doc.flat_discussion = (start(seen.flat_discussion[0]), end(seen.flat_discussion[1]))
    if seen.discussion is not None:
        first, last = seen.block_starts()[seen.discussion[0]], seen.block_ends()[seen.discussion[1]]
        doc.discussion = _blocks_over(doc, start(first), end(last))
        if seen.discussion_lead is not None:
            doc.discussion_lead = start(seen.discussion_lead)
    return doc


def _merged(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``cuts`` in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(cuts):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _cuts(text: str) -> list[tuple[int, int]]:
    """The runs of invisible characters to cut, line by line. A line they make up alone
    stays for the rules to name (what a page builder left in an empty paragraph):
    cutting it would leave its characters in no segment."""
    cuts: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _INVISIBLE.search(line) and _INVISIBLE.sub("", line).strip():
            cuts.extend((pos + m.start(), pos + m.end()) for m in _INVISIBLE.finditer(line))
        pos += len(line) + 1
    return cuts


def _like(doc: Document, text: str) -> Document:
    return Document(text, id=doc.id, meta=dict(doc.meta), hints=dict(doc.hints))


def _blocks_over(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The first and last blocks of ``doc`` that the span [start, end) touches."""
    starts = [b.start for b in doc.blocks]
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = max(bisect.bisect_left(starts, end) - 1, first)
    return first, last


settle(globals())
