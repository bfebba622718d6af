"""Sentence boundaries with offsets, good enough to peel prompts off paragraph edges."""
from __future__ import annotations

import regex

# A boundary: terminal punctuation (and closing quotes/brackets), whitespace, then
# something that can open a sentence. Abbreviations like "Feb. 1" or "U.S. officials"
# may split wrongly; only edge sentences are ever removed, so that costs little.
_BOUNDARY = regex.compile(
    r"(?<=[.!?…][\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[\p{Lu}\p{N}@#])"
    r"|(?<=\S)\s+(?=(?:Click|Follow|Subscribe|Sign up|Share|Join|Like us|Support|Donate)\b)"
)


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute offsets) of the sentences in ``text``, which begins at ``start``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _BOUNDARY.finditer(text, timeout=1.0):
        if match.start() > pos:
            spans.append((start + pos, start + match.start()))
        pos = match.end()
    if pos < len(text.rstrip()):
        spans.append((start + pos, start + len(text.rstrip())))
    return spans


def is_prose(text: str) -> bool:
    """Article prose: several sentences, or one long one. A one-line standfirst or a caption is not."""
    words = len(text.split())
    return words >= 40 or (words >= 12 and len(split_sentences(text.rstrip())) >= 2)
