"""Where the discussion starts and ends, once a run of evidence is found.

Moves the edges of a candidate run: it starts at a discussion heading that
precedes its first header ("23 Responses to …"), or at the first dated header
when bare names before it are the article's subheadings; it is cut where
headers are an article's length apart or a menu stands between them; it never
runs past the comment form once no header follows; and it is given up when
the page says "No comments".
"""
from __future__ import annotations

from ...document import Block, Document
from ...patterns import lazy, settle
from .evidence import _headers_trail
from .units import _HEADER_PARTS, _ITEM, ANCHORS, HEADERS, MAX_BODY_BLOCKS, MAX_BODY_WORDS, MIN_PAIRS, Unit
from .voice import _WORD


_COUNTED = lazy(r"(?i)^\W*\d+\s+(?:comments?|responses?|thoughts?|reactions?)\b")


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


settle(globals())
