"""Find the reader discussion and split it into comments.

The discussion is found as a whole, not line by line. Every line is first read
for markers (:mod:`cleaner.markers`: comment headers such as "NAME says: DATE",
"by NAME on DATE", a name over "2 days ago"; reply and edit notes; chrome such
as "Reply" or "12 points"; a discussion heading; the comment form). Then every
block gets a score for how much it reads like part of a discussion against how
much it reads like the article or page chrome, and the section is a contiguous
run of blocks with a high total. The evidence, combined across neighbours:

* **headers with a body**: a header counts in full only when a comment body
  sits beside it (after it, or before it on pages whose headers follow the
  comment, which is read off the page). A date over an article or a name over a
  product paragraph is a header without a discussion; so a discussion needs
  two or more headers of one format (a page repeats its comment header), or a
  discussion heading ("23 Responses to …") before its first header; bare names
  over comments count only under such a heading, and a Title Case line in the
  page's own words ("Rental Agreement") is a subheading, not a name;
* **threaded lists** (Disqus and its kind): bullets that hold only a name,
  perhaps after the commenter's profile link, with the comment indented under
  them (markdown prints it flush left) and replies nested deeper. Two items
  of one list in a reader's voice (or under profile links) make it a thread,
  and every item of it a comment header; the thread ends with the text of its
  last item, and the nesting gives each reply its ``reply_to``;
* **attachment**: the first paragraphs after (before) a header are its
  comment's body and borrow evidence from it;
* **voice and layout**: first and second person, lowercase starts, missing
  full stops, "!!", a lasting change to more blank lines than the article
  uses. Voice alone never grows the discussion: a block without structure can
  only cost (an op-ed is written in the first person). The one discussion
  without any header (names, replies and edit notes only, seed 003) shows
  itself by the lasting change of layout;
* **against**: long punctuated third-person prose, menus and lists of links.

The run starts at a discussion heading when one precedes the first header,
is cut where headers are an article's length apart or a menu stands between
them, never runs past the comment form once no header follows, and is given
up if the page says "No comments". A sidebar of dated teasers can outscore a
short discussion, so the next-best runs are tried too. This stage runs before
the page-structure stage, which leaves the discussion alone: short informal
comments look like chrome to it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from statistics import median
from typing import NamedTuple

import regex

from .. import markers
from ..document import BOILERPLATE, COMMENT, METADATA, Block, Comment, Document, Line
from ..render import normalise
from .flat_comments import find_flat_discussion

MIN_SECTION_SCORE = 3.0   # total evidence a discussion needs
CANDIDATES = 3            # runs of evidence tried, best first
MIN_UNDATED = 3           # "NAME said:" headers without a date a discussion needs (without a heading)
MIN_PAIRS = 2             # comment headers with a body beside them that a discussion needs
ARTICLE_SHARE = 0.2       # the discussion cannot start in the first fifth of the text ...
ARTICLE_WORDS = 20        # ... unless a paragraph of the article ends before it
END_PENALTY = 1.5         # evidence needed to end the discussion before the page ends
MAX_BODY_BLOCKS = 10      # headers further apart than this many paragraphs
MAX_BODY_WORDS = 800      # or words do not head comments
VOCABULARY_TIMEOUT = 2.0  # seconds for reading the page's lower-case words
_UNITS = "_comment_units"  # where the section stage leaves its reading of the lines for the splitter
BIAS = -0.6               # a block is article unless something says otherwise

# Evidence of one marker line, by kind.
MARKER_SCORE = {"says": 3.0, "author": 2.0, "reply": 2.0, "edited": 2.0, "date": 1.5,
                "chrome": 1.0, "heading": 1.5, "form": 0.5, "none": 0.0, "claimed_meta": 1.0}
UNPAIRED_SCORE = {"says": 1.0, "author": 0.0, "date": 0.3}  # a header with no comment beside it
ANCHORS = frozenset({"says", "author", "reply", "edited", "date"})
HEADERS = frozenset({"says", "author", "date"})
_HEADER_PARTS = frozenset({"date", "reply", "chrome", "claimed_meta"})  # lines a header may run on to
ATTACH = (1.4, 0.9, 0.5)  # bonus of the first, second, third paragraph of a comment body

_WORD = regex.compile(r"[\p{L}\p{N}'’]+")
_PERSONAL = frozenset("i i'm i’m i've i’ve i'd i’d i'll i’ll im me my mine you your you're you’re yours u ur "
                      "we us lol imo imho btw thanks thx".split())
_SINGULAR = frozenset("i i'm i’m i've i’ve i'd i’d i'll i’ll im me my mine lol imo imho btw thanks thx".split())
_US = regex.compile(r"\bUS\b")
_INFORMAL = regex.compile(r"!!|\?\?|\?!|\.\.\.|…|\b[A-Z]{4,}\b|[:;]-?[)(DP]")
_REPORTING = regex.compile(r"\b(?:said|according to|told|reported|announced|stated)\b")
_COUNTED = regex.compile(r"(?i)^\W*\d+\s+(?:comments?|responses?|thoughts?|reactions?)\b")
_ITEM = regex.compile(r"^(?:[*+•·▪►◦‣▸-]|\d{1,3}[.)])\s|\]\(|^https?://")
_ITEM_HEAD = regex.compile(r"^(?:[*+•·▪◦‣-]|\d{1,3}[.)])\s+(?:\d{1,3}[.)]\s+)?(?P<profile>https?://\S+\s+)?(?P<name>\S.{0,40})$")
_SUBITEM = regex.compile(r"^o\s")  # inscriptis' third-level bullet
_PUNCTUATED = regex.compile(r"[.,!?;:]\s|[.!?]$")
_LISTY = regex.compile(r"^(?:[*+•·▪►◦‣▸|-]|\d{1,3}[.)])\s|^#{1,6}\s|\]\(|https?://|^\S+\s*[»›>]$|\s[|»›·•]\s")


@dataclass(slots=True)
class Unit:
    """One line of the page as the comment stages see it."""

    line: Line
    kind: str  # content | claimed | claimed_meta | a marker kind (says, date, author, ...)
    marker: markers.Marker | None = None
    paired: bool = False  # a header with a comment body beside it
    text: str = ""        # the line as displayed (markers and headings only)
    item: int | None = None  # the indent of a list item this name heads (threaded lists)


def classify(doc: Document, blocks: list[Block] | None = None) -> list[list[Unit]]:
    """The units of every block: marker lines, claimed lines, content lines."""
    blocks = doc.blocks if blocks is None else blocks
    claimed = _claimed_spans(doc)
    repeated = _repeated_short_lines(doc)
    vocabulary = _lowercase_words(doc)
    out: list[list[Unit]] = []
    for b, block in enumerate(blocks):
        units = []
        for j, line in enumerate(block.lines):
            state = claimed.get(line.index)
            raw = doc.slice(line.start, line.end)
            marker = markers.parse(normalise(raw)) if line.end - line.start <= 4 * markers.MAX_LINE else None
            if state is not None and (marker is None or marker.kind in ("chrome", "heading", "form", "none")):
                units.append(Unit(line, "claimed_meta" if state == "comment_meta" else "claimed", marker,
                                  text=raw if marker is not None else ""))
            elif marker is not None:
                units.append(Unit(line, marker.kind, marker, text=raw))
            else:
                units.append(Unit(line, "content"))
        out.append(units)
    # A name line is an author line when the page repeats it or a date follows it; a
    # name inside a long block is a menu item, not an author.
    flat = [(len(units), j, u) for units in out for j, u in enumerate(units)]
    for k, (size, j, unit) in enumerate(flat):
        if unit.kind != "content" or k + 1 >= len(flat):
            continue
        following = flat[k + 1][2]
        dated = following.kind == "date" or (following.kind == "says" and following.marker.name is None)
        if (size > 3 or j > 0) and not dated:
            continue  # a name heads its block; one inside a list or a paragraph is not an author line
        if _named_header_before(flat, k) and not dated:
            continue  # "Fernie says: / DATE / Buckwheat": a one-word comment under a header that named its author
        text = normalise(doc.slice(unit.line.start, unit.line.end))
        if _is_name(text, text in repeated or dated, vocabulary):
            name = markers.display(text)
            if name.endswith(".") and not regex.search(r"\s\p{Lu}\.$", name):
                name = name[:-1]
            unit.kind, unit.marker = "author", markers.Marker("author", name)
    _list_items(doc, out, vocabulary)
    _pair(doc, [u for units in out for u in units], {markers.display(t) for t in repeated}, vocabulary)
    return out


_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}_@])\p{Ll}[\p{L}'’-]{2,}")
_PLAIN_WORD = regex.compile(r"\p{L}[\p{L}'’-]*\.?")


def _lowercase_words(doc: Document) -> frozenset[str]:
    """Words the page writes in lower case somewhere: its ordinary vocabulary (none when
    the scan runs out of time: the evidence is then simply missing)."""
    try:
        return frozenset(_LOWER_WORD.findall(doc.text, timeout=VOCABULARY_TIMEOUT))
    except TimeoutError:
        return frozenset()


def _is_name(text: str, repeated: bool, vocabulary: frozenset[str]) -> bool:
    """A line that names a commenter: a name's shape, and not a phrase in the page's words."""
    return markers.looks_like_name(text, repeated) and not _is_phrase(text, vocabulary)


def _is_phrase(text: str, vocabulary: frozenset[str]) -> bool:
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


def _list_items(doc: Document, out: list[list[Unit]], vocabulary: frozenset[str]) -> None:
    """Threaded comment lists (Disqus and its kind): a bullet whose line holds only a name,
    perhaps after the commenter's profile link ("• http://twitter.com/x Asha Dornfest"),
    with the comment's text indented under it; a reply is an item nested in the text of the
    comment it answers. Markdown converters print the text flush left under the item
    ("  * artsyphotos" over a paragraph at column 0). A sidebar's widgets and teasers have
    the same shape ("* Tags" over a tag cloud), so a list is a thread only when two of its
    items are readers talking (or sit under a profile link); then every item of it heads a
    comment, whatever its text says. The indent is kept so that the splitter can read the
    thread."""
    flat = [u for units in out for u in units if u.kind != "claimed"]
    heads: list[_Head] = []
    for k, (unit, following) in enumerate(zip(flat, flat[1:])):
        if unit.kind not in ("content", "author") or following.kind != "content":
            continue
        head = _ITEM_HEAD.match(_text(doc, unit))
        depth, below = _indent(doc, unit.line), _indent(doc, following.line)
        if head is None or depth < 0 or below < 0 \
                or _ITEM.match(_text(doc, following)) or _SUBITEM.match(_text(doc, following)):
            continue
        if k and _indent(doc, flat[k - 1].line) == depth and _ITEM.match(_text(doc, flat[k - 1])):
            continue  # the last item of a menu ("* Books I Like / * Advertising / text"), not a comment
        if markers.names_page_chrome(head["name"]):
            continue
        # the profile link vouches for the name (its words may be in the link: "…/robert.knilands")
        if markers.looks_like_name(head["name"], True) if head["profile"] else _is_name(head["name"], True, vocabulary):
            profile = bool(head["profile"])
            heads.append(_Head(k, head["name"], depth, profile or _talks(doc, following, depth), profile,
                               below > depth))
    for thread in _threads(doc, flat, heads):
        if not _is_thread(thread):
            continue
        for head in thread:
            unit = flat[head.position]
            unit.kind, unit.item = "author", head.depth
            unit.marker = markers.Marker("author", markers.display(head.name))


class _Head(NamedTuple):
    """A list item whose line holds only a name: a candidate comment header of a thread."""

    position: int  # in the page's unclaimed units
    name: str
    depth: int     # indent of the bullet
    talks: bool    # its text reads like a reader (or it sits under a profile link)
    profile: bool  # the name follows the commenter's profile link
    nested: bool   # its text is indented under it (else flush left: markdown)


def _is_thread(items: list[_Head]) -> bool:
    """Two items of the list talk like readers (or sit under profile links); and where the
    text is flush left under them (markdown), which a listicle's numbered names over their
    paragraphs also are, the list shows a reply, a regular or a profile link."""
    if sum(h.talks for h in items) < MIN_PAIRS:
        return False
    if all(h.nested for h in items):
        return True
    names = [h.name for h in items]
    return any(h.profile for h in items) or len(set(names)) < len(names) or len({h.depth for h in items}) > 1


def _threads(doc: Document, flat: list[Unit], heads: list[_Head]) -> list[list[_Head]]:
    """Items of one list: consecutive items no more than a long comment apart, with
    nothing between them but their text (no other list item not nested in them)."""
    threads: list[list[_Head]] = []
    for a, b in zip([None, *heads], heads):
        if a is not None and all(_in_item(doc, u, min(a.depth, b.depth)) for u in flat[a.position + 1:b.position]) \
                and len(doc.slice(flat[a.position].line.end, flat[b.position].line.start).split()) <= MAX_BODY_WORDS:
            threads[-1].append(b)
        else:
            threads.append([b])
    return threads


def _in_item(doc: Document, unit: Unit, indent: int) -> bool:
    """A line that can be part of the text of a list item at ``indent``: indented under it,
    or a line of prose flush left (markdown), not another list's item."""
    return _indent(doc, unit.line) > indent or not _ITEM.match(_text(doc, unit))


