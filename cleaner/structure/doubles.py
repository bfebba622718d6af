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

import re

from .. import _core
from ..document import Document
from .features import LineInfo, page_indexes

ECHO_CHARS = 12  # shorter repeats ("Reply", "Menu") are chrome of their own, named by the rest
SELF_ECHO_CHARS = 20  # a line repeating a shorter opening may be a name ("New York New York")
SELF_ECHO_MAX = 400  # a first copy is a title or a preview; the bound keeps hostile lines linear
CONTENTS_MIN = 2  # entries under a contents heading
CONTENTS_WORDS = 15  # an entry is a heading, not a paragraph
_CONTENTS_HEAD = re.compile(r"(?:table of contents|contents|in this (?:article|post|guide|page)|on this page|jump to"
                            r"|quick links|what s inside)(?: show| hide| toggle)?")
_LEAD = re.compile(r"^[\W\d_]*")  # bullets, numbers ("2.1", "ᐊ 4 ᐅ") and marks before an entry's words
_WORD = re.compile(r"\w+")


def doubles(text: str, infos: list[LineInfo], keep: list[bool]) -> tuple[list[int], list[int]]:
    """(the units of a table of contents, the units that only repeat what the page prints
    elsewhere) of ``infos`` (units of one ``analyse`` call of ``text``): :func:`contents`,
    then :func:`echoes`, :func:`self_echoes` and :func:`previews` among the units ``keep``
    holds less the table of contents. The engine reads the page in one call
    (``core/src/doubles.rs``); these functions are its reference."""
    if not infos:
        return [], []
    page, idx = page_indexes(infos)
    return _core.doubles(page, idx, keep, text)


def echoes(doc: Document, infos: list[LineInfo], keep: list[bool]) -> set[int]:
    """Units that say again, character for character, what the unit just above says, that
    one kept or an echo itself. Two lines that differ in a link's target alone show the
    same words but are two items."""
    out: set[int] = set()
    text = doc.text
    for i in range(1, len(infos)):
        shown = infos[i].text
        # the same line shows the same words: lines that show others are not compared
        if len(shown) >= ECHO_CHARS and shown == infos[i - 1].text and (keep[i - 1] or i - 1 in out):
            a, b = infos[i - 1].line, infos[i].line
            if text[a.start:a.end].strip() == text[b.start:b.end].strip():
                out.add(i)
    return out


def says_twice(line: str) -> bool:
    """True if ``line`` opens with a copy of its own opening: ``X X`` or, cut short,
    ``X… X…`` (the first copy a prefix of the second). ``SELF_ECHO_CHARS`` or more
    characters, so that "New York New York" is a name, and a first copy shorter than
    ``SELF_ECHO_MAX``."""
    s = line.strip()
    head = s[:SELF_ECHO_CHARS]
    if len(head) < SELF_ECHO_CHARS:
        return False
    j = s.find(head, SELF_ECHO_CHARS, SELF_ECHO_MAX)
    while j != -1:
        if s.startswith(s[:j].rstrip(), j):
            return True
        j = s.find(head, j + 1, SELF_ECHO_MAX)
    return False


def self_echoes(doc: Document, infos: list[LineInfo], keep: list[bool]) -> set[int]:
    """Kept lines that say themselves twice (:func:`says_twice`), as printed: case and all,
    so that a heading run into its paragraph ("Thermal Imaging Camera Thermal imaging
    cameras detect…") is not one. Not a table row (cells apart by tabs or runs of
    spaces), whose header a converter may print twice over the data, and not a piece of
    a flattened line, where a heading and its paragraph share the line."""
    out: set[int] = set()
    text = doc.text
    for i, info in enumerate(infos):
        unit = info.line
        start, end = unit.start, unit.end
        # both copies of its opening fit in a line of twice SELF_ECHO_CHARS or more, and
        # the opening shows again where says_twice looks for it (a unit is trimmed: its
        # text is the line says_twice reads), found without copying the line
        if keep[i] and not unit.flat and end - start >= 2 * SELF_ECHO_CHARS \
                and text.find(text[start:start + SELF_ECHO_CHARS], start + SELF_ECHO_CHARS,
                              min(end, start + SELF_ECHO_MAX)) >= 0:
            raw = text[start:end]
            if "\t" not in raw and "   " not in raw.strip() and says_twice(raw):
                out.add(i)
    return out


PREVIEW_WORDS = 4  # whole words a preview shares with the line it cuts short
PREVIEW_REACH = 3  # how many lines away the whole line may be
_ELLIPSIS = re.compile(r"(?:\.{3}|…)\s*$")


def previews(infos: list[LineInfo], keep: list[bool]) -> set[int]:
    """Kept lines cut short with an ellipsis whose words open a longer line near them
    (``PREVIEW_REACH`` lines either side): a preview of that line. The last word before
    the ellipsis may be cut ("Landsca...") and is not compared."""
    out: set[int] = set()
    words: dict[int, list[str]] = {}  # only lines near a preview are read word by word

    def words_of(k: int) -> list[str]:
        if k not in words:
            words[k] = _WORD.findall(infos[k].text.lower())
        return words[k]

    for i, info in enumerate(infos):
        if not keep[i] or ("..." not in info.text and "…" not in info.text) or not _ELLIPSIS.search(info.text):
            continue
        stem = words_of(i)[:-1]
        if len(stem) < PREVIEW_WORDS:
            continue
        for j in range(max(0, i - PREVIEW_REACH), min(len(infos), i + PREVIEW_REACH + 1)):
            if j != i and len(infos[j].text) > len(info.text) and len(words_of(j)) > len(stem) \
                    and words_of(j)[:len(stem)] == stem:
                out.add(i)
                break
    return out


def _key(info: LineInfo) -> str:
    return " ".join(_WORD.findall(_LEAD.sub("", info.text)))


def contents(infos: list[LineInfo]) -> set[int]:
    """Units of a table of contents: its heading and the run of short entries under it that
    the page prints again after the run. An entry printed only once (a list under a
    heading that happens to say "Contents") ends the run; fewer than ``CONTENTS_MIN``
    entries are no table."""
    # every heading holds one of these words (the text is lower case): a unit without one
    # is spared the pattern
    heads = [h for h, info in enumerate(infos)
             if info.words <= 5 and ("contents" in (t := info.text) or "this" in t or "jump" in t or "quick" in t
                                     or "inside" in t)
             and _CONTENTS_HEAD.fullmatch(" ".join(_WORD.findall(info.text)))]
    if not heads:  # most pages: no line need be keyed
        return set()
    keys = [_key(info) for info in infos]
    last = {k: i for i, k in enumerate(keys) if k}
    out: set[int] = set()
    for h in heads:
        run: list[int] = []
        seen: set[str] = set()
        for j in range(h + 1, len(infos)):
            k = keys[j]
            if not k or infos[j].prose or infos[j].words > CONTENTS_WORDS or last[k] <= j or k in seen:
                break
            run.append(j)
            seen.add(k)
        if len(run) >= CONTENTS_MIN:
            out.update([h, *run])
    return out
