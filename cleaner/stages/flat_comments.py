"""Reader discussions inside a flattened page.

Some converters print a whole page as one line (trafilatura's ``html2txt`` does).
The comment section stage reads lines and blocks and finds nothing there, so the
comments would stay in the main text. Inside such a line the discussion still
shows in what comment systems print inline: comment headers ("NAME says DATE",
"NAME 2 years ago", "by NAME ( 123 ) writes:") in a run after the article, often
under a heading ("42 Comments", "Leave a Reply"). A run of such headers at the end
of the article is the discussion; it is cut into comments at its headers.

The evidence is weaker than on lines (a header is not a line of its own), so the
run needs several headers close together, and the article before it. A name and a
timestamp with no verb ("Shelley Owen September 14th, 2012 at 11:19 am") is how a
byline looks too, so it counts as a header only after a heading that counts the
comments. Some converters drop the headers altogether; WordPress's titled heading
("59 Comments on “TITLE”") then still opens the discussion, which runs to the
comment form.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import markers
from ..document import BOILERPLATE, COMMENT, Comment, Document
from ..patterns import lazy, settle
from ..render import normalise
from ..structure.features import split_flat
from .flat_stamps import stamped_discussion
from .flat_text import (ARTICLE_WORDS, COUNTED, ENDS, MAX_GAP_WORDS, OPENER, OPENER_WORDS, RULE, SCAN_TIMEOUT,
                        SENTENCE_END, TITLED_WORDS, TRAILER, count_words, last_body_end, long_lines, mark_meta,
                        strip_span, trim_trailer, unbuttoned)

if TYPE_CHECKING:
    import regex

TAIL_RULE = "comments.flat-tail"
MIN_HEADERS = 2        # inline headers a discussion needs, no further apart than MAX_GAP_WORDS
COUNTED_GAP_WORDS = 2000  # ... or this many under a heading that counts them (a long comment)
OPENER_CHARS = 40 * OPENER_WORDS  # OPENER_WORDS are read only within this many characters
LATE_SHARE = 0.5       # a bare count past this share of the page's words heads its discussion

_WORD = lazy(r"\S+")
_HEADINGS = frozenset(("comments", "comment", "responses", "replies", "discussion", "reactions"))
# every header has one of these; a stamped header has the time of day
_HEADER_WORD = lazy(r"(?i)(?<!\p{L})(?:says|wrote|writes|said|ago)(?!\p{L})|(?<!\d)\d{1,2}:\d{2}(?!\d)")
# A reply button between two comments of a headerless discussion ("… a scoop. Reply ↓ Hi Anne").
REPLY_BUTTON = lazy(r"(?<=[.!?…\"”')]\s{1,3})(?:Reply|REPLY)(?:\s*↓)?(?=\s+[\p{Lu}\d@\"“])")


@dataclass(slots=True)
class _Header:
    start: int   # where the name starts
    at: int      # where the header's verb or date starts
    end: int     # where the comment's text starts
    author: str
    posted: str | None
    stamped: bool = False  # a name and a timestamp, no verb


def find_flat_discussion(doc: Document) -> bool:
    """Marks the discussion inside a flattened line as comments; True when one was found.
    Its headers are read first, then its timestamps (:mod:`flat_stamps`)."""
    for start, end in long_lines(doc):
        try:
            if _discussion_in(doc, start, end):
                if len(doc.comments) >= MIN_HEADERS:
                    _tail(doc, end)
                return True
        except TimeoutError:  # hostile text: no discussion rather than a hung batch
            continue
    return False


def _tail(doc: Document, end: int) -> None:
    """What the flattened line prints after its discussion is the comment form and the
    page's sidebars and footer: the article comes before its discussion. Called for a
    discussion of two comments or more: one comment under a count may be a byline read
    as its header, the article after it."""
    a, b = strip_span(doc.text, doc.flat_discussion[1], end)
    if a < b:
        doc.annotate(a, b, BOILERPLATE, "page_footer", TAIL_RULE)


def _discussion_in(doc: Document, start: int, end: int) -> bool:
    """The discussion read by its headers, else by its stamps, else bounded by a heading
    and the comment form."""
    headers = _headers(doc.text, start, end)
    heading = _heading(doc.text, start, end, headers)
    return _by_headers(doc, start, end, heading, headers) or stamped_discussion(doc, start, end) or \
        heading is not None and (heading["titled"] or _late(doc.text, start, end, heading)) and \
        _headerless(doc, heading, end)


def _by_headers(doc: Document, start: int, end: int, heading: regex.Match | None, headers: list[_Header]) -> bool:
    text = doc.text
    after = heading.end() if heading else end
    headers = [h for h in headers if not h.stamped or h.start >= after]
    run = _last_run(text, headers, after if heading else None) or _single(text, headers, heading)
    under_title = heading is not None and bool(heading["titled"]) and run is not None \
        and run[0].start >= heading.start()
    if run is None or count_words(text, start, run[0].start) < (TITLED_WORDS if under_title else ARTICLE_WORDS):
        return False
    first, run = _opened(text, start, run)
    if not run or len(run) < MIN_HEADERS and not _under(text, heading, run[0]):
        return False
    last = last_body_end(text, run[-1].end, end)
    ends = [h.start for h in run[1:]] + [last]
    # readers write sentences; a list of teasers ("Title 5 days ago 407 Title …") does not
    # (no teaser list stands under a titled discussion heading)
    sentences = sum(bool(SENTENCE_END.search(text, h.end, e, timeout=SCAN_TIMEOUT)) for h, e in zip(run, ends))
    if sentences * 2 < len(run) and not under_title:
        return False
    _mark(doc, first, last, run, ends)
    return True


def _opened(text: str, start: int, run: list[_Header]) -> tuple[int, list[_Header]]:
    """Where the discussion starts, and its headers once the first is checked against
    the heading or the sentence before it."""
    first, opened = _opener(text, start, run[0])
    if opened > run[0].start:  # "Comments Oldest Newest Sara 2 years ago": the name follows the heading
        named = markers.name_before(text, run[0].at, floor=opened)
        if named is None:
            run = run[1:]
        else:
            run[0].start, run[0].author = named
    elif first == run[0].start and not _after_break(text, start, first):
        run = run[1:]  # "… two levels of Single-A a year ago Machado had …": the article's sentence
        first = run[0].start if run else first
    return (min(first, run[0].start) if run else first), run


def _mark(doc: Document, first: int, last: int, run: list[_Header], ends: list[int]) -> None:
    """The discussion as comments: headers and buttons are comment metadata."""
    doc.flat_discussion = (first, last)
    doc.annotate(first, last, COMMENT, None, RULE)
    mark_meta(doc, first, run[0].start)
    for header, nxt in zip(run, ends):
        mark_meta(doc, header.start, header.end)
        a, b = strip_span(doc.text, header.end, trim_trailer(doc, header.end, nxt))
        if a < b:
            doc.comments.append(Comment(a, b, author=header.author, posted=header.posted,
                                        reply_to=markers.inline_reply(normalise(doc.text[a:b]))))


def _heading(text: str, start: int, end: int, headers: list[_Header]) -> regex.Match | None:
    """The heading that counts comments, past the article's first words: the first with a
    comment header right under it (readers write "15 comments" in their comments too), else
    the last."""
    found, words, pos = [], 0, start
    for m in COUNTED.finditer(text, start, end, timeout=SCAN_TIMEOUT):
        words, pos = words + count_words(text, pos, m.start()), m.start()  # counted once: linear
        if words >= (TITLED_WORDS if m["titled"] else ARTICLE_WORDS):
            found.append(m)
    starts = [h.start for h in headers]
    for m in found:
        k = bisect_left(starts, m.end())
        if k < len(starts) and starts[k] - m.end() <= OPENER_CHARS \
                and count_words(text, m.end(), starts[k]) <= OPENER_WORDS:
            return m
    return found[-1] if found else None


def _headers(text: str, start: int, end: int) -> list[_Header]:
    out: list[_Header] = []
    for m, stamped in _header_matches(text, start, end):
        named = markers.name_before(text, m.start())
        if named is None or named[0] < start:
            continue  # a header with no name before it is a date in a sentence
        when = m["when"]
        out.append(_Header(named[0], m.start(), m.end(), named[1], when.strip() if when else None, stamped))
    return out


def _header_matches(text: str, start: int, end: int) -> list[tuple[regex.Match, bool]]:
    """Header matches (and whether each is only stamped), tried only around their words:
    the full pattern run over the whole line took 7% of the pipeline's time on html2txt
    pages, tried around the words 1.8%."""
    out: list[tuple[regex.Match, bool]] = []
    for k in _HEADER_WORD.finditer(text, start, end, timeout=SCAN_TIMEOUT):
        if out and k.start() < out[-1][0].end():
            continue
        stamped = k.group()[:1].isdigit()
        pattern = markers.STAMP_HEADER if stamped else markers.INLINE_HEADER
        window = pattern.finditer(text, max(start, k.start() - (48 if stamped else 24)), min(end, k.end() + 80),
                                  timeout=SCAN_TIMEOUT)
        m = next((m for m in window if m.start() <= k.start() < m.end()), None)
        if m is not None:
            out.append((m, stamped))
    return out


def _last_run(text: str, headers: list[_Header], counted: int | None = None) -> list[_Header] | None:
    """The last run of headers close together: a discussion is the page's tail. Past a
    heading that counts the comments (from ``counted`` on) one comment may run longer."""
    runs: list[list[_Header]] = []
    for h in headers:
        gap = COUNTED_GAP_WORDS if counted is not None and runs and runs[-1][-1].start >= counted else MAX_GAP_WORDS
        if runs and count_words(text, runs[-1][-1].end, h.start) <= gap:
            runs[-1].append(h)
        else:
            runs.append([h])
    runs = [r for r in runs if len(r) >= MIN_HEADERS]
    return runs[-1] if runs else None


def _single(text: str, headers: list[_Header], heading: regex.Match | None) -> list[_Header] | None:
    """One header right under a heading that counts the comments ("1 Comment Julie wrote:"):
    the count vouches for the discussion that one header alone would not."""
    first = next((h for h in headers if heading and h.start >= heading.end()), None)
    return [first] if first and _under(text, heading, first) else None


def _under(text: str, heading: regex.Match | None, header: _Header) -> bool:
    return heading is not None and header.start >= heading.end() and \
        count_words(text, heading.end(), header.start) <= OPENER_WORDS


def _opener(text: str, start: int, header: _Header) -> tuple[int, int]:
    """The discussion starts at a heading or form shortly before its first header (or
    between the header's name and its date): where that heading starts and ends, or the
    header's start twice when there is none."""
    words = list(_WORD.finditer(text, start, header.at))[-OPENER_WORDS:]
    m = OPENER.search(text, words[0].start(), header.at, timeout=SCAN_TIMEOUT) if words else None
    return (m.start(), m.end()) if m else (header.start, header.start)


def _after_break(text: str, start: int, pos: int) -> bool:
    """True when what comes before ``pos`` ends a sentence or a comment (a full stop, a
    "Reply" button, the comment's number) or is a heading ("Comments"): a header's name
    starts there, not mid-sentence."""
    before = text[max(start, pos - 40):pos].rstrip()
    if not before or before.endswith(ENDS):
        return True
    last = before.split()[-1]
    return last.isdigit() or last.lower().rstrip(":") in _HEADINGS or bool(
        TRAILER.fullmatch(" " + last, timeout=SCAN_TIMEOUT))


def _late(text: str, start: int, end: int, heading: regex.Match | None) -> bool:
    """A bare count ("39 Comments") that heads the discussion, not a byline's: past half
    the page's words (a byline stands above the article) and followed by a comment's capital."""
    if heading is None:
        return False
    after = text[heading.end():heading.end() + 3].lstrip()
    return after[:1].isupper() and count_words(text, start, heading.start()) >= LATE_SHARE * count_words(text, start, end)


def _headerless(doc: Document, heading: regex.Match, end: int) -> bool:
    """A titled heading (or a late count) and no headers: the comments run from the heading
    to the form, cut at their reply buttons when the page prints them."""
    text = doc.text
    close = _form_start(text, heading.end(), end)
    if close is None or not SENTENCE_END.search(text, heading.end(), close, timeout=SCAN_TIMEOUT):
        return False
    doc.flat_discussion = (heading.start(), close)
    doc.annotate(heading.start(), close, COMMENT, None, RULE)
    mark_meta(doc, heading.start(), heading.end())
    pos = heading.end()
    for m in [*REPLY_BUTTON.finditer(text, pos, close, timeout=SCAN_TIMEOUT), None]:
        stop = m.start() if m else close
        a, b = strip_span(text, pos, stop)
        if a < b:
            doc.comments.append(Comment(a, b, reply_to=markers.inline_reply(normalise(text[a:b]))))
        if m:
            mark_meta(doc, m.start(), m.end())
            pos = m.end()
    return True


def _form_start(text: str, pos: int, end: int) -> int | None:
    """Where the comment form (or its closing note) starts after ``pos``: the first
    piece that reads as one."""
    for a, b in split_flat(text, pos, end):
        if markers.FORM.match(unbuttoned(text, a, b), timeout=SCAN_TIMEOUT):
            return a
    return None

