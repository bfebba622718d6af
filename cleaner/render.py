"""Display text for spans: normalisation changes what is shown, never the offsets."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._core import normalise as _normalise

if TYPE_CHECKING:
    from .document import Document


def normalise(text: str, markup: bool = True) -> str:
    """Strip tag remnants, decode entities, drop invisible characters, fold spaces.

    Tag remnants are HTML element names only ("<u>" and "<a href=…>" are
    remnants; "<repo url>" in a code sample is text). ``markup=False`` for text
    an HTML parser produced: a ``<tag>`` or ``&amp;`` left in it is what the page
    showed (code, an XML example), not a remnant. The work is done by the
    engine (``cleaner._core``) in one pass over the text.
    """
    try:
        return _normalise(text, markup)
    except UnicodeEncodeError:  # a lone surrogate: the input's text, read as the stages read it
        from .visible import scalar
        return _normalise(scalar(text), markup)


def shown(doc: Document, start: int, end: int) -> str:
    """Display text of a span of a document: text extracted from HTML has no markup left to strip."""
    return normalise(doc.slice(start, end), markup=doc.hints.get("input") != "html")
