"""A page's visible text read from the markup as a stream, for pages no tree can hold.

libxml2 stops building a tree at 2048 levels of nesting (255 without its
``huge_tree`` option) and silently drops everything below: a page of 3000
unclosed ``<div>`` would lose its whole article. The standard library's
:class:`html.parser.HTMLParser` builds no tree, so nesting costs it nothing;
this module prints what it reads the way :func:`cleaner.html.page_text` prints
a tree: a line per block element, a blank line between paragraphs, scripts,
styles and form controls left out.
"""
from __future__ import annotations

from html.parser import HTMLParser

# Tags that break a line, and among them those that end a paragraph.
LINE_TAGS = frozenset("""address article aside blockquote br dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul""".split())
PARAGRAPH_TAGS = frozenset("""article aside blockquote dl figure footer form h1 h2 h3 h4 h5 h6
header main nav ol p pre section table ul""".split())
SKIP_TAGS = frozenset("""script style noscript template svg math iframe object embed canvas
select option button input textarea head title meta link""".split())
# The skipped tags that have an end tag: what lies between is not shown. (A stream has no
# tree to close an unclosed <head> for it, so <head> itself is not one of them.)
_SKIP_CONTENT = SKIP_TAGS - {"head", "embed", "input", "meta", "link", "option"}


class _TextPrinter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.parts: list[str] = []
        self.skipping: list[str] = []  # open skipped elements

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_CONTENT:
            self.skipping.append(tag)
        elif not self.skipping:
            self._break(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skipping:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif not self.skipping:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def _break(self, tag: str) -> None:
        if tag in LINE_TAGS:
            self.flush_line()
            if tag in PARAGRAPH_TAGS and self.paragraphs[-1]:
                self.paragraphs.append([])

    def flush_line(self) -> None:
        line = " ".join("".join(self.parts).split())
        self.parts.clear()
        if line:
            self.paragraphs[-1].append(line)

    def text(self) -> str:
        self.flush_line()
        return "\n\n".join("\n".join(p) for p in self.paragraphs if p)


def stream_text(html: str | bytes) -> str:
    """The visible text of ``html``, whatever its nesting (bytes are read as UTF-8)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    printer = _TextPrinter()
    printer.feed(html)
    printer.close()
    return printer.text()