def _talks(doc: Document, body: Unit, indent: int) -> bool:
    """The paragraph under a list item reads like a reader talking: a sentence with
    punctuation in a reader's voice, not a tag cloud or a teaser's title."""
    block = doc.blocks[body.line.block]
    nested = _indent(doc, body.line) > indent  # else flush left: markdown
    under = []  # the paragraph's lines under the item ("(Bulk Orders)" under "+ CEO READ")
    for line in block.lines:
        if line.index < body.line.index:
            continue
        if (nested and _indent(doc, line) <= indent) or _ITEM.match(doc.slice(line.start, line.end)):
            break  # the item's own paragraph ends where the page's outline or a nested list goes on
        under.append(doc.slice(line.start, line.end))
    text = normalise(" ".join(under))
    if len(text.split()) < 3 or not _body_like(text) or _voice(text) <= 0 or not _PUNCTUATED.search(text):
        return False
    # a reader speaks for themself; "you" and "our" alone are a shop's or a service's copy
    # ("Transform your work with …", "Practical advice on how to run your business")
    return text[0].islower() or bool(_INFORMAL.search(text)) or any(
        w in _SINGULAR for w in _WORD.findall(text.lower()))


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


def _pair(doc: Document, flat: list[Unit], repeated: set[str], vocabulary: frozenset[str]) -> None:
    """Mark the headers that have a comment body right after them (past the date or reply
    line of the same header), or right before them on pages whose headers follow the text."""
    flat = [u for u in flat if u.kind != "claimed"]
    def body(k: int) -> bool:
        # a comment may open with a short line ("Would I own him…Yes"): read it with the rest of its block
        u = flat[k]
        if u.kind != "content":
            return False
        alone = k + 1 == len(flat) or flat[k + 1].line.block != u.line.block or flat[k + 1].kind != "content"
        return _body_like(doc.slice(u.line.start, u.line.end if alone else flat[k + 1].line.end))

    for k, unit in enumerate(flat):
        if unit.kind not in HEADERS:
            continue
        if unit.item is not None:
            unit.paired = True  # an item of a thread (read by _list_items)
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


