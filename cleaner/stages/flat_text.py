"""What reading a page printed as one line needs, whichever marks its discussion.

:mod:`flat_comments` reads a flattened discussion by its inline headers and
:mod:`flat_stamps` by its timestamps; both find it after the article, under a
heading, and end its last comment where the prose ends.
"""
from __future__ import annotations

from .. import markers
from ..document import BOILERPLATE, Document
from ..patterns import lazy, settle
from ..structure.features import FLAT, split_flat

RULE = "comments.flat"
MAX_GAP_WORDS = 800    # comment markers no further apart than this many words (a long comment)
ARTICLE_WORDS = 100    # words of the page before the discussion: the article comes first
TITLED_WORDS = 10      # ... fewer under a titled heading, which ends an article however short
OPENER_WORDS = 80      # how far before the first header a discussion heading may stand
LAST_BODY_WORDS = 300  # the last comment runs on for at most this many words of prose
SCAN_TIMEOUT = 2.0     # seconds for one scan of a line

# A discussion heading or the comment form, printed inline before the comments.
OPENER = lazy(
    r"(?i)(?<![\p{L}\p{N}])(?:(?:\d+\s+(?:reader\s+)?)?(?:comments?|responses?|replies|thoughts?\s+on)"
    r"(?:\s+(?:oldest|newest|most\s+voted|inline\s+feedbacks?|view\s+all\s+comments))+"
    r"|\d+\s+(?:reader\s+)?(?:comments?|responses?|replies|thoughts?\s+on)"
    r"|leave\s+a\s+(?:reply|comment)|(?:view|show)\s+all\s+comments)(?![\p{L}])")
SENTENCE_END = lazy(r"\p{L}[.!?…]+[\"”’')]*(?:\s|$)")
LEADING_CHROME = lazy(r"(?i)^(?:(?:reply|report|like|share|permalink)(?:\s*↓)?\s+)+")
ENDS = tuple(".!?…\"”)")
# Buttons printed after a comment's text ("… great tip! Reply", "Reply to comment"), and the
# next comment's number after them ("… Reply 5").
TRAILER = lazy(r"(?i)(?:\s*(?:reply(?:\s+to\s+(?:this\s+)?comment)?|report|like|permalink|flag"
                        r"(?:\s+as\s+inappropriate)?|share|Δ|\(score:[^()]{0,40}\)|by))+(?:\s+\d{1,4})?\s*$")
# A heading that counts the comments ("59 Comments", "One thought on “TITLE”", "Comments (115)");
# titled, it is WordPress's, which no byline prints. Not a rank ("my #1 thought").
COUNTED = lazy(r"(?i)(?<![\p{L}\p{N}#])(?:(?:[1-9]\d*|one)\s+(?:reader\s+)?(?:comments?|responses?|replies"
                        r"|thoughts?)(?!\p{L})(?P<titled>\s+(?:on|to)\s+"
                        r"(?:“[^”]{1,200}”|\"[^\"]{1,200}\"|«[^»]{1,200}»|‘[^’]{1,200}’):?)?"
                        r"|comments\s+(?:\(\s*[1-9]\d*\s*\)|[1-9]\d*)(?![\p{L}\p{N}]))")


def long_lines(doc: Document) -> list[tuple[int, int]]:
    """The spans of the lines longer than FLAT: the flattened ones."""
    if len(doc.text) <= FLAT or max(map(len, doc.text.split("\n"))) <= FLAT:
        return []  # no line longer than FLAT (a line lies within a piece between line ends)
    return [(line.start, line.end) for line in doc.lines() if line.end - line.start > FLAT]


def unbuttoned(text: str, a: int, b: int) -> str:
    """A piece without the buttons it starts with ("Reply Leave a Reply")."""
    return LEADING_CHROME.sub("", text[a:b], timeout=SCAN_TIMEOUT)


def last_body_end(text: str, pos: int, end: int) -> int:
    """Where the last comment ends: its sentences, up to the first piece that is not prose."""
    out, words = pos, 0
    for a, b in split_flat(text, pos, end):
        piece = unbuttoned(text, a, b)
        closes = markers.FORM.match(piece, timeout=SCAN_TIMEOUT) or OPENER.match(piece, timeout=SCAN_TIMEOUT)
        if words and (not piece.endswith(ENDS) or closes):
            break
        words += len(piece.split())
        out = b
        if words >= LAST_BODY_WORDS:
            break
    return out


def trim_trailer(doc: Document, start: int, end: int) -> int:
    """A comment's buttons ("Reply") are comment metadata, not its text."""
    try:
        m = TRAILER.search(doc.text, start, end, timeout=SCAN_TIMEOUT)
    except TimeoutError:
        return end
    if m and m.start() > start:
        mark_meta(doc, m.start(), end)
        return m.start()
    return end


def mark_meta(doc: Document, start: int, end: int) -> None:
    a, b = strip_span(doc.text, start, end)
    if a < b:
        doc.annotate(a, b, BOILERPLATE, "comment_meta", RULE)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def count_words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


settle(globals())
