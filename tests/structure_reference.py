"""The Python references of the structure stage's engine passes, which the tests hold
the engine to: the lines a page prints twice (``core/src/doubles.rs``, called by
``cleaner.structure.doubles``) and the naming of removed units
(``core/src/removals.rs``, called by ``cleaner.structure.removals``). The package
no longer runs them."""
from __future__ import annotations

import re
from typing import Iterator

from cleaner.document import Document
from cleaner.patterns import engine
from cleaner.structure.categories import (_FOOTER_TOKEN, _FOOTER_WORDS, _MAY_NAME, _RELATED_HEAD, FOOTER, HEADER,
                                          NAVIGATION, RELATED, _own_category)
from cleaner.structure.features import LineInfo

# ---------------------------------------------------------------- lines printed twice

ECHO_CHARS = 12  # shorter repeats ("Reply", "Menu") are chrome of their own, named by the rest
SELF_ECHO_CHARS = 20  # a line repeating a shorter opening may be a name ("New York New York")
SELF_ECHO_MAX = 400  # a first copy is a title or a preview; the bound keeps hostile lines linear
CONTENTS_MIN = 2  # entries under a contents heading
CONTENTS_WORDS = 15  # an entry is a heading, not a paragraph
_CONTENTS_HEAD = re.compile(r"(?:table of contents|contents|in this (?:article|post|guide|page)|on this page|jump to"
                            r"|quick links|what s inside)(?: show| hide| toggle)?")
_LEAD = re.compile(r"^[\W\d_]*")  # bullets, numbers ("2.1", "ᐊ 4 ᐅ") and marks before an entry's words
_WORD = re.compile(r"\w+")


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


# ---------------------------------------------------------------- naming removed units

# A row of footer links holds a footer word: the engine's gate spares the rest the tokens.
_MAY_FOOTER = engine("|".join(sorted(_FOOTER_WORDS)))


def _headline_like(info: LineInfo) -> bool:
    """A teaser title: a few words, no sentence end."""
    return 3 <= info.words <= 20 and not info.text.rstrip().endswith((".", "!", ":")) and not info.prose


def categorise(doc: Document, infos: list[LineInfo], keep: list[bool], named: dict[int, str] | None = None
               ) -> Iterator[tuple[LineInfo, str | None]]:
    """(unit, category) for every unit; ``None`` for a unit that stays. ``named``: units
    whose category a later step decided (:mod:`cleaner.structure.doubles`)."""
    named = named or {}
    n = len(infos)
    first = next((i for i, k in enumerate(keep) if k), n)
    last = next((n - 1 - i for i, k in enumerate(reversed(keep)) if k), n)
    related_from: int | None = None
    gates = _Gates(infos, keep, named)
    for i, info in enumerate(infos):
        if keep[i]:
            related_from = None
            yield info, None
            continue
        if i in named:
            yield info, named[i]
            continue
        may, may_footer = gates.at(i)
        own = _own_category(info) if may else None
        if own is not None:
            yield info, own
            continue
        if may and info.words <= 8 and _RELATED_HEAD.search(info.text):
            related_from = i
            yield info, RELATED
            continue
        if info.words <= 12 and may_footer and (words := _FOOTER_TOKEN.findall(info.text)) \
                and sum(1 for w in words if w in _FOOTER_WORDS) >= 0.7 * len(words):
            related_from = None
            yield info, (NAVIGATION if i < first else FOOTER)
            continue
        if related_from is not None:
            if _headline_like(info) or info.listed or info.words > 20:
                yield info, RELATED
                continue
            related_from = None
        if i < first:
            yield info, (NAVIGATION if info.words <= 4 or info.listed else HEADER)
        elif i > last:
            if _headline_like(info) and _in_teaser_run(infos, keep, i):
                yield info, RELATED
            elif info.words <= 4 or info.listed:
                yield info, NAVIGATION
            else:
                yield info, FOOTER
        else:
            if _headline_like(info) and _in_teaser_run(infos, keep, i):
                yield info, RELATED
            else:
                yield info, NAVIGATION


GATE_BATCH = 4096  # units whose texts one engine call tests: few calls, and the call's memory bounded


class _Gates:
    """Which removed units may be named by their words (:func:`_may_be_named`), asked in
    text order and found for ``GATE_BATCH`` units at a time: on a page of many short
    lines, the positions and texts of every removed unit at once were much of the
    stage's memory."""

    def __init__(self, infos: list[LineInfo], keep: list[bool], named: dict[int, str]):
        self.infos, self.keep, self.named = infos, keep, named
        self.end = 0
        self.found: tuple[set[int], set[int]] = (set(), set())

    def at(self, i: int) -> tuple[bool, bool]:
        """(whether the words of unit ``i`` may name its category, whether they hold a
        footer word); ``i`` never goes back."""
        if i >= self.end:
            self.end = max(self.end + GATE_BATCH, i + 1)
            self.found = _may_be_named(self.infos, self.keep, self.named, range(i, min(self.end, len(self.infos))))
        return i in self.found[0], i in self.found[1]


def _may_be_named(infos: list[LineInfo], keep: list[bool], named: dict[int, str],
                  among: range | None = None) -> tuple[set[int], set[int]]:
    """The removed units (of ``among``, all when None) whose words may name their category
    (``_own_category``) or a teaser list's heading, and those that hold a footer word: the
    rest (most menu items and teasers) cannot, and meet no pattern."""
    removed = [i for i in (range(len(infos)) if among is None else among) if not keep[i] and i not in named]
    texts = [infos[i].text for i in removed]
    return ({removed[k] for k in _MAY_NAME.may_passing(texts)}, {removed[k] for k in _MAY_FOOTER.may_passing(texts)})


def _in_teaser_run(infos: list[LineInfo], keep: list[bool], i: int) -> bool:
    """Two or more headline-like removed units next to each other (a teaser list)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(infos) and not keep[j] and _headline_like(infos[j]):
            return True
    return False
