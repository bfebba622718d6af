"""Where the article's head and tail are, from what the earlier stages decided.

The article is a contiguous region of prose (the structure stage keeps it and
removes the chrome around it); its title, byline and dateline stand just
before its first paragraph, sometimes among lines the structure stage took for
chrome (a headline looks like a menu item on its own). So the head is not "the
first lines of the text" but the lines before the article's first paragraph of
prose that no rule, comment or chrome-free stage claimed, and the tail the
lines after its last one.
"""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from ..document import MAIN, Block, Document, Line
from ..patterns import budget, lazy
from ..render import normalise_spans
from ..sentences import is_prose

# The structure stage's cut of markdown inside a line it kept (a link's target, "**" around
# bold words): the line is still the article's, not claimed by a rule.
INLINE_MARKUP = "structure.markup"
HEAD_LINES = 60      # lines before the article's first paragraph where its head may stand
INTO_ARTICLE = 6     # short lines after the first paragraph a byline may still be on
TAIL_LINES = 15      # lines after the article's last paragraph where a closing byline may stand
DATE_TAIL_LINES = 60  # ... and a labelled date ("Published" / "Feb 2, 2023"), past footnotes and author boxes
FALLBACK_BLOCKS = 8  # no paragraph of prose: the head is this many blocks

_LOWER = lazy(r"\p{Ll}+")


class LowerWords:
    """``word in page.lower_words``: whether the page writes ``word`` in lower case, as a whole
    word. Asked of a few words of a few candidate names, so each is looked up in the text
    when asked rather than the page's every word collected up front."""

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self.known:
            import regex
            self.known[word] = bool(_LOWER.fullmatch(word, timeout=budget(word))) and regex.search(
                rf"(?<![\p{{L}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{N}}])", self.text,
                timeout=budget(self.text, 1.0)) is not None
        return self.known[word]


def text_key(text: str) -> str:
    """``text`` casefolded, its spaces folded: two lines printed the same."""
    return " ".join(text.casefold().split())


@dataclass
class Page:
    """The lines of a document (outside its discussion) and where the article is among them."""

    doc: Document
    lines: list[Line]
    texts: list[str]           # each line's display text
    first: int | None          # position in ``lines`` of the article's first prose line
    last: int | None           # ... and of its last
    prose: Container[int]      # positions of the lines in blocks of prose (the article's text)
    # each line's position among the document's lines in reading order; None: the same as here
    order: list[int] | None = None
    # each line's claims, asked again and again of the head's lines; kept while the document
    # holds the annotations they were read from
    _claims: dict[int, list] = field(default_factory=dict, repr=False)
    _claims_of: int = field(default=0, repr=False)
    _named: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def numeric_order(self) -> str | None:
        """How the page writes numeric dates ("mdy", "dmy"), when it shows it anywhere: a list of
        posts or the comments below the article date them the way the site does."""
        from .dates import numeric_order

        return numeric_order([self.doc.text])

    def named_days(self, lang: str | None, year: str) -> frozenset[str]:
        """The days of ``year`` the page prints with a month's name (:func:`~.dates.named_days`),
        read from its lines that hold the year, and only for a head line with a numeric date in
        doubt."""
        if year not in self._named:
            from .dates import named_days

            text = self.doc.text
            self._named[year] = named_days("\n".join(line for line in text.split("\n") if year in line), lang) \
                if year in text else frozenset()
        return self._named[year]

    @cached_property
    def lined(self) -> str | None:
        """The lines' texts in one string, each after a line end: what a pattern finds lines in.
        None unless each text is words with single spaces between them (as ``normalise``
        leaves them, unless a decoded ``&#10;`` put a line end in one, or it holds an
        information separator, which ``str.split`` takes for a space)."""
        lined = "\n" + "\n".join(self.texts)
        if lined.count("\n") != len(self.texts) or any(c in lined for c in "\x1c\x1d\x1e\x1f"):
            return None
        return lined

    @cached_property
    def keys(self) -> list[str]:
        """Each line's :func:`text_key`: what tells the lines that say the same thing."""
        if self.lined is None:
            return [text_key(text) for text in self.texts]
        # spaces folded already: casefolding is all there is to do, line by line (a line of ASCII,
        # most, folds by the fast path; the page as one string seldom is ASCII)
        return [text.casefold() for text in self.texts]

    def lines_with(self, pattern: re.Pattern) -> list[int]:
        """Positions of the lines ``pattern`` matches on (at a line end: the line after it), in
        one pass over ``lined``. The pattern reads no line end but a first character."""
        lined = self.lined
        found: list[int] = []
        line, at = -1, 0
        for m in pattern.finditer(lined):
            line += lined.count("\n", at, m.start() + 1)
            at = m.start() + 1
            if not found or found[-1] != line:
                found.append(line)
        return found

    @cached_property
    def lower_words(self) -> "LowerWords":
        """The words the page writes in lower case: common words, not names."""
        return LowerWords("\n".join(self.texts))

    def claims(self, k: int) -> list:
        """The annotations that claimed line ``k`` (empty when it is main text)."""
        if self._claims_of != len(self.doc.annotations):
            self._claims.clear()
            self._claims_of = len(self.doc.annotations)
        if k not in self._claims:
            line = self.lines[k]
            at = k if self.order is None else self.order[k]
            self._claims[k] = [a for a in self.doc.line_annotations(at, line.start, line.end)
                               if a.label != MAIN and a.rule != INLINE_MARKUP]
        return self._claims[k]

    def rules(self, k: int) -> list[str]:
        """The rules that claimed line ``k`` (empty when it is main text)."""
        return [a.rule or "" for a in self.claims(k)]

    def unclaimed(self, k: int) -> bool:
        return not self.rules(k)

    def chrome_only(self, k: int) -> bool:
        """Claimed, if at all, only by the structure stage (a judgement of shape, not a rule)."""
        return all(r.startswith("structure.") for r in self.rules(k))

    def head(self) -> range:
        """Positions of the lines where the title, byline and dateline may stand."""
        if self.first is None:
            return range(0, len(self.lines))
        return range(max(0, self.first - HEAD_LINES), min(len(self.lines), self.first + INTO_ARTICLE))

    def tail(self, lines: int = TAIL_LINES) -> range:
        """Positions of the ``lines`` lines after the article's last paragraph."""
        if self.last is None:
            return range(0)
        return range(self.last + 1, min(len(self.lines), self.last + 1 + lines))


