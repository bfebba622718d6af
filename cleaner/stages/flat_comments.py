"""Reader discussions inside a flattened page.

Some converters print a whole page as one line (trafilatura's ``html2txt`` does).
The comment section stage reads lines and blocks and finds nothing there, so the
comments would stay in the main text. Inside such a line the discussion still
shows in what comment systems print inline: comment headers ("NAME says DATE",
"NAME 2 years ago", "by NAME ( 123 ) writes:") in a run after the article, often
under a heading ("42 Comments", "Leave a Reply"). A run of such headers at the end
of the article is the discussion; it is cut into comments at its headers.

The evidence is weaker than on lines (a header is not a line of its own), so the
run needs several headers close together, and the article before it.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import markers
from ..document import BOILERPLATE, COMMENT, Comment, Document
from ..render import normalise
from ..structure.features import FLAT, split_flat

RULE = "comments.flat"
MIN_HEADERS = 2        # inline headers a discussion needs ...
MAX_GAP_WORDS = 800    # ... no further apart than this many words (a long comment)
ARTICLE_WORDS = 100    # words of the page before the discussion: the article comes first
OPENER_WORDS = 80      # how far before the first header a discussion heading may stand
LAST_BODY_WORDS = 300  # the last comment runs on for at most this many words of prose
SCAN_TIMEOUT = 2.0     # seconds for reading the headers of one line

# A discussion heading or the comment form, printed inline before the comments.
OPENER = regex.compile(
    r"(?i)(?<![\p{L}\p{N}])(?:(?:\d+\s+(?:reader\s+)?)?(?:comments?|responses?|replies|thoughts?\s+on)"
    r"(?:\s+(?:oldest|newest|most\s+voted|inline\s+feedbacks?|view\s+all\s+comments))+"
    r"|\d+\s+(?:reader\s+)?(?:comments?|responses?|replies|thoughts?\s+on)"
    r"|leave\s+a\s+(?:reply|comment)|(?:view|show)\s+all\s+comments)(?![\p{L}])")
SENTENCE_END = regex.compile(r"\p{L}[.!?…]+[\"”’')]*(?:\s|$)")
_LEADING_CHROME = regex.compile(r"(?i)^(?:(?:reply|report|like|share|permalink)\s+)+")
_ENDS = tuple(".!?…\"”)")
# Buttons printed after a comment's text ("… great tip! Reply", "Reply to comment").
TRAILER = regex.compile(r"(?i)(?:\s*(?:reply(?:\s+to\s+(?:this\s+)?comment)?|report|like|permalink|flag"
                        r"(?:\s+as\s+inappropriate)?|share|Δ|\(score:[^()]{0,40}\)|by))+\s*$")
_WORD = regex.compile(r"\S+")
_HEADER_WORD = regex.compile(r"(?i)(?<!\p{L})(?:says|wrote|writes|said|ago)(?!\p{L})")  # every header has one


@dataclass(slots=True)
class _Header:
    start: int   # where the name starts
    at: int      # where the header's verb or date starts
    end: int     # where the comment's text starts
    author: str
    posted: str | None


def find_flat_discussion(doc: Document) -> bool:
    """Marks the discussion inside a flattened line as comments; True when one was found."""
    for line in doc.lines():
        try:
            if line.end - line.start > FLAT and _discussion_in(doc, line.start, line.end):
                return True
        except TimeoutError:  # hostile text: no discussion rather than a hung batch
            continue
    return False


def _discussion_in(doc: Document, start: int, end: int) -> bool:
    headers = _headers(doc.text, start, end)
    run = _last_run(doc.text, headers)
    if run is None or _words(doc.text, start, run[0].start) < ARTICLE_WORDS:
        return False
    first, opened = _opener(doc.text, start, run[0].at)
    if opened > run[0].start:  # "Comments Oldest Newest Sara 2 years ago": the name follows the heading
        named = markers.name_before(doc.text, run[0].at, floor=opened)
        if named is None:
            run = run[1:]
        else:
            run[0].start, run[0].author = named
        if len(run) < MIN_HEADERS:
            return False
    first = min(first, run[0].start)
    last = _last_body_end(doc.text, run[-1].end, end)
    ends = [h.start for h in run[1:]] + [last]
    # readers write sentences; a list of teasers ("Title 5 days ago 407 Title …") does not
    sentences = sum(bool(SENTENCE_END.search(doc.text, h.end, e, timeout=SCAN_TIMEOUT)) for h, e in zip(run, ends))
    if sentences * 2 < len(run):
        return False
    doc.flat_discussion = (first, last)
    doc.annotate(first, last, COMMENT, None, RULE)
    _meta(doc, first, run[0].start)
    for header, nxt in zip(run, ends):
        _meta(doc, header.start, header.end)
        a, b = _strip(doc.text, header.end, _trim_trailer(doc, header.end, nxt))
        if a < b:
            doc.comments.append(Comment(a, b, author=header.author, posted=header.posted,
                                        reply_to=markers.inline_reply(normalise(doc.text[a:b]))))
    return True


def _headers(text: str, start: int, end: int) -> list[_Header]:
    out: list[_Header] = []
    for m in _header_matches(text, start, end):
        named = markers.name_before(text, m.start())
        if named is None or named[0] < start:
            continue  # a header with no name before it is a date in a sentence
        when = m["when"]
        out.append(_Header(named[0], m.start(), m.end(), named[1], when.strip() if when else None))
    return out


def _header_matches(text: str, start: int, end: int) -> list[regex.Match]:
    """Header matches, tried only around their words: the full pattern run over the whole
    line took 7% of the pipeline's time on html2txt pages, tried around the words 1.8%."""
    out: list[regex.Match] = []
    for k in _HEADER_WORD.finditer(text, start, end, timeout=SCAN_TIMEOUT):
        if out and k.start() < out[-1].end():
            continue
        window = markers.INLINE_HEADER.finditer(text, max(start, k.start() - 24), min(end, k.end() + 80),
                                                timeout=SCAN_TIMEOUT)
        m = next((m for m in window if m.start() <= k.start() < m.end()), None)
        if m is not None:
            out.append(m)
    return out