def _text(doc: Document, unit: Unit) -> str:
    return normalise(doc.slice(unit.line.start, unit.line.end))


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


class CommentSection:
    """Marks the discussion region (blocks) as ``comment``; the splitter refines it."""

    name = "comments"

    def __call__(self, doc: Document) -> None:
        region = self._region(doc)
        if region is None:
            find_flat_discussion(doc)  # a page printed as one line shows its discussion inline
            return
        first, last = region
        doc.discussion = (first, last)
        for block in doc.blocks[first:last + 1]:
            doc.annotate(block.start, block.end, COMMENT, None, "comments.section")

    def _region(self, doc: Document) -> tuple[int, int] | None:
        blocks = doc.blocks
        if not blocks:
            return None
        hinted = doc.hints.get("comments_start")
        if hinted is not None:
            first = next((b.index for b in blocks if b.start >= hinted), None)
            return (first, len(blocks) - 1) if first is not None else None
        units = classify(doc)
        scores, structural, lasting = _evidence(doc, units)
        earliest = _earliest(doc, units)
        # the best-scoring run first; a sidebar of dated teasers can outscore a short
        # discussion, so the next runs are tried when the best one is not a discussion
        scores = list(scores)
        for _ in range(CANDIDATES):
            best, span = _max_run(scores, earliest)
            if span is None or best < MIN_SECTION_SCORE:
                return None
            # a run that is not a discussion as a whole may end with one after a heading
            tails = [(i, span[1]) for i in range(span[0] + 1, span[1] + 1)
                     if any(u.marker is not None and u.marker.kind == "heading" for u in units[i])]
            region = next((r for r in (self._accept(doc, units, scores, structural, lasting, s)
                                       for s in [span, *tails]) if r is not None), None)
            if region is not None:
                doc.meta[_UNITS] = units  # the splitter reads the same lines; claims do not change in between
                return region
            for i in range(span[0], span[1] + 1):
                scores[i] = -1e6  # tried: the next run must lie elsewhere
        return None

    @staticmethod
    def _accept(doc: Document, units: list[list[Unit]], scores: list[float], structural: list[bool],
                lasting: list[bool], span: tuple[int, int]) -> tuple[int, int] | None:
        span = _trim(units, span)
        first, last = _split_at_long_bodies(doc, units, scores, _from_heading(units, span))
        first = _from_dated(units, first, last)
        # the discussion begins and ends with structure: voice alone does not move its edges
        while first < last and not structural[first]:
            first += 1
        while last > first and not structural[last]:
            last -= 1
        last = _thread_end(doc, units, first, last)
        region = units[first:last + 1]
        if not any(u.kind == "content" for us in region for u in us) or _says_none(units, first, last):
            return None
        dated, names = pairs(region)
        headed = _heading_first(units, first, last)
        anchors = sum(1 for us in region for u in us if u.kind in ("author", "reply", "edited"))
        replies = sum(1 for us in region for u in us if u.kind in ("reply", "edited"))
        # bare names over comments are the weakest headers (subheadings and product names
        # look the same): they need a discussion heading, or a lasting change of layout
        # with a reply or edit note among them (the discussion with no headers at all:
        # names, replies and edit notes only); names over paragraphs alone are subheadings
        layout = sum(lasting[first:last + 1])
        if not headed and _one_voice(region):
            return None
        if dated >= MIN_PAIRS or (headed and dated + names >= 1) or (anchors >= 2 and replies and layout >= 3):
            return first, last
        # names heading list items with the comment indented under them: a threaded list,
        # which begins at its first item (a byline over the article is not one of its headers)
        blocks = sorted({i for i, _ in _thread_items(units, first, last)})
        if len(blocks) >= MIN_PAIRS:
            return blocks[0], last
        return None


