"""Reader discussions inside a flattened page, read off their timestamps.

Comment systems stamp every comment with its date and time of day, and print the
stamp before the text with the name ("… Reply Anna — July 18th, 2012, 4:09 pm Great
…", "Karl Fisch10/28/12 6:13 PM Brandt - I …"), before it with the name after it
("on 2012-10-09 at 9:03 am Fernando Can you …"), or in a footer below the text
("… Comment #3 - Posted by: Drew at November 10, 2012 6:00 PM", "by BW Smith on Aug
9, 2012 10:21 AM EDT reply"). :mod:`flat_comments` reads the first kind by its
header; this reads any of them by the stamps alone: a run of them after a
discussion heading ("14 Comments", "Comments", "Leave a Reply"), with readers'
sentences between them, is the discussion. An article prints one stamp, its
byline; a teaser list prints stamps without sentences between them.

Which side of its text a stamp stands on shows in what comes between the heading
and the first stamp: a name or nothing (the stamps head the comments), or a
comment's sentences (they close them).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .. import markers
from ..document import COMMENT, Comment, Document
from ..patterns import lazy, settle
from ..render import normalise
from .flat_text import (ARTICLE_WORDS, COUNTED, MAX_GAP_WORDS, OPENER, OPENER_WORDS, RULE, SCAN_TIMEOUT,
                        SENTENCE_END, TITLED_WORDS, count_words, last_body_end, mark_meta, strip_span,
                        trim_trailer)

if TYPE_CHECKING:
    import regex

MIN_STAMPS = 3       # stamps a discussion needs: a byline and a reply or two are not one
HEAD_WORDS = 12      # at most this between the heading and a first stamp that heads its comment
LEAD_GAPS = 3        # a first comment closed by its stamp runs at most this many typical comments long
TRIES = 20           # headings tried on one line: each try reads the stamps after it once

# What opens a discussion: a count, a heading word as a heading prints it, the comment form.
HEADING = lazy(r"(?<![\p{L}\p{N}])(?:Comments|COMMENTS|Responses|Discussion|Reader\s+comments)(?![\p{L}])")
# A footer's lead before its stamp: "Comment #3 - Posted by: NAME at", "by NAME on", "NAME |".
FOOTER = lazy(r"(?i)(?:comment\s*#?\s*\d+\s*[-–—:|]?\s*)?(?:(?:posted|written|submitted)\s+by|(?<!\p{L})by)\s*:?\s+"
              r"(?P<name>[^\s:|][^:|]{0,48}?)\s*(?:\s(?:at|on)|[|,·—–-])?\s*$")
# Every stamp holds one of these: the time of day, or a permalink after the date.
_STAMP_CUE = lazy(r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?i:permalink)")
# What may stand between a header's name and its stamp: "Anna — DATE", "Ranjit | DATE", "Janet Posted DATE".
_JOINER = lazy(r"(?i)(?:\s*(?:[—–|·•-]|posted|on|at|@))*\s*$")


def stamped_discussion(doc: Document, start: int, end: int) -> bool:
    """Marks a discussion read off its stamps inside the flattened line from ``start`` to
    ``end``; True when one was found."""
    text = doc.text
    stamps = _stamps(text, start, end)
    if len(stamps) < MIN_STAMPS:
        return False
    starts = [s.start() for s in stamps]
    headings = _headings(text, start, end)
    tries = 0
    for k, (heading, counted) in enumerate(headings):
        first = bisect_left(starts, heading.end())
        if first == len(starts) or tries == TRIES:
            break
        if k + 1 < len(headings) and headings[k + 1][0].end() <= starts[first]:
            continue  # a later heading stands between this one and the stamps: that one opens them
        tries += 1
        run = _run(text, stamps[first:])
        if len(run) >= MIN_STAMPS and _mark_run(doc, start, heading, counted, run, end):
            return True
    return False


def _stamps(text: str, start: int, end: int) -> list[regex.Match]:
    """The stamps of the line, each read only around its time of day or its permalink: the
    full pattern run over a whole line took a third of the pipeline's time on html2txt pages."""
    out: list[regex.Match] = []
    for k in _STAMP_CUE.finditer(text, start, end, timeout=SCAN_TIMEOUT):
        if out and k.start() < out[-1].end():
            continue
        window = markers.COMMENT_STAMP.finditer(text, max(start, k.start() - 48), min(end, k.end() + 24),
                                                timeout=SCAN_TIMEOUT)
        m = next((m for m in window if m.start() <= k.start() < m.end()), None)
        if m is not None:
            out.append(m)
    return out


