"""Display text for spans: normalisation changes what is shown, never the offsets."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .document import Document

# HTML element names: "<u>" and "<a href=…>" are remnants; "<repo url>" in a code sample is text.
_ELEMENTS = ("a abbr address area article aside audio b big blockquote body br button canvas caption center "
             "cite code col dd del details div dl dt em embed fieldset figcaption figure font footer form "
             "h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark "
             "meta nav noscript object ol option p param picture pre q s samp script section select small "
             "source span strike strong style sub summary sup svg table tbody td template textarea tfoot th "
             "thead time title tr tt u ul var video wbr acronym bdi bdo dfn dialog frame frameset hgroup nobr "
             "rp rt ruby").split()
_TAG = regex.compile(rf"(?i)</?(?:{'|'.join(_ELEMENTS)})(?:\s[^<>]{{0,500}})?/?>")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"[^\S\n]+")
_SEPARATORS = frozenset("\x1c\x1d\x1e\x1f")  # spaces to str.split(), not to _SPACES


def normalise(text: str, markup: bool = True) -> str:
    """Strip tag remnants, decode entities, drop invisible characters, fold spaces.

    ``markup=False`` for text an HTML parser produced: a ``<tag>`` or ``&amp;``
    left in it is what the page showed (code, an XML example), not a remnant.
    """
    if text.isascii() and "\n" not in text and "<" not in text and "&" not in text and not _SEPARATORS & set(text):
        return " ".join(text.split())  # a plain line (most of a page): nothing for the patterns to do
    if markup and "<" in text:
        text = _TAG.sub("", text, timeout=1.0)
    if markup and "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text, timeout=1.0)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def shown(doc: Document, start: int, end: int) -> str:
    """Display text of a span of a document: text extracted from HTML has no markup left to strip."""
    return normalise(doc.slice(start, end), markup=doc.hints.get("input") != "html")
