"""Hard-wrapped paragraphs: the line ends that only wrap a paragraph, which the view reads
as spaces.

Mail, ``fmt``, text-mode browsers (``lynx -dump``, ``w3m -dump``) and html2text's
default Markdown print a paragraph as lines cut at a width. Read line by line, a
wrapped paragraph is a run of fragments that each look like a menu item or a
teaser; :func:`wrap_breaks` finds the line ends that only wrap, :func:`unwrapped`
reads them as spaces, and :func:`dump_wraps` does both on a browser dump, which
wraps every paragraph it prints.
"""
from __future__ import annotations

from .fragments import GOES_ON, line_ends
from .link_numbers import REFERENCES_RULE, Removal
from .patterns import lazy, settle

WRAP_WIDTH = 50    # a text wrapped at this many columns or more ...
WRAP_RUNS = 8      # ... with this many lines that run on into the next one ...
WRAP_SHARE = 0.15  # ... this share of its long lines followed by another
WRAP_ALL = 0.9     # ... or nearly all of the lines that run on do (a page of short lines around one article)
WRAP_FEW = 4       # ... and there are this many
LONG_WORD = 25     # a line ending in a longer word (a link's address) tells nothing of the width
DUMP_WRAP_RUNS = 3  # a browser dump, which wraps every paragraph: this many such lines, whatever the share


def wrap_breaks(text: str, least: int = WRAP_RUNS, share: float = WRAP_SHARE) -> list[int]:
    """The line ends that only wrap a paragraph, in a text that was hard-wrapped at a
    width (mail, ``fmt``, ``lynx -dump``, ``w3m -dump`` and html2text print paragraphs so).

    Greedy wrapping ends a line early only when the next word would not fit, so a
    wrapped line and the first word of the next one overrun the width together. The
    width is read off the page's lines that run on into a lower-case word, as prose does
    and a menu does not (the 90th percentile of where they end), and the page counts as
    wrapped when enough of them overrun it with their next word: ``least`` of them and
    ``share`` of its long lines followed by another (a text of whole paragraphs a line
    has long lines too), or ``WRAP_FEW`` or more that are nearly all of the lines that
    run on (a short post among menus); and not when more whole sentences run past the
    width than lines overrun it. Read line by line, a wrapped paragraph is a run of
    fragments that each look like a menu item or a teaser."""
    lines = text.split("\n")
    pairs = [(k, len(lines[k].rstrip())) for k in range(len(lines) - 1)
             if lines[k + 1].strip() and lines[k].strip()]
    prose = [(k, end) for k, end in pairs if end >= WRAP_WIDTH and _runs_on(lines[k], lines[k + 1])]
    if len(prose) < min(least, WRAP_FEW):
        return []
    ends = sorted(end for k, end in prose if _last_word(lines[k]) <= LONG_WORD) or sorted(end for _, end in prose)
    width = ends[int(len(ends) * 0.9)]
    pairs = [(k, end) for k, end in pairs if _wrappable(lines[k], width)]
    prose = [(k, end) for k, end in prose if _wrappable(lines[k], width)]
    over = sum(end + 1 + _first_word(lines[k + 1]) > width for k, end in prose)
    enough = over >= least and over >= share * sum(end >= width / 2 for _, end in pairs)
    if not enough and (over < WRAP_FEW or over < WRAP_ALL * len(prose)):
        return []
    if over <= sum(_whole_sentence_line(line, width) for line in lines):
        return []  # more paragraphs printed whole than wrapped: these lines end short by chance
    return line_ends(lines, {k for k, end in pairs
                             if end + 1 + _first_word(lines[k + 1]) > width and not _BULLET.match(lines[k + 1])})


_LINK_NUMBER = lazy(r"^\[\d{1,6}\]")  # a text-mode browser's number glued before a link
_BULLET = lazy(r"\s*(?:[*+#•·o-]|\d{1,3}[.)]|\[\d{1,4}\])\s")


