"""Sentences broken at their links: the line ends a text-node-a-line layout puts inside a
sentence, which the view reads as spaces.

Some scrapers print every text node of a page on a line of its own
(BeautifulSoup's ``get_text("\\n", strip=True)``, an XPath over ``//text()``): a
sentence with a link or an emphasis in it becomes three lines ("Researchers at" /
"MIT" / ", working with …"). Read line by line, the article is a run of fragments
that each look like a menu item. :func:`fragment_breaks` finds the line ends inside
a sentence on a page that shows this layout, so that a paragraph is one line to the
stages again, as on a converter's text.
"""
from __future__ import annotations

from typing import Collection

from .patterns import lazy_re, settle

FRAGMENT_LINES = 3        # a page shows the layout with this many lines that go on a sentence
FRAGMENT_SHARE = 0.005    # ... with punctuation, and this share of its lines
LINK_WORDS = 5            # a link's text between two pieces of one sentence has this many words at most

# a line that goes on the sentence of the line above it with its punctuation: the text after
# a link (", which …", ". The next …", "'s new …"); converters that print paragraphs start
# one of a hundred pages' lines so at most (code, a lone "." under a menu)
_GOING_ON = r"[,.;:!?)\]]+(?:\s|$)|['\u2019]s\b"
GOES_ON = lazy_re(_GOING_ON)
_LINE_GOING_ON = lazy_re(rf"\n(?:{_GOING_ON})")  # the same, after a line end
_ENDED = frozenset(".!?:;\"'\u201d\u2019)]|")  # the last character of a line that ends its sentence


def fragment_breaks(text: str) -> list[int]:
    """The line ends inside a sentence (offsets of the newline characters) on a text that
    prints a text node a line, or [] when the text does not show that layout: at least
    ``FRAGMENT_LINES`` lines, and ``FRAGMENT_SHARE`` of them, go on the sentence of the line
    above with punctuation. There a line that does not end its sentence is joined to the
    next when that one goes on with punctuation or a lower-case word, or when the next is a
    link's short text (``LINK_WORDS``) that the line after it goes on, under a sentence in
    progress (a lower-case word or a comma at the line's end); not when the line is a
    headline opening its paragraph, nor onto a byline's label alone."""
    if not _may_show(text):
        return []
    lines = text.split("\n")
    going_on = [k for k in range(1, len(lines)) if _goes_on(lines[k - 1], lines[k])]
    filled = sum(1 for line in lines if line.strip())
    if len(going_on) < FRAGMENT_LINES or len(going_on) < FRAGMENT_SHARE * filled:
        return []
    joined = set(going_on)
    for k in range(1, len(lines)):
        if k not in joined and _continues(lines[k - 1], lines[k], lines[k + 1] if k + 1 < len(lines) else "",
                                          k - 1 in joined):
            joined.add(k)
    return line_ends(lines, {k - 1 for k in joined})


def line_ends(lines: list[str], after: Collection[int]) -> list[int]:
    """Where the line ends after the lines at positions ``after`` stand in the text the
    ``lines`` were split from (at newlines), in text order."""
    ends, at = [], -1
    for k, line in enumerate(lines):
        at += len(line) + 1
        if k in after:
            ends.append(at)
    return ends


def _may_show(text: str) -> bool:
    """Enough lines start with punctuation that goes on a sentence (found by one search over
    the text: most texts have none, and their lines are not read one by one)."""
    found = 0
    for _ in _LINE_GOING_ON.finditer(text):
        found += 1
        if found >= FRAGMENT_LINES:
            return True
    return False


def _open(line: str) -> bool:
    """A line whose sentence goes on past it: some text, not ending with a full stop,
    a colon, a closing quote or bracket, and not indented (the layout strips its lines;
    indented lines are code or a converter's lists, which have their own line ends)."""
    text = line.rstrip()
    return bool(text) and text[-1] not in _ENDED and not line[:1].isspace()


def _goes_on(line: str, following: str) -> bool:
    return _open(line) and GOES_ON.match(following) is not None


def _continues(line: str, following: str, after: str, inside: bool) -> bool:
    """``following`` goes on the sentence of ``line``: it starts with a lower-case word,
    or it is a link's text that ``after`` goes on, under a sentence in progress (its last
    word in lower case, or a comma). A headline in title case that opens its paragraph
    (not ``inside`` one: a link's text is in title case too) goes on into nothing: the line
    under it is a byline or a deck ("… Regulatory Volatility" / "by Jane Doe")."""
    if not _open(line) or not following[:1].strip() or not inside and _title_case(line):
        return False
    if _starts_lower(following):
        # a byline's label alone ("by" / "Jane Doe" under a headline) is not the rest of the
        # sentence above
        from .metadata.authors import byline_label  # a page of this layout only: not at start-up
        return not byline_label(following)
    last = line.split()[-1]
    in_progress = last.endswith(",") or _starts_lower(last)
    return (in_progress and _open(following) and len(following.split()) <= LINK_WORDS
            and (_goes_on(following, after) or _starts_lower(after)))


# a line of TITLE_WORDS words of four letters or more, TITLE_SHARE of them capitalised, is a
# headline; a name is not ("Hugh Pickens" / "writes" is one sentence)
TITLE_WORDS = 3
TITLE_SHARE = 0.75


def _title_case(line: str) -> bool:
    long = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= TITLE_WORDS and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def _starts_lower(line: str) -> bool:
    first = line[:1]
    return first.isalpha() and first.islower()


settle(globals())
