"""HTML-only annotation: a line of six words or more that the extraction already printed."""
from __future__ import annotations

import regex

from ..document import Document, Line
from .sections import _key

# --------------------------------------------------------------------------- HTML-only annotations

REPEAT_MIN_WORDS = 6
REPEAT_RUN = 3   # repeated list or table lines count only in a run this long
_ITEM = regex.compile(r"^\s*(?:\||[-*•]\s)|:\s*$")


def mark_repeats(doc: Document, end: int | None = None) -> None:
    """A line of six words or more that the article already printed is page furniture
    (a promo repeated in every section, a boxed call to action, a block rendered
    twice): later copies are ``duplicate`` boilerplate. A list item, a table row
    or a label ending in a colon, repeated on its own, is a field of a listing
    (a spec line of every product, a warm-up line of every day of a plan, the
    "How to adapt:" that opens every section) and stays; inside a run of
    ``REPEAT_RUN`` repeated lines it is part of a duplicated block. Only the
    article part (before ``end``) is looked at; comments may quote each other."""
    from ..document import BOILERPLATE
    from ..render import normalise

    limit = len(doc.text) if end is None else end
    seen: set[str] = set()
    runs: list[list[tuple[Line, bool]]] = [[]]  # repeated lines, in runs of neighbours
    for line in doc.lines():
        if line.start >= limit:
            break
        raw = doc.slice(line.start, line.end)
        key = _key(normalise(raw))
        if len(key.split()) >= REPEAT_MIN_WORDS and key in seen:
            runs[-1].append((line, _ITEM.search(raw) is not None))
            continue
        seen.add(key)
        if runs[-1]:
            runs.append([])
    for run in runs:
        for line, item in run:
            if not item or len(run) >= REPEAT_RUN:
                doc.annotate(line.start, line.end, BOILERPLATE, "duplicate", "html.repeated-line")

