"""Link numbers of a text-mode browser's dump (``lynx -dump``), cut from what the stages read.

``lynx -dump`` prints every link with its number glued before it ("Here's
[15]Quora's Charlie Cheever", "* [7]About"), its page-level links as a first
paragraph ("#[1]Feed [2]Comments Feed"), and the addresses after the text
("References", then "1. http://…" a line). To the stages the numbers break the
words they read (a comment header "[212]Anna says:", a title "[13]The
Dangerous Hubris…") and the address list looks like part of the page. So on a
text that ends with such a list, the view (:func:`cleaner.visible.view`) cuts
the numbers, the page-level links and the list out, and each is given back to
the output as boilerplate with a rule of its own: nothing is lost, and the
stages read the page as ``w3m -dump`` prints it.

Only a text whose tail is a reference list of this shape is read so, and only
the numbers that list holds are cut: "[12]" in other text is left alone. The
list is read as lynx prints it, image maps ("[USEMAP]") and addresses the page
wrote with a line break, in quotes or as markup included: a page whose list
was not read kept its numbers, and unwrapped, and lost its article.
"""
from __future__ import annotations

from .patterns import lazy, settle

NUMBER_RULE = "markup.link-number"
PAGE_LINKS_RULE = "navigation.page-links"
REFERENCES_RULE = "navigation.link-references"

_HEADING = lazy(r"(?m)^References[ \t\r]*$")  # a CR LF line end keeps its CR
# an entry is an absolute address (a scheme, then anything: lynx prints it as the page wrote it);
# lynx heads its lists ("Visible links:") and prints an image map's address under "[USEMAP]"
_ENTRY = lazy(r"[ \t]*(?:\d{1,6}\.[ \t]+[A-Za-z][A-Za-z0-9+.-]{0,20}:.*|(?:Visible|Hidden) links:[ \t\r]*"
              r"|\[USEMAP\][ \t\r]*|[A-Za-z][A-Za-z0-9+.-]{0,20}://\S*[ \t\r]*)")
# a numbered entry whose address the page wrote otherwise ("'http://…'", "<a href=…>")
_NUMBERED = lazy(r"[ \t]*(\d{1,6})\.[ \t]+\S")
STRAYS = 10  # one line in this many of the list may be no entry: an address with a line break in it
_NUMBER = lazy(r"\[(\d{1,6})\]")
_PAGE_LINKS = lazy(r"\s*(#\[\d{1,6}\])")
_BLANK_LINE = lazy(r"\n[ \t\r]*\n")

#: A removal: (start, end, category, rule), offsets into the text read.
Removal = tuple[int, int, str, str]


def link_numbers(text: str) -> list[Removal]:
    """What to cut of a ``lynx -dump`` text (in text order, not overlapping): the
    page-level links opening it, every link number its reference list holds, and the
    list itself. Empty for any other text."""
    references = _references(text) if "References" in text else None
    if references is None:
        return []
    start, numbers = references
    out: list[Removal] = []
    body_start = 0
    if opening := _PAGE_LINKS.match(text):
        gap = _BLANK_LINE.search(text, opening.end(), start)
        body_start = gap.start() if gap else start
        out.append((opening.start(1), body_start, "navigation", PAGE_LINKS_RULE))
    for m in _NUMBER.finditer(text, body_start, start):
        if int(m.group(1)) in numbers:
            out.append((m.start(), m.end(), "markup", NUMBER_RULE))
    out.append((start, len(text.rstrip()), "navigation", REFERENCES_RULE))
    return out


def _references(text: str) -> tuple[int, set[int]] | None:
    """Where the closing reference list starts and the numbers it lists, or None when the
    text does not end with one: the last "References" line, followed to the end of the
    text by blank lines, lynx's headings ("Visible links:", "Hidden links:", an image
    map's "[USEMAP]" and address) and numbered entries, nearly all addresses.

    lynx prints an address as the page wrote it: one with a line break in it runs on
    over lines of its own, one in quotes or markup is a numbered entry that is no
    address. Up to one line in ``STRAYS`` may be either, and the last line is an entry: a
    list of references that are not addresses ("1. Smith, J. (2010)."), or one followed
    by more text, is not lynx's."""
    heading = None
    for heading in _HEADING.finditer(text):
        pass
    if heading is None:
        return None
    numbers: set[int] = set()
    lines = strays = 0
    stray = False  # the last line read is no entry
    for line in text[heading.end():].split("\n"):
        if not line.strip():
            continue
        lines += 1
        entry = _NUMBERED.match(line)
        stray = not _ENTRY.fullmatch(line)
        strays += stray
        if entry:
            numbers.add(int(entry.group(1)))
    if not numbers or strays * STRAYS > lines or (stray and not entry):  # the text ends with an entry
        return None
    return heading.start(), numbers


settle(globals())
