"""Find the reader discussion and split it into comments.

The discussion is found as a whole, not line by line: every block gets a score
for how much it reads like a comment (markers, a change of layout, the voice
of a reader) against how much it reads like the article, and the section is
the run of blocks with the highest total, after the start of the article.
Nothing has to announce it.
"""
from __future__ import annotations

from collections import Counter
from statistics import median

import regex

from .. import markers
from ..document import BOILERPLATE, COMMENT, METADATA, Block, Comment, Document, Line
from ..render import normalise

MIN_SECTION_SCORE = 3.0   # total evidence a discussion needs
MIN_COMMENTS = 2          # content blocks a discussion needs
ARTICLE_SHARE = 0.2       # the discussion cannot start in the first fifth of the text
MIN_STRUCTURE = 2         # blocks with markers or a change of layout: voice alone is not a discussion
STRUCTURAL_SCORE = 2.0    # a block scoring this much carries a marker
END_PENALTY = 1.5         # evidence needed to end the discussion before the page ends
BIAS = -0.6               # a block is article unless something says otherwise

_WORD = regex.compile(r"[\p{L}\p{N}'’]+")
_PERSONAL = frozenset("i i'm i’m i've i’ve i'd i’d im me my mine you your you're you’re yours u ur we us lol imo imho btw".split())
_INFORMAL = regex.compile(r"!!|\?\?|\?!|\.\.\.|…|\b[A-Z]{4,}\b")
_REPORTING = regex.compile(r"\b(?:said|according to|told|reported|announced|stated)\b")


class CommentSection:
    """Marks the discussion region (blocks) as ``comment``; the splitter refines it."""

    name = "comments"

    def __call__(self, doc: Document) -> None:
        region = self._region(doc)
        if region is None:
            return
        first, last = region
        doc.discussion = (first, last)
        for block in doc.blocks[first:last + 1]:
            doc.annotate(block.start, block.end, COMMENT, None, "comments.section")

    def _region(self, doc: Document) -> tuple[int, int] | None:
        blocks = doc.blocks
        hinted = doc.hints.get("comments_start")
        if hinted is not None:
            first = next((b.index for b in blocks if b.start >= hinted), None)
            return (first, len(blocks) - 1) if first is not None else None
        scores = block_scores(doc)
        earliest = next((b.index for b in blocks if b.start >= ARTICLE_SHARE * len(doc.text)), len(blocks))
        best, span = _max_run(scores, earliest)
        if span is None or best < MIN_SECTION_SCORE:
            return None
        first, last = span
        region = blocks[first:last + 1]
        content = sum(1 for b in region if _has_content(doc, b) and not _marker(doc, b))
        structure = sum(1 for i, b in enumerate(region, first) if scores[i] >= STRUCTURAL_SCORE
                        or (b.gap_before >= 2 and typical_gap(blocks) <= 1))
        return span if content >= MIN_COMMENTS and structure >= MIN_STRUCTURE else None


def block_scores(doc: Document) -> list[float]:
    """Log-odds-like evidence per block: positive reads like a comment, negative like the article."""
    blocks = doc.blocks
    gap = typical_gap(blocks)
    repeated = _repeated_short_lines(doc)
    scores = []
    for i, block in enumerate(blocks):
        text = normalise(doc.slice(block.start, block.end))
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        scores.append(_score(doc, block, text, gap, repeated, following))
    return scores


