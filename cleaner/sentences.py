"""Sentence boundaries with offsets, good enough to peel prompts off paragraph edges.

A boundary is white space after terminal punctuation (and closing quotes or
brackets) before what can open a sentence (a capital, a digit, "@", "#", maybe
after an opening quote), or white space before a call to action ("Share",
"Subscribe", "Sign up", …). Abbreviations like "Feb. 1" or "U.S. officials" may
split wrongly; only edge sentences are ever removed, so that costs little. The
engine (``cleaner._core``) scans for them in one pass; offsets are characters.
"""
from __future__ import annotations

from ._core import is_prose as _is_prose
from ._core import split_sentences as _split_sentences
from .visible import scalar


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute offsets) of the sentences in ``text``, which begins at ``start``."""
    try:
        return _split_sentences(text, start)
    except UnicodeEncodeError:  # a lone surrogate: read as the stages read it
        return _split_sentences(scalar(text), start)


def is_prose(text: str) -> bool:
    """Article prose: several sentences, or one long one. A one-line standfirst or a caption is not."""
    try:
        return _is_prose(text)
    except UnicodeEncodeError:
        return _is_prose(scalar(text))