def _wrappable(line: str, width: int) -> bool:
    """Could a wrapper at ``width`` have printed this line? Not one that runs past the
    width with a space before it (a wrapper breaks there): that is a paragraph printed
    whole, or a line the wrapper was told to leave alone (html2text's list items)."""
    text = line.rstrip()
    return len(text) <= width or " " not in text[:width].lstrip()


def _whole_sentence_line(line: str, width: int) -> bool:
    """A line of prose longer than ``width`` (spaces before the width, a sentence's end at
    its own, not a list item or a table row): no wrapper at that width printed it."""
    text = line.rstrip()
    return (not _wrappable(line, width) and text[-1:] in ".!?\"'\u201d)" and text.rstrip("\"'\u201d)")[-1:] in ".!?"
            and _BULLET.match(line) is None and not text.lstrip().startswith("|"))


def _runs_on(line: str, following: str) -> bool:
    """The sentence goes on: no full stop at the line's end, a lower-case word next (not a
    link, a path or code; a browser's link number glued before the word, "[15]quora", is
    read past)."""
    if line.rstrip()[-1:] in ".!?":
        return False
    words = _LINK_NUMBER.sub("", following.lstrip(), count=1).split(None, 1)
    word = words[0].rstrip(",;:.!?)") if words else ""
    word = word.replace("'", "").replace("\u2019", "").replace("-", "")  # "isn't", "well-known"
    return word.isalpha() and word.islower()


def _last_word(line: str) -> int:
    words = line.rsplit(None, 1)
    return len(words[-1]) if words else 0


def _first_word(line: str) -> int:
    words = line.split(None, 1)
    return len(words[0]) if words else 0


def unwrapped(text: str, breaks: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each wrapping line end read as a space, and the white space around it
    cut (the next line's indentation): a wrapped paragraph is one line to the stages.
    A line that ends inside a hyphenated word ("award-" over "nominated", a link's
    "crowd-not-" over "enough"; Python's textwrap and html2text break there), or over
    a line that goes on with punctuation (a link's text over ", which …"), is joined
    to the next without a space. Returns the text and the spans of white space to cut."""
    chars = list(text)
    spaces: list[tuple[int, int]] = []
    for at in breaks:
        chars[at] = " "
        before, after = at, at + 1
        while before > 0 and text[before - 1] in " \t\r":  # a CR LF line end keeps its CR
            before -= 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if before < at:
            spaces.append((before, at))
        if _inside_word(text, before, after) or GOES_ON.match(text, after):
            spaces.append((at, after))
        elif after > at + 1:
            spaces.append((at + 1, after))
    return "".join(chars), spaces


def _inside_word(text: str, end: int, start: int) -> bool:
    """The line ending at ``end`` breaks a hyphenated word that goes on at ``start``."""
    return (end >= 2 and text[end - 1] == "-" and text[end - 2].isalnum()
            and start < len(text) and text[start].isalnum())


def dump_wraps(text: str, removed: list[Removal]) -> list[int]:
    """The wrapping line ends of ``text``, whose link numbers ``removed`` holds. On a
    browser dump (a text that ends with a reference list) only the page before the list is
    read: its addresses are long lines one under the other, not wrapped paragraphs, and on
    a page of a hundred links they outnumbered the wrapped lines. And a browser wraps every
    paragraph it prints, so a few lines that run on past the width are evidence enough:
    a short article among menus is wrapped too. A line that is only an image's placeholder
    is the image's own, however long the line above it (a comment header and its avatar,
    "[117][avatar_small.jpg]"): joined to the header, the header no longer reads as one."""
    end = next((a for a, _, _, rule in removed if rule == REFERENCES_RULE), None)
    if end is None:
        return wrap_breaks(text)
    return [at for at in wrap_breaks(text[:end], DUMP_WRAP_RUNS, 0.0) if not _PLACEHOLDER.match(text, at + 1)]


# a line that is only an image's placeholder as lynx prints it, linked or not ("[photo.jpg]",
# "[117][avatar_small.jpg]"): set on a line of its own, not wrapped onto it
_PLACEHOLDER = lazy(r"[ \t]*(?:\[\d{1,6}\])?\[[^\]\n]*\][ \t\r]*(?:\n|$)")


settle(globals())
