"""Display text for spans: normalisation changes what is shown, never the offsets."""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Sequence

from ._core import normalise as _normalise
from ._core import normalise_all as _normalise_all
from ._core import normalise_spans as _normalise_spans
from .patterns import lazy, settle

if TYPE_CHECKING:
    from .document import Document, Segment


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


def normalise_all(texts: list[str], markup: bool = True) -> list[str]:
    """``normalise`` of every text (the lines of a page) in one call to the engine."""
    try:
        return _normalise_all(texts, markup)
    except UnicodeEncodeError:  # a lone surrogate: each text as ``normalise`` reads it
        return [normalise(text, markup) for text in texts]


def normalise_spans(text: str, starts: Sequence[int], ends: Sequence[int], markup: bool = True) -> list[str]:
    """``normalise(text[a:b])`` for each span (a page's lines, in text order and apart), in one
    call to the engine: no slice of the text made in Python, no call per line."""
    try:
        return _normalise_spans(text, starts, ends, markup)
    except UnicodeEncodeError:  # a lone surrogate: each line as ``normalise`` reads it
        return [normalise(text[a:b], markup) for a, b in zip(starts, ends)]


# UTF-8 read as Latin-1 or Windows-1252 ("ItÃ¢Â€Â™s", "cafÃ©"): the lead bytes of two- and
# three-byte sequences turn into these, each followed by a continuation byte's character.
# Compiled when first needed (non-ASCII text): the class is a slow compile.
_MOJIBAKE = lazy("[\u00c2-\u00df\u00e2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                 "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
                 "\u2026\u2030\u2039\u203a\u20ac\u2122]")


def shown(doc: Document, start: int, end: int) -> str:
    """Display text of a span of a document: text extracted from HTML has no markup left to strip."""
    return readable(normalise(doc.slice(start, end), markup=doc.hints.get("input") != "html"))


def shown_all(doc: Document, spans: Sequence[Segment]) -> list[str]:
    """``shown`` of many spans of a document (its segments), displayed in one call to the engine."""
    texts = normalise_all([doc.slice(s.start, s.end) for s in spans], markup=doc.hints.get("input") != "html")
    return [text if text.isascii() else readable(text) for text in texts]


def readable(text: str) -> str:
    """Mojibake repaired and the text in NFC: what a reader of the output expects.

    ftfy repairs the encoding only where a mojibake sequence appears (it is slow,
    and most text has none); quotes and ligatures stay as they were written.
    """
    if text.isascii():
        return text
    if _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


settle(globals())