def block_scores(doc: Document, units: list[list[Unit]] | None = None) -> list[float]:
    """Log-odds-like evidence per block: positive reads like the discussion, negative like the article."""
    return _evidence(doc, classify(doc) if units is None else units)[0]


def _evidence(doc: Document, units: list[list[Unit]]) -> tuple[list[float], list[bool], list[bool]]:
    """Scores per block, which blocks carry structure (a marker, a header's body, a layout
    change), and which open a lasting change of layout (more blank lines than the article uses)."""
    blocks = doc.blocks
    gap = typical_gap(blocks)
    trailing = _headers_trail(units)
    own = [_score(doc, block, us, gap) for block, us in zip(blocks, units)]
    bonus = [0.0] * len(blocks)
    wide = [gap <= 1 and b.gap_before >= 2 for b in blocks]
    # a change of layout counts when it lasts: a discussion keeps its wider spacing
    lasting = [wide[i] and (sum(wide[i:i + 6]) >= 3 or sum(wide[max(0, i - 5):i + 1]) >= 3)
               for i in range(len(blocks))]
    structural = [any(u.kind not in ("content", "claimed") for u in us) or lasting[i] for i, us in enumerate(units)]
    order = range(len(blocks) - 1, -1, -1) if trailing else range(len(blocks))
    run = None  # paragraphs of the body seen since the header
    for i in order:
        kinds = {u.kind for u in units[i]}
        has_content = "content" in kinds
        if any(u.paired for u in units[i]):
            run = 0
            if has_content and not trailing:  # the header's own block holds the start of the body
                bonus[i] += ATTACH[0]
                run = 1
            continue
        if kinds & {"heading", "form", "none"} or any(u.marker is not None and u.marker.kind in ("heading", "form", "none")
                                                       for u in units[i]):
            run = None  # a discussion heading or the comment form: no body crosses it
            continue
        if not has_content:
            if "claimed" in kinds and "claimed_meta" not in kinds:
                run = None  # page chrome ends the body
            continue
        if run is not None and run < len(ATTACH) and not _listy(doc, blocks[i]):
            bonus[i] += ATTACH[run]
            structural[i] = True
            run += 1
        else:
            run = None
    # voice alone never grows the discussion: a block without structure can only cost
    scores = [a + b if structural[i] else min(a + b, 0.0) for i, (a, b) in enumerate(zip(own, bonus))]
    return scores, structural, lasting


def _headers_trail(units: list[list[Unit]]) -> bool:
    """True when comment headers follow their comment ("…text / by NAME on DATE")."""
    flat = [u for us in units for u in us if u.kind != "claimed"]
    kinds = [u.kind for u in flat]
    primary = "says" if "says" in kinds else "author" if "author" in kinds else "date"
    # "NAME / DATE / text": the header's other lines stand between it and its comment;
    # past[k] is the first unit after k that is not a header part (one pass: linear)
    past = [len(kinds)] * (len(kinds) + 1)
    for k in range(len(kinds) - 1, -1, -1):
        past[k] = past[k + 1] if k + 1 < len(kinds) and kinds[k + 1] in _HEADER_PARTS else k + 1
    before = after = 0
    for k, kind in enumerate(kinds):
        if kind != primary:
            continue
        j = past[k]
        before += k > 0 and kinds[k - 1] == "content"
        after += j < len(kinds) and kinds[j] == "content"
    return before > after