def read_page(doc: Document) -> Page:
    """The page's lines and the article's first and last paragraph among them."""
    span = doc.discussion_span
    order = None   # every line, in reading order
    if span is None:
        lines = list(chain.from_iterable(block.lines for block in doc.blocks))
    else:
        every = list(doc.lines())
        order = [k for k, line in enumerate(every) if line.end <= span[0] or line.start >= span[1]]
        lines = [every[k] for k in order]
    texts = normalise_spans(doc.text, [line.start for line in lines], [line.end for line in lines])
    _without_markdown(texts)
    prose = ProseLines(doc, lines)
    first, lead = _first_prose(lines, prose, doc.article_start)
    last = _last_prose(prose)
    first = lead if first is None else first
    if first is None:  # no paragraph of prose: the first blocks are the head
        limit = doc.blocks[min(FALLBACK_BLOCKS, len(doc.blocks)) - 1].end if doc.blocks else 0
        lines = [line for line in lines if line.end <= limit]
        texts = texts[:len(lines)]
    return Page(doc, lines, texts, first, last, prose, order)


def _without_markdown(texts: list[str]) -> None:
    """Each line as a reader sees it, in place: a markdown converter's byline ("By [Jane
    Doe](/authors/jane)"), dateline or headline ("**Published:** May 3, 2024") reads as
    the same line of another converter (:func:`cleaner.structure.features.visible`)."""
    from ..structure.features import visible
    for k, text in enumerate(texts):
        if "](" in text or "*" in text or "_" in text:
            shown = " ".join(visible(text).split())
            if shown != text:
                texts[k] = shown


def _first_prose(lines: list[Line], prose: ProseLines, start: int | None) -> tuple[int | None, int | None]:
    """The first prose line at ``start`` or after it (any, when None), and the first before it:
    a lead the structure stage kept, which is the head's."""
    lead, previous, in_prose = None, None, False
    for k, block in enumerate(prose.block_of):
        if block != previous:
            previous, in_prose = block, prose.block(block)
        if in_prose:
            if start is None or lines[k].start >= start:
                return k, lead
            lead = k if lead is None else lead
    return None, lead


def _last_prose(prose: ProseLines) -> int | None:
    """The last prose line."""
    previous = None
    for k in range(len(prose.block_of) - 1, -1, -1):
        block = prose.block_of[k]
        if block != previous:
            if prose.block(block):
                return k
            previous = block
    return None


class ProseLines:
    """``k in prose``: line ``k`` is in a block of the article's prose (it reads as prose and no
    rule or stage claimed it when the page was read). A block is read when first asked about:
    the stage asks about the lines around the article's start and end, not its middle."""

    def __init__(self, doc: Document, lines: list[Line]):
        self.doc = doc
        self.block_of = [line.block for line in lines]
        self.known: dict[int, bool] = {}
        self.claims_then = len(doc.annotations)   # annotations added since do not count

    def __contains__(self, k: object) -> bool:
        return isinstance(k, int) and 0 <= k < len(self.block_of) and self.block(self.block_of[k])

    def block(self, index: int) -> bool:
        """Block ``index`` is one of the article's prose."""
        known = self.known.get(index)
        if known is None:
            known = self.known[index] = self._prose(self.doc.blocks[index])
        return known

    def _prose(self, block: Block) -> bool:
        """The block reads as prose and was unclaimed when the page was read (markdown cut
        out of its lines is no claim)."""
        doc = self.doc
        if not is_prose(doc.slice(block.start, block.end)):
            return False
        later = {id(a) for a in doc.annotations[self.claims_then:]}
        return all(a.label == MAIN or a.rule == INLINE_MARKUP or id(a) in later
                   for a in doc.annotations_over(block.start, block.end))