def typical_gap(blocks: list[Block]) -> float:
    """Blank lines between the article's paragraphs, read from the first half of the page."""
    gaps = [b.gap_before for b in blocks[1:max(2, len(blocks) // 2)]]
    return median(gaps) if gaps else 1


def _score(doc: Document, block: Block, text: str, typical_gap: float,
           repeated: set[str], following: Block | None) -> float:
    if not _has_content(doc, block):
        claimed_meta = any(a.category == "comment_meta" for a in doc.annotations_over(block.start, block.end))
        return 2.5 if claimed_meta else 0.0
    if _marker(doc, block):
        return 2.5
    if len(block.lines) == 1 and following is not None and markers.looks_like_name(text, text in repeated):
        return 2.0
    score = BIAS
    if typical_gap <= 1 and block.gap_before >= 2:
        score += 1.2
    tokens = _WORD.findall(text)
    if not tokens:
        return 0.0
    words = [w.lower() for w in tokens]
    # "US" the country is not "us" the reader
    personal = sum(w.lower() in _PERSONAL and not (len(w) > 1 and w.isupper()) for w in tokens)
    if personal:
        score += 0.6 + min(1.0, 10 * personal / len(words))
    if text[0].islower():
        score += 0.8
    if len(words) >= 3 and text[-1] not in ".!?\"”’)":
        score += 0.6
    if _INFORMAL.search(text):
        score += 0.4
    if text.startswith("@"):
        score += 2.0
    if len(words) >= 60 and text[0].isupper() and text[-1] in ".!?\"”’" and not personal:
        score -= 1.2
    if _REPORTING.search(text):
        score -= 0.4
    return score


def _max_run(scores: list[float], earliest: int) -> tuple[float, tuple[int, int] | None]:
    """The contiguous run of blocks (starting at ``earliest`` or later) with the largest total.

    A discussion is usually the tail of the page, so a run that stops before the
    last block pays ``END_PENALTY``: the weak evidence of a last short reply
    ("Both are bad.") is not enough to hand it back to the article.
    """
    best, span = _best_inner_run(scores, earliest)
    best -= END_PENALTY
    suffix = 0.0
    for i in range(len(scores) - 1, earliest - 1, -1):
        suffix += scores[i]
        if suffix >= best and suffix > 0:
            best, span = suffix, (i, len(scores) - 1)
    return best, span


def _best_inner_run(scores: list[float], earliest: int) -> tuple[float, tuple[int, int] | None]:
    best, span = 0.0, None
    total, start = 0.0, earliest
    for i in range(earliest, len(scores)):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, span = total, (start, i)
    return best, span


def _repeated_short_lines(doc: Document) -> set[str]:
    counts = Counter(normalise(doc.slice(b.start, b.end)) for b in doc.blocks
                     if len(b.lines) == 1 and b.end - b.start <= 32)
    return {text for text, n in counts.items() if n >= 2}


def _has_content(doc: Document, block: Block) -> bool:
    return not _fully_claimed(doc, block)


def _fully_claimed(doc: Document, block: Block | Line) -> bool:
    """True when boilerplate or metadata annotations leave nothing visible in the block."""
    spans = sorted((max(a.start, block.start), min(a.end, block.end)) for a in doc.annotations_over(block.start, block.end)
                   if a.label in (BOILERPLATE, METADATA))
    pos = block.start
    for start, end in spans:
        if doc.slice(pos, start).strip():
            return False
        pos = max(pos, end)
    return not doc.slice(pos, block.end).strip()


def _marker(doc: Document, block: Block) -> markers.Marker | None:
    """The marker a block opens with: a marker line, or a name line over a date line."""
    first = normalise(doc.slice(block.lines[0].start, block.lines[0].end))
    if len(block.lines) == 1:
        return markers.parse(first)
    second = markers.parse(normalise(doc.slice(block.lines[1].start, block.lines[1].end)))
    if second and second.kind == "date" and markers.looks_like_name(first, repeated=True):
        return markers.Marker("says", first, second.when)
    return None


class CommentSplitter:
    """Splits the discussion into comments and turns marker lines into comment metadata.

    Works line by line inside the discussion, so a header printed in the same
    block as the text ("NAME / 2 days ago / text…") is handled like one on its own.
    In a layout with headers ("NAME says: DATE"), a comment runs from one header
    to the next; without them, every paragraph is a comment of its own.
    """

    name = "comment_parsing"

    def __call__(self, doc: Document) -> None:
        if doc.discussion is None:
            return
        first, last = doc.discussion
        blocks = doc.blocks[first:last + 1]
        repeated = _repeated_short_lines(doc)
        units = [(block, line, self._kind(doc, block, j, blocks, k, repeated))
                 for k, block in enumerate(blocks) for j, line in enumerate(block.lines)]
        headers = sum(kind[0] in ("says", "author") for _, _, kind in units)
        paragraphs = sum(1 for k, b in enumerate(blocks) if any(u[0] is b and u[2][0] == "content" for u in units))
        _Split(doc, headed=headers >= max(2, paragraphs // 2)).run(units)

    @staticmethod
    def _kind(doc: Document, block: Block, j: int, blocks: list[Block], k: int,
              repeated: set[str]) -> tuple[str, markers.Marker | None]:
        line = block.lines[j]
        if _fully_claimed(doc, line):
            return "chrome", None
        text = normalise(doc.slice(line.start, line.end))
        if marker := markers.parse(text):
            return marker.kind, marker
        has_next = j + 1 < len(block.lines) or k + 1 < len(blocks)
        if has_next and markers.looks_like_name(text, text in repeated or _date_follows(doc, block, j)):
            return "author", markers.Marker("author", text)
        return "content", None


def _date_follows(doc: Document, block: Block, j: int) -> bool:
    if j + 1 >= len(block.lines):
        return False
    nxt = block.lines[j + 1]
    marker = markers.parse(normalise(doc.slice(nxt.start, nxt.end)))
    return marker is not None and marker.kind == "date"


class _Split:
    """The state of one pass over the discussion: pending markers and the open comment."""

    def __init__(self, doc: Document, headed: bool):
        self.doc, self.headed = doc, headed
        self.author = self.reply_to = self.posted = None
        self.current: Comment | None = None
        self.authors: list[str] = []

    def run(self, units) -> None:
        previous_block = None
        for block, line, (kind, marker) in units:
            if kind == "chrome":
                continue
            if kind == "content":
                self._content(line, new_block=block is not previous_block)
                previous_block = block
                continue
            self.doc.annotate(line.start, line.end, BOILERPLATE, "comment_meta", f"comments.{kind}")
            self._marker(kind, marker)
            previous_block = None

    def _content(self, line, new_block: bool) -> None:
        pending = self.author or self.reply_to or self.posted
        if self.current is not None and not pending and (not new_block or self.headed):
            self.current.end = line.end  # more of the same comment
            return
        text = normalise(self.doc.slice(line.start, line.end))
        self.current = Comment(line.start, line.end, author=self.author, posted=self.posted,
                               reply_to=self.reply_to or self._inline_reply(text))
        self.doc.comments.append(self.current)
        if self.author:
            self.authors.append(self.author)
        self.author = self.reply_to = self.posted = None

    def _marker(self, kind: str, marker: markers.Marker) -> None:
        if kind == "edited" and self.current is not None:
            self.current.edited = marker.when
            self.current.author = self.current.author or marker.name
        elif kind in ("author", "says"):
            self.author, self.posted, self.current = marker.name, marker.when, None
        elif kind == "reply":
            self.reply_to = marker.name
        elif kind == "date":
            self.posted = marker.when

    def _inline_reply(self, text: str) -> str | None:
        """"@Mike R. same here": the longest known author the mention starts with, else its first word."""
        if not text.startswith("@"):
            return None
        known = [a for a in self.authors if text[1:].startswith(a)]
        return max(known, key=len) if known else markers.inline_reply(text)