def typical_gap(blocks: list[Block]) -> float:
    """Blank lines between the article's paragraphs, read from the first half of the page."""
    gaps = [b.gap_before for b in blocks[1:max(2, len(blocks) // 2)]]
    return median(gaps) if gaps else 1


def _earliest(doc: Document, units: list[list[Unit]]) -> int:
    """The first block that may open the discussion: after the article has begun."""
    blocks = doc.blocks
    by_share = next((b.index for b in blocks if b.start >= ARTICLE_SHARE * len(doc.text)), len(blocks))
    for block, us in zip(blocks, units):
        if block.index >= by_share:
            break
        if _opens_discussion(units, block.index):
            return block.index  # "43 comments" over a comment header: a page with next to no article
        if any(u.kind == "content" for u in us) and _is_article_text(doc, block):
            return block.index + 1
    return by_share


def _opens_discussion(units: list[list[Unit]], i: int) -> bool:
    """A counted discussion heading ("43 comments…") with a comment header and its body
    right after it."""
    heading = any(u.marker is not None and u.marker.kind == "heading" and any(c.isdigit() for c in u.text)
                  for u in units[i])
    return heading and any(u.paired for us in units[i + 1:i + 3] for u in us)


def _is_article_text(doc: Document, block: Block) -> bool:
    """The first paragraph (or caption) of the article: some words, not a menu."""
    text = doc.slice(block.start, block.end)
    return len(text.split()) >= ARTICLE_WORDS and not _listy(doc, block)


def _score(doc: Document, block: Block, units: list[Unit], typical_gap: float) -> float:
    content = [u for u in units if u.kind == "content"]
    marked = [u for u in units if u.kind not in ("content", "claimed")]
    # a marker speaks for its block only when it is a good share of it: one date in a menu is not a header
    marker = max((_marker_score(u) for u in marked), default=0.0) \
        if 3 * len(marked) >= len(units) else 0.0
    if not content:
        return marker
    text = normalise(" ".join(doc.slice(u.line.start, u.line.end) for u in content))
    score = marker + _voice(text)
    if typical_gap <= 1 and block.gap_before >= 2:
        score += 1.2
    if _listy(doc, block):
        score -= 1.2
    return score


def _marker_score(unit: Unit) -> float:
    if unit.kind in HEADERS and not unit.paired:
        return UNPAIRED_SCORE[unit.kind]
    return MARKER_SCORE.get(unit.kind, 0.0)


def pairs(units: list[list[Unit]]) -> tuple[int, int]:
    """Comment headers with a comment body beside them: (the count of the most frequent dated
    or "says" format, the number of different bare names). A discussion repeats one header
    format (a dateline over an article and an "Update:" line are not one). Header lines in a
    row ("NAME" over "DATE") are one header; a format seen three times or more counts with all
    its headers once one of them has a body beside it (short replies are not always sentences)."""
    paired: Counter = Counter()
    seen: Counter = Counter()
    names: set[str] = set()
    group: list[Unit] = []
    for unit in [u for us in units for u in us if u.kind not in ("claimed", "claimed_meta", "chrome")] + [None]:
        if unit is not None and unit.kind in HEADERS:
            group.append(unit)
            continue
        if group:
            dated = [u for u in group if u.kind != "author"]
            shape = _shape(dated[0].marker) if dated else None
            if shape and shape[0] == "date" and markers.TIME_ONLY.match(dated[0].marker.when or ""):
                shape = None  # "5:31 PM": a time alone heads lists of news as often as comments
            if shape:
                seen[shape] += 1
            if any(u.paired for u in group):
                if shape:
                    paired[shape] += 1
                names.update(u.marker.name for u in group if u.kind == "author")
            group = []
    counts = [seen[k] if seen[k] >= 3 and n >= 2 else n for k, n in paired.items()
              if k != _UNDATED or n >= MIN_UNDATED]
    # "Anna said:" twice is a story's dialogue as often as a discussion: a verb of saying
    # with no date counts like a bare name unless the page repeats it more
    names.update(f"said#{i}" for i in range(paired[_UNDATED] if paired[_UNDATED] < MIN_UNDATED else 0))
    return max(counts, default=0), len(names)


_UNDATED = ("says", True, False, False)  # "NAME says:" with no date


def _one_voice(region: list[list[Unit]]) -> bool:
    """Every named header names one person: the site's posts listed by their author
    (previous and next post, related posts) or a live blog's updates, not readers talking
    to each other. Without a discussion heading such a run is not a discussion."""
    names = [u.marker.name for us in region for u in us if u.kind == "says" and u.marker.name]
    return len(names) >= 2 and len({n.lower() for n in names}) == 1 and markers.looks_like_name(names[0])


def _shape(marker: markers.Marker) -> tuple:
    """What a header looks like, so that only headers of one format count together."""
    when = marker.when or ""
    return (marker.kind, marker.name is not None, ":" in when, "ago" in when or when.isalpha())


def _says_none(units: list[list[Unit]], first: int, last: int) -> bool:
    """The page says "No comments" after the last comment header we found: there is no discussion."""
    start = max((i for i in range(first, last + 1) if any(u.paired for u in units[i])), default=first)
    for us in units[start + 1:]:
        if any(u.marker is not None and u.marker.kind == "none" for u in us):
            return True
        if any(u.paired for u in us):
            return False
    return False


def _heading_first(units: list[list[Unit]], first: int, last: int) -> bool:
    """A discussion heading ("23 Responses to …", "Comments" as a line of its own, not an
    item of a menu) opens the region, or stands just before it, ahead of any comment header."""
    def heading(us: list[Unit], unit: Unit) -> bool:
        return unit.marker is not None and unit.marker.kind == "heading" and \
            (len(us) == 1 or any(c.isdigit() for c in unit.text))

    for us in units[first:last + 1]:
        for unit in us:
            if unit.paired:
                break
            if heading(us, unit):
                return True
        else:
            continue
        break
    for us in reversed(units[max(0, first - 3):first]):
        for unit in reversed(us):
            if unit.paired:
                return False
            if heading(us, unit):
                return True
    return False


def _body_like(text: str) -> bool:
    """A line that can open a comment: a sentence, not a title, a link or a list item."""
    text = normalise(text)
    if not text or _LISTY.search(text):
        return False
    words = text.split()
    if len(words) < 15 and text[-1] not in ".!?":
        long_words = [w for w in words if len(w) > 3]
        if len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) * 10 >= 7 * len(long_words):
            return False  # Title Case: a headline in a list of posts
    return text[-1] in ".!?)\"”’:" or len(words) >= 8 or text[0].islower()


def _voice(text: str) -> float:
    """How much a paragraph reads like a reader talking rather than an article or a menu."""
    tokens = _WORD.findall(text.lower())
    if not tokens:
        return 0.0
    score = BIAS
    words = len(tokens)
    # "US" the country is not "us" the reader
    personal = sum(1 for w in tokens if w in _PERSONAL)
    if personal and "US" in text:
        personal -= len(_US.findall(text))
    if personal:
        score += 0.6 + min(1.0, 10 * personal / words)
    if text[0].islower():
        score += 0.8
    if words >= 3 and text[-1] not in ".!?\"”’)":
        score += 0.6 if words >= 8 else 0.2
    if _INFORMAL.search(text):
        score += 0.4
    if text.startswith("@"):
        score += 2.0
    if words >= 60 and text[0].isupper() and text[-1] in ".!?\"”’" and not personal:
        score -= 1.2
    if _REPORTING.search(text):
        score -= 0.4
    return score


def _reader_voice(text: str) -> bool:
    """First or second person, a lowercase start, an exclamation or a question, "@": a reader talking."""
    if not text:
        return False
    if text[0].islower() or text[0] == "@" or text[-1] in "!?" or _INFORMAL.search(text):
        return True
    return any(w.lower() in _PERSONAL and not (len(w) > 1 and w.isupper()) for w in _WORD.findall(text))


def _listy(doc: Document, block: Block) -> bool:
    """A menu, a list of links or a run of short unpunctuated lines: page chrome, not a comment."""
    if len(block.lines) < 3:
        line = doc.slice(block.start, block.end)
        return len(block.lines) == 1 and bool(_LISTY.search(line)) and len(line.split()) <= 12 \
            and line.rstrip()[-1:] not in ".!?"
    listy = 0
    for line in block.lines:
        text = doc.slice(line.start, line.end)
        if _LISTY.search(text) or (len(text.split()) <= 6 and text.rstrip()[-1:] not in ".!?:,"):
            listy += 1
    return listy * 3 >= len(block.lines) * 2


def _max_run(scores: list[float], earliest: int) -> tuple[float, tuple[int, int] | None]:
    """The contiguous run of blocks (starting at ``earliest`` or later) with the largest total.

    A run that stops before the last block pays ``END_PENALTY``: the weak
    evidence of a last short reply ("Both are bad.") is not enough to hand it
    back to the article.
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


def _trim(units: list[list[Unit]], span: tuple[int, int]) -> tuple[int, int]:
    """Never run past the comment form once no comment header follows it (a bare name over
    a line in a reader's voice is no such header: "LinkWithin / Got a burning question?
    Email me!" is a sidebar)."""
    first, last = span
    last_anchor = max((i for i in range(first, last + 1) if any(
        u.paired and (u.kind != "author" or u.item is not None) or u.kind == "edited" for u in units[i])),
        default=None)
    if last_anchor is None:
        return first, last
    for i in range(last_anchor + 1, last + 1):
        if _closes(units[i]):
            return first, i
    return first, last


def _closes(block: list[Unit]) -> bool:
    """The block holds the comment form (or "No comments") with no comment header after it:
    Drupal prints "Login or register to post comments" under every comment, the next
    comment's header right below it."""
    at = next((k for k, u in enumerate(block) if u.marker is not None and u.marker.kind in ("form", "none")), None)
    return at is not None and not any(u.kind in ("says", "date") for u in block[at + 1:])


def _thread_end(doc: Document, units: list[list[Unit]], first: int, last: int) -> int:
    """A threaded list ends with the text of its last item: the first line after it that is
    not indented under the item is the page again (a sidebar's "By: NAME" teasers are
    headers too, so the run of evidence alone would carry on). Applies when list items
    are most of the headers of the thread."""
    items = _thread_items(units, first, last)
    if len(items) < MIN_PAIRS:
        return last
    i, head = items[-1]
    end = _item_end(doc, units, i, head, last)
    heads = sum(1 for us in units[first:end + 1] for u in us if u.kind in HEADERS)
    return end if 2 * len(items) > heads else last


def _thread_items(units: list[list[Unit]], first: int, last: int) -> list[tuple[int, Unit]]:
    """The items of threaded lists (each marked by :func:`_list_items`, which makes it a
    paired header) in blocks ``first`` to ``last``, with their block."""
    return [(i, u) for i in range(first, last + 1) for u in units[i] if u.item is not None]


def _item_end(doc: Document, units: list[list[Unit]], i: int, head: Unit, last: int) -> int:
    """The last block of the text under the list item that ``head`` opens: indented under
    it, or (markdown) the paragraphs flush left after it, up to the next line that is not
    prose (a list item, a heading, the comment form)."""
    end = i
    nested = None  # read off the item's first line of text
    for j in range(i, last + 1):
        for unit in units[j]:
            if unit.line.index <= head.line.index or unit.kind == "claimed":
                continue
            if nested is None:
                nested = _indent(doc, unit.line) > head.item
            inside = _indent(doc, unit.line) > head.item if nested else \
                unit.kind == "content" and not _ITEM.match(_text(doc, unit))
            if not inside:
                return end
            end = j
    return last


def _from_heading(units: list[list[Unit]], span: tuple[int, int]) -> tuple[int, int]:
    """A discussion heading ("1 comment:", "23 Responses to …") followed by a comment header
    opens the discussion: what comes before it is the article, whatever its voice."""
    first, last = span
    seen = 0  # comment headers before the heading: from two on, a heading is inside the discussion
    for i in range(first, last + 1):
        heads = [u for u in units[i] if u.marker is not None and u.marker.kind == "heading"]
        # "1 comment:", "111 Responses to …" counts the whole discussion: it opens it even after
        # a post whose dateline and "Posted by NAME at TIME" read like two comment headers
        counted = seen == 2 and len(units[i]) == 1 and any(_COUNTED.search(u.text) for u in heads)
        if heads and (seen < 2 or counted):
            if any(u.paired and u.kind != "author" or seen < 2 and (u.paired or u.kind == "says")
                   for us in units[i:min(last, i + 4) + 1] for u in us):
                return i, last
        seen += sum(u.paired for u in units[i])
    return span


def _from_dated(units: list[list[Unit]], first: int, last: int) -> int:
    """A discussion repeats one header format: where its headers carry dates, bare "names"
    over paragraphs before the first dated header are the article's subheadings ("History",
    an image's file name), unless a discussion heading opens the run. The discussion then
    starts at the first dated header (with a name line just above it). Pages whose headers
    follow their comments are left alone: there the first body comes before its header."""
    if _headers_trail(units) or _heading_first(units, first, last):
        return first
    names = False
    for i in range(first, last + 1):
        dated = any(u.paired and u.kind != "author" for u in units[i])
        if dated and names:
            while i > first and units[i - 1] and all(u.kind in HEADERS or u.kind in _HEADER_PARTS
                                                     for u in units[i - 1]):
                i -= 1
            return i
        if dated:
            return first
        names = names or any(u.paired and u.kind == "author" for u in units[i])
    return first


def _split_at_long_bodies(doc: Document, units: list[list[Unit]], scores: list[float],
                          span: tuple[int, int]) -> tuple[int, int]:
    """A comment is a few paragraphs: a header followed by an article's worth of text is not a
    comment header (a dateline, a byline). Cut the run where headers are that far apart and keep
    the part with the most evidence."""
    first, last = span
    cuts = [first]
    hard: set[int] = set()  # cuts the discussion never spans: a long tail without headers
    words = paragraphs = 0
    for i in range(first, last + 1):
        if _menu(doc, doc.blocks[i], units[i]):
            # a menu or a list of links between comment headers: the discussion ended and a
            # sidebar ("Recent comments", "Related posts") began
            cuts += [i, i + 1]
            words = paragraphs = 0
            continue
        if any(u.kind in ANCHORS or u.kind in ("chrome", "claimed_meta") or
               (u.marker is not None and u.marker.kind == "heading") for u in units[i]):
            if paragraphs > MAX_BODY_BLOCKS or words > MAX_BODY_WORDS:
                cuts.append(i)
            words = paragraphs = 0
            continue
        content = [u for u in units[i] if u.kind == "content"]
        if content:
            paragraphs += 1
            words += sum(len(doc.slice(u.line.start, u.line.end).split()) for u in content)
    if paragraphs > MAX_BODY_BLOCKS or words > MAX_BODY_WORDS:
        cuts.append(last + 1 - paragraphs)  # a long tail without headers: footer prose or an article
        hard.add(last + 1 - paragraphs)
    cuts.append(last + 1)
    parts = [(a, b - 1) for a, b in zip(cuts, cuts[1:])
             if b > a and not (b == a + 1 and _menu(doc, doc.blocks[a], units[a]))]
    if not parts:
        return span
    best = max(range(len(parts)), key=lambda k: sum(scores[parts[k][0]:parts[k][1] + 1]))
    lo = hi = best
    # one long comment (or a list in a comment) inside a long discussion: the parts on both
    # sides of it that are discussions of their own (two headers with a body or more) belong
    # with it, and so does a part holding one long comment between two such parts
    while (step := _joins(units, parts, hard, lo, -1)):
        lo -= step
    while (step := _joins(units, parts, hard, hi, 1)):
        hi += step
    return parts[lo][0], parts[hi][1]


def _joins(units: list[list[Unit]], parts: list[tuple[int, int]], hard: set[int], k: int, step: int) -> int:
    """How many parts next to part ``k`` (towards ``step``) the discussion takes in: the next
    one when it is a discussion of its own, the next two when a single long comment stands
    between under a header that is more than a bare name (a repeated subheading looks like
    a regular's name); 0 at a cut the discussion never spans."""
    def open_between(a: int, b: int) -> bool:  # no hard cut between parts a and b (adjacent)
        return parts[max(a, b)][0] not in hard

    near, far = k + step, k + 2 * step
    if not 0 <= near < len(parts) or not open_between(k, near):
        return 0
    if _headed_part(units, parts[near]):
        return 1
    if 0 <= far < len(parts) and open_between(near, far) and _headed_part(units, parts[far]) \
            and any(u.paired and u.kind != "author" for us in units[parts[near][0]:parts[near][1] + 1] for u in us):
        return 2
    return 0


def _headed_part(units: list[list[Unit]], part: tuple[int, int]) -> bool:
    return sum(u.paired for us in units[part[0]:part[1] + 1] for u in us) >= MIN_PAIRS


def _menu(doc: Document, block: Block, units: list[Unit]) -> bool:
    """Four or more short list items or links and nothing that marks a comment."""
    if len(block.lines) < 4 or not all(u.kind in ("content", "claimed") for u in units):
        return False
    items = [t for t in (doc.slice(ln.start, ln.end) for ln in block.lines) if _ITEM.search(t)]
    words = sum(len(_WORD.findall(t)) for t in items)
    # short items: a list in a comment runs to sentences, a menu to a few words each
    return len(items) * 3 >= len(block.lines) * 2 and words <= 8 * len(items)


def _repeated_short_lines(doc: Document) -> set[str]:
    counts = Counter(normalise(doc.slice(ln.start, ln.end)) for ln in doc.lines() if ln.end - ln.start <= 40)
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


class CommentSplitter:
    """Splits the discussion into comments and turns marker lines into comment metadata.

    Works line by line inside the discussion, so a header printed in the same
    block as the text ("NAME / 2 days ago / text…") is handled like one on its
    own. Headers start a comment, or, on pages where they follow the comment
    ("…text / by NAME on DATE"), close it. In a layout with headers a comment
    runs from one header to the next; without them, every paragraph is a
    comment of its own.
    """

    name = "comment_parsing"

    def __call__(self, doc: Document) -> None:
        if doc.discussion is None:
            return
        first, last = doc.discussion
        units = doc.meta.pop(_UNITS, None) or classify(doc)
        units = units[first:last + 1]
        trailing = _headers_trail(units)
        flat = [(k, u) for k, us in enumerate(units) for u in us]
        headers = sum(u.kind in ("says", "author") for _, u in flat)
        dates = sum(u.kind == "date" for _, u in flat)
        paragraphs = sum(1 for us in units if any(u.kind == "content" for u in us))
        # a thread's items hold all the text under them; elsewhere a header must be common
        # enough that its paragraphs belong to one comment, not one comment each
        headed = max(headers, dates) >= max(2, paragraphs // 3) or any(u.item is not None for _, u in flat)
        _Split(doc, headed=headed, trailing=trailing,
               trailing_dates=_dates_trail(units, trailing)).run(flat)


def _dates_trail(units: list[list[Unit]], trailing: bool) -> bool:
    """Blogger style: "NAME said…", the text, then the date: a date line closes its comment."""
    kinds = [u.kind for us in units for u in us if u.kind != "claimed"]
    if "says" not in kinds and "author" not in kinds:
        return trailing
    before = after = 0
    for k, kind in enumerate(kinds):
        if kind == "date":
            before += k > 0 and kinds[k - 1] == "content"
            after += k + 1 < len(kinds) and kinds[k + 1] == "content"
    return before > after


class _Split:
    """The state of one pass over the discussion: pending markers and the open comment."""

    def __init__(self, doc: Document, headed: bool, trailing: bool, trailing_dates: bool):
        self.doc, self.headed, self.trailing, self.trailing_dates = doc, headed, trailing, trailing_dates
        self.author = self.reply_to = self.posted = None
        self.current: Comment | None = None
        self.closed = False  # the open comment was closed by a trailing header
        self.authors: list[str] = []
        self.thread: list[tuple[int, str]] = []  # (indent, author) of the list items open above

    def run(self, flat: list[tuple[int, Unit]]) -> None:
        previous_block = None
        for k, unit in flat:
            kind = unit.kind
            if kind == "claimed":
                continue
            if kind == "content":
                self._content(unit.line, new_block=k != previous_block)
                previous_block = k
                continue
            if kind != "claimed_meta":
                rule = f"comments.{'form' if kind == 'none' else kind}"
                self.doc.annotate(unit.line.start, unit.line.end, BOILERPLATE, "comment_meta", rule)
            if kind in ("chrome", "claimed_meta", "heading", "form", "none"):
                if kind in ("heading", "form", "none"):
                    self.current, self.closed = None, False
                continue
            if unit.item is not None:
                self.reply_to = self._parent(unit.item, unit.marker.name)
            self._marker(kind, unit.marker)
            previous_block = None

    def _content(self, line: Line, new_block: bool) -> None:
        pending = self.author or self.reply_to or (self.posted and not self.trailing_dates)
        if self.current is not None and not pending and not self.closed and (not new_block or self.headed):
            self.current.end = line.end  # more of the same comment
            return
        text = normalise(self.doc.slice(line.start, line.end))
        self.current = Comment(line.start, line.end, author=self.author, posted=self.posted,
                               reply_to=self.reply_to or self._inline_reply(text))
        self.closed = False
        self.doc.comments.append(self.current)
        if self.author:
            self.authors.append(self.author)
        self.author = self.reply_to = self.posted = None

    def _marker(self, kind: str, marker: markers.Marker) -> None:
        current = self.current
        if kind == "edited":
            if current is not None:
                current.edited = marker.when
                current.author = current.author or marker.name
            return
        if kind == "reply":
            self.reply_to = marker.name
            return
        if kind == "date" and self.trailing_dates and current is not None and not self.closed:
            current.posted = current.posted or marker.when
            self.closed = True
            return
        if self.trailing and kind in ("says", "author") and current is not None and not self.closed:
            current.author = current.author or marker.name
            current.posted = current.posted or marker.when
            if marker.name:
                self.authors.append(marker.name)
            self.closed = True
            return
        if kind in ("says", "author"):
            self.author, self.current, self.closed = marker.name, None, False
            self.posted = marker.when or (self.posted if kind == "says" else None)
        elif kind == "date":
            self.posted = marker.when
            if not self.author:
                self.current = None

    def _parent(self, indent: int, author: str) -> str | None:
        """The author of the item this one is nested in: in a threaded list a reply is
        indented under the comment it answers."""
        while self.thread and self.thread[-1][0] >= indent:
            self.thread.pop()
        parent = self.thread[-1][1] if self.thread else None
        self.thread.append((indent, author))
        return parent

    def _inline_reply(self, text: str) -> str | None:
        """"@Mike R. same here": the longest known author the mention starts with, else its first word."""
        if not text.startswith("@"):
            return None
        known = [a for a in self.authors if text[1:].startswith(a)]
        return max(known, key=len) if known else markers.inline_reply(text)
