"""Lines a page prints twice, decided after decoding.

Shapes of lines that only repeat what the reader sees elsewhere:

* an *echo*: a line printed again right under itself (converters print an
  image's alt text over its caption, a teaser's title link over its heading, a
  bio twice for desktop and mobile); the first copy is the reader's;
* a line that *says itself twice*: a card prints its picture's alt text and its
  title, a social feed a caption's preview and the caption
  ("Shamrock Saturday is here, t Shamrock Saturday is here, the shamrocks…"); a
  teaser or a widget, not the article, which says a thing once;
* a *preview*: a line cut short with an ellipsis next to the line it previews
  ("with nothing but a pack on your back and a trail in front of you..." over the
  whole caption; a teaser's "How To Write a Lawn Care & Landsca..."); the whole
  line is the reader's;
* a *table of contents*: under a "Table of contents" / "In this article" /
  "Jump to" heading, a run of short lines each of which the page prints again
  further down (as the article's headings); the later copies are the reader's.
"""
from __future__ import annotations

from .. import _core
from .features import LineInfo, page_indexes


def doubles(text: str, infos: list[LineInfo], keep: list[bool]) -> tuple[list[int], list[int]]:
    """(the units of a table of contents, the units that only repeat what the page prints
    elsewhere) of ``infos`` (units of one ``analyse`` call of ``text``): the contents,
    then the echoes, the lines that say themselves twice and the previews among the
    units ``keep`` holds less the table of contents. The engine reads the page in one call
    (``core/src/doubles.rs``); its Python reference, which the tests hold it to, is
    ``tests/structure_reference.py``."""
    if not infos:
        return [], []
    page, idx = page_indexes(infos)
    return _core.doubles(page, idx, keep, text)