def _headings(text: str, start: int, end: int) -> list[tuple[regex.Match, bool]]:
    """Each heading, and whether it counts the comments."""
    found = [*((m, True) for m in COUNTED.finditer(text, start, end, timeout=SCAN_TIMEOUT)),
             *((m, False) for m in OPENER.finditer(text, start, end, timeout=SCAN_TIMEOUT)),
             *((m, False) for m in HEADING.finditer(text, start, end, timeout=SCAN_TIMEOUT))]
    out: list[tuple[regex.Match, bool]] = []
    for m, counted in sorted(found, key=lambda h: (h[0].start(), -h[0].end())):
        if out and m.start() < out[-1][0].end():  # "57 Comments" read as a count and as a heading word
            out[-1] = (out[-1][0], out[-1][1] or counted)
        else:
            out.append((m, counted))
    return out


def _run(text: str, stamps: list[regex.Match]) -> list[regex.Match]:
    """The stamps that follow each other no further apart than a long comment."""
    run = stamps[:1]
    for s in stamps[1:]:
        if count_words(text, run[-1].end(), s.start()) > MAX_GAP_WORDS:
            break
        run.append(s)
    return run


def _mark_run(doc: Document, start: int, heading: regex.Match, counted: bool, run: list[regex.Match],
              end: int) -> bool:
    text = doc.text
    lead = text[heading.end():run[0].start()]
    heads = len(lead.split()) <= HEAD_WORDS and not SENTENCE_END.search(lead, timeout=SCAN_TIMEOUT)
    # the article comes first; a count right above stamped comments ends one however short
    if count_words(text, start, heading.start()) < (TITLED_WORDS if counted and heads else ARTICLE_WORDS):
        return False
    import statistics  # here, not at the top: the module and its own imports were 7 ms of a start-up
    gaps = [count_words(text, a.end(), b.start()) for a, b in zip(run, run[1:])]
    if not heads and len(lead.split()) > max(OPENER_WORDS, LEAD_GAPS * statistics.median(gaps)):
        return False  # an article between the heading and the stamps, not a first comment
    blocks = _blocks(text, heading.end(), run, heads)
    bodies = _bodies(text, heading.end(), blocks, heads, end)
    if 2 * sum(bool(SENTENCE_END.search(text, a, b, timeout=SCAN_TIMEOUT)) for a, b in bodies) < len(bodies):
        return False  # readers write sentences; a list of dated teasers does not
    last = bodies[-1][1] if heads else blocks[-1][1]
    doc.flat_discussion = (heading.start(), last)
    doc.annotate(heading.start(), last, COMMENT, None, RULE)
    mark_meta(doc, heading.start(), heading.end())
    for (a, b, author), stamp, (x, y) in zip(blocks, run, bodies):
        mark_meta(doc, a, b)
        x, y = strip_span(text, x, trim_trailer(doc, x, y))
        if x < y:
            doc.comments.append(Comment(x, y, author=author, posted=stamp["when"].strip(),
                                        reply_to=markers.inline_reply(normalise(text[x:y]))))
    return True


def _bodies(text: str, opened: int, blocks: list[tuple[int, int, str | None]], heads: bool,
            end: int) -> list[tuple[int, int]]:
    """Each comment's text: after its stamp up to the next one (the last up to where the prose
    ends), or, when the stamps close the comments, from the one before (or the heading)."""
    if heads:
        return [(b, a) for (_, b, _), (a, _, _) in zip(blocks, blocks[1:])] + \
            [(blocks[-1][1], last_body_end(text, blocks[-1][1], end))]
    return [(b, a) for (_, b, _), (a, _, _) in zip([(0, opened, None), *blocks], blocks)]


def _blocks(text: str, floor: int, run: list[regex.Match], heads: bool) -> list[tuple[int, int, str | None]]:
    """Each stamp with the name it goes with: (start, end, author)."""
    out: list[tuple[int, int, str | None]] = []
    for stamp in run:
        low = out[-1][1] if out else floor
        a, author = (_header_name if heads else _footer_name)(text, max(low, stamp.start() - 120), stamp.start())
        out.append((max(a, low), stamp.end(), author))
    return out


def _header_name(text: str, low: int, pos: int) -> tuple[int, str | None]:
    joined = _JOINER.search(text, low, pos, timeout=SCAN_TIMEOUT)
    named = markers.name_before(text, joined.start() if joined else pos, floor=low)
    if named is None:
        return pos, None
    start, name = named
    author = name.lstrip("}]).,;:|-–— ")  # "{ 17 comments… add one } Anna": the heading's brace
    return start + len(name) - len(author), author or None


def _footer_name(text: str, low: int, pos: int) -> tuple[int, str | None]:
    m = FOOTER.search(text, low, pos, timeout=SCAN_TIMEOUT)
    if m is None:
        return _header_name(text, low, pos)
    return m.start(), m["name"].strip() or None


settle(globals())
