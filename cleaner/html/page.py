"""The visible text of an HTML tree: a line per block element, what a browser would not
show left out."""
from __future__ import annotations

from lxml import etree

from ..html_text import LINE_TAGS, PARAGRAPH_TAGS, SKIP_TAGS

def page_text(tree, skip=None) -> str:
    """The visible text of the whole page as a converter would print it: a line per block
    element, a blank line between paragraphs; scripts, styles, forms controls and hidden
    elements left out, and any element ``skip(element)`` is true for."""
    root = _body(tree)
    paragraphs: list[list[str]] = [[]]
    parts: list[str] = []

    def flush_line() -> None:
        line = " ".join("".join(parts).split())
        parts.clear()
        if line:
            paragraphs[-1].append(line)

    def flush_paragraph() -> None:
        flush_line()
        if paragraphs[-1]:
            paragraphs.append([])

    # iterwalk, not recursion: a page nested thousands of elements deep is read whole
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped = None  # the element whose subtree is left out, until its end
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or _skipped(element) or (skip is not None and skip(element)):
                skipped = element
                walker.skip_subtree()
                continue
            if tag in PARAGRAPH_TAGS or tag in LINE_TAGS:
                (flush_paragraph if tag in PARAGRAPH_TAGS else flush_line)()
            if element.text:
                parts.append(element.text)
            continue
        if element is skipped:
            skipped = None
        elif tag in PARAGRAPH_TAGS or tag in LINE_TAGS:
            (flush_paragraph if tag in PARAGRAPH_TAGS else flush_line)()
        if element.tail and element is not root:
            parts.append(element.tail)
    flush_paragraph()
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def _body(tree):
    body = tree.find(".//body")
    return body if body is not None else tree


def _skipped(element) -> bool:
    """Not shown: scripts, styles, form controls, elements hidden by their own attributes."""
    return element.tag.lower() in SKIP_TAGS or _hidden(element)


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style
            or element.get("hidden") is not None or element.get("aria-hidden") == "true")

