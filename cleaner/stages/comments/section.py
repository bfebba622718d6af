"""The comment-section stage: which run of blocks is the discussion.

Scores every block (:mod:`.evidence`), takes the contiguous run with the
highest total after the article has begun, moves its edges (:mod:`.edges`),
and accepts it only when it holds a discussion: two or more headers of one
format with a body beside them, a discussion heading over a header, a
threaded list, or (with no headers at all) names with reply or edit notes
under a lasting change of layout. A run whose headers all name one person is
the site's own posts, not readers; one whose headers name nobody over
headlines is a list of dated teasers. The next-best runs are tried when the best
is not a discussion (a sidebar of dated teasers can outscore a short one). A
page printed as one line is handed to :mod:`cleaner.stages.flat_comments`.
"""
from __future__ import annotations

from collections import Counter

from ... import markers
from ...document import COMMENT, Block, Document
from ..flat_comments import find_flat_discussion
from .edges import (_from_dated, _from_heading, _heading_first, _says_none, _split_at_long_bodies,
                    _trim)
from .evidence import _evidence
from .reading import classify
from .threads import _thread_end, _thread_items
from .units import _UNITS, HEADERS, MIN_PAIRS, Unit
from .voice import _listy


MIN_SECTION_SCORE = 3.0   # total evidence a discussion needs
CANDIDATES = 3            # runs of evidence tried, best first
MIN_UNDATED = 3           # "NAME said:" headers without a date a discussion needs (without a heading)
ARTICLE_SHARE = 0.2       # the discussion cannot start in the first fifth of the text ...
ARTICLE_WORDS = 20        # ... unless a paragraph of the article ends before it
END_PENALTY = 1.5         # evidence needed to end the discussion before the page ends


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
        units = doc.meta.get(_UNITS)
        if units is not None and (lead := _lead_in(units[first])):
            doc.discussion_lead = units[first][lead].line.start
        start, _ = doc.discussion_span
        for block in doc.blocks[first:last + 1]:
            doc.annotate(max(start, block.start), block.end, COMMENT, None, "comments.section")

    def _region(self, doc: Document) -> tuple[int, int] | None:
        blocks = doc.blocks
        if not blocks:
            return None
        hinted = doc.hints.get("comments_start")
        if hinted is not None:
            first = next((b.index for b in blocks if b.start >= hinted), None)
            return (first, len(blocks) - 1) if first is not None else None
        units = classify(doc, hopeless=_hopeless)
        if units is None:
            return None
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
            tried: list[tuple[int, int]] = []
            region = next((r for r in (self._accept(doc, units, scores, structural, lasting, s, tried)
                                       for s in [span, *tails]) if r is not None), None)
            if region is not None:
                doc.meta[_UNITS] = units  # the splitter reads the same lines; claims do not change in between
                return region
            # tried: the next run must lie elsewhere; a part of the run that was cut off (a
            # discussion before a sign-in box that outscored it) may still be one
            for first, last in tried or [span]:
                for i in range(first, last + 1):
                    scores[i] = -1e6
        return None

    @staticmethod
    def _accept(doc: Document, units: list[list[Unit]], scores: list[float], structural: list[bool],
                lasting: list[bool], span: tuple[int, int],
                tried: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
        """The discussion within ``span``, or None; the part of it that was judged is added
        to ``tried``."""
        span = _trim(units, span)
        first, last = _split_at_long_bodies(doc, units, scores, _from_heading(units, span))
        if tried is not None:
            tried.append((first, last))
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
        if not headed and (_one_voice(region) or _headlines(doc, region)):
            return None
        if not headed and (after := _article_first(doc, region)) is not None and first + after <= last:
            # the article under its byline, then a list of dated teasers: the list alone must
            # be a discussion
            return CommentSection._accept(doc, units, scores, structural, lasting, (first + after, last))
        if dated >= MIN_PAIRS or (headed and dated + names >= 1) or (anchors >= 2 and replies and layout >= 3):
            return first, last
        # names heading list items with the comment indented under them: a threaded list,
        # which begins at its first item (a byline over the article is not one of its headers)
        blocks = sorted({i for i, _ in _thread_items(units, first, last)})
        if len(blocks) >= MIN_PAIRS:
            return blocks[0], last
        return None


def _lead_in(block: list[Unit]) -> int:
    """Where the discussion starts inside its first block: at its heading ("Kommentare",
    "3 Comments") when only plain text comes before it in the block. A page that prints the
    article's last paragraph and the discussion's heading without a blank line between
    makes them one block; the text before the heading, under no comment header, is the
    article's end. 0 when the block starts the discussion as a whole."""
    for k, unit in enumerate(block):
        if unit.marker is not None and unit.marker.kind == "heading":  # claimed by a rule or not
            return k
        if unit.kind not in ("content", "claimed"):
            return 0
    return 0


def _hopeless(units: list[list[Unit]], paired: bool) -> bool:
    """No run of these units can be accepted (``_accept``): each of its ways needs two
    comment headers with a body beside them (two "says" or date lines among them), one
    under a discussion heading, a reply or edit note, or items of a threaded list.
    ``paired``: whether headers know their bodies yet. Most pages have none of these,
    and their blocks need no scores."""
    headers, heading = 0, False
    for us in units:
        for u in us:
            if u.kind in ("reply", "edited") or u.item is not None:
                return False
            heading = heading or (u.marker is not None and u.marker.kind == "heading")
            headers += u.paired if paired else u.kind in ("says", "date")
    if not paired:
        return not heading and headers < MIN_PAIRS
    return headers < (1 if heading else MIN_PAIRS)


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


HEADLINE_WORDS = 20       # a headline has at most this many words ...
HEADLINE_SHARE = 0.8      # ... and a list of teasers this share of its words in headlines
MIN_HEADLINES = 3
_SENTENCE_ENDS = (".", "!", "?", "…", ")", '"', "”", ":", ";")


def _headlines(doc: Document, region: list[list[Unit]]) -> bool:
    """Headers that name nobody over texts whose words are nearly all in headlines (short
    lines, no full stop at the end): a list of dated teasers ("Mortgage approvals rise
    slightly" / "27 Apr 2010"), not readers, who sign what they write and end most of it
    with a full stop, a "!" or a "?"."""
    if any(u.kind in ("author", "reply", "edited") or u.kind == "says" and u.marker.name
           for us in region for u in us):
        return False
    texts = [doc.slice(u.line.start, u.line.end).rstrip() for us in region for u in us if u.kind == "content"]
    words = [len(t.split()) for t in texts]
    shaped = sum(n for n, t in zip(words, texts) if n <= HEADLINE_WORDS and not t.endswith(_SENTENCE_ENDS))
    return len(texts) >= MIN_HEADLINES and shaped >= HEADLINE_SHARE * sum(words)


FIRST_BODY_WORDS = 250   # a first "comment" of this many words or more ...
FIRST_BODY_SHARE = 0.5   # ... holding this share of the run's words is the article


def _article_first(doc: Document, region: list[list[Unit]]) -> int | None:
    """The block of the second header in ``region`` when the first header heads an
    article: its text holds most of the run's words (a byline's name and date over the
    article read like a comment header, and a list of dated teasers after it supplies the
    rest of the headers). Readers' comments are rarely longer than all the others put
    together. None when the run does not open that way."""
    flat = [(i, u) for i, us in enumerate(region) for u in us if u.kind != "claimed"]
    if not flat or flat[0][1].kind not in HEADERS:
        return None
    words = [len(doc.slice(u.line.start, u.line.end).split()) if u.kind == "content" else 0 for _, u in flat]
    second = next((k for k in range(1, len(flat))
                   if flat[k][1].kind in HEADERS and flat[k - 1][1].kind not in HEADERS), None)
    if second is None or flat[second][0] == flat[0][0]:
        return None  # comments that share a block are no article
    first_body = sum(words[:second])
    if first_body >= FIRST_BODY_WORDS and first_body >= FIRST_BODY_SHARE * sum(words):
        return flat[second][0]
    return None


def _shape(marker: markers.Marker) -> tuple:
    """What a header looks like, so that only headers of one format count together."""
    when = marker.when or ""
    return (marker.kind, marker.name is not None, ":" in when, "ago" in when or when.isalpha())


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