def _last_run(text: str, headers: list[_Header]) -> list[_Header] | None:
    """The last run of headers close together: a discussion is the page's tail."""
    runs: list[list[_Header]] = []
    for h in headers:
        if runs and _words(text, runs[-1][-1].end, h.start) <= MAX_GAP_WORDS:
            runs[-1].append(h)
        else:
            runs.append([h])
    runs = [r for r in runs if len(r) >= MIN_HEADERS]
    return runs[-1] if runs else None


def _opener(text: str, start: int, first_header: int) -> tuple[int, int]:
    """The discussion starts at a heading or form shortly before its first header: where
    that heading starts and ends (the header itself when there is none)."""
    words = list(_WORD.finditer(text, start, first_header))[-OPENER_WORDS:]
    m = OPENER.search(text, words[0].start(), first_header, timeout=SCAN_TIMEOUT) if words else None
    return (m.start(), m.end()) if m else (first_header, first_header)


def _last_body_end(text: str, pos: int, end: int) -> int:
    """Where the last comment ends: its sentences, up to the first piece that is not prose."""
    out, words = pos, 0
    for a, b in split_flat(text, pos, end):
        piece = _LEADING_CHROME.sub("", text[a:b], timeout=SCAN_TIMEOUT)  # "Reply Leave a Reply"
        closes = markers.FORM.match(piece, timeout=SCAN_TIMEOUT) or OPENER.match(piece, timeout=SCAN_TIMEOUT)
        if words and (not piece.endswith(_ENDS) or closes):
            break
        words += len(piece.split())
        out = b
        if words >= LAST_BODY_WORDS:
            break
    return out


def _trim_trailer(doc: Document, start: int, end: int) -> int:
    """A comment's buttons ("Reply") are comment metadata, not its text."""
    try:
        m = TRAILER.search(doc.text, start, end, timeout=SCAN_TIMEOUT)
    except TimeoutError:
        return end
    if m and m.start() > start:
        _meta(doc, m.start(), end)
        return m.start()
    return end


def _meta(doc: Document, start: int, end: int) -> None:
    a, b = _strip(doc.text, start, end)
    if a < b:
        doc.annotate(a, b, BOILERPLATE, "comment_meta", RULE)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())
