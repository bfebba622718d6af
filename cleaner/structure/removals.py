"""What the structure stage removes from a page, named and cut, in one engine call.

Every dropped unit is named (by its words, :mod:`cleaner.structure.categories`,
then by its shape and place) and cut to the parts no earlier stage claimed; a
kept unit gives up only its markdown that carries words (link targets, images). A walk over every unit in
Python was a third of the stage's time, so the engine walks the page
(``cleaner._core.removals``, ``core/src/removals.rs``) and Python reads only the
units whose words may name them (a cookie banner, a share bar, a "Related"
heading, a row of footer links: the few past the engine's gates) and the
markdown of kept units that hold any. The tests hold the engine to a Python
reference of the walk (``categorise`` in ``tests/structure_reference.py``).
"""
from __future__ import annotations

from array import array
from operator import attrgetter
from typing import Callable, Mapping, Sequence

from .. import _core
from .categories import _FOOTER_WORDS, _MAY_NAME, _RELATED_HEAD, _own_category
from .features import LineInfo, markup_spans, page_indexes

#: The category of each code the engine returns.
CATEGORIES: tuple[str, ...] = tuple(_core.removal_categories())
MARKUP = CATEGORIES.index("markup")
_CODE = {name: code for code, name in enumerate(CATEGORIES)}
_NAMED, _RELATED_HEADING, _FOOTER_ROW = 1, 2, 3  # how a unit's words named it (the engine's kinds)


class Removals:
    """The removals of a page in text order: ``starts``, ``ends`` (character offsets),
    ``codes`` (a category code each, :data:`CATEGORIES`) and ``whole`` (the position in
    ``units`` of the unit a removal takes whole, -1 for a part of one), flat, so that a
    page of many short removed lines keeps compact sequences until it is annotated."""

    __slots__ = ("starts", "ends", "codes", "whole", "units")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], codes: bytes | bytearray,
                 whole: Sequence[int], units: Sequence):
        self.starts, self.ends, self.codes, self.whole = starts, ends, codes, whole
        self.units = units  # the units ``whole`` points at (``LineInfo.line``): their offsets

    def __len__(self) -> int:
        return len(self.codes)

    def spans(self, rules: Sequence[str]):
        """(start, end, category, rule) of each removal; ``rules``: the rule of each code.
        A unit removed whole gives its line's own offsets: the annotation shares their
        ints instead of holding two more for each removed line."""
        units = self.units
        for start, end, k, code in zip(self.starts, self.ends, self.whole, self.codes):
            if k >= 0:
                unit = units[k]
                start, end = unit.start, unit.end
            yield start, end, CATEGORIES[code], rules[code]


def _given(infos: list[LineInfo], named: Mapping[int, str], may: list[int], footer: list[int]):
    """(positions, kinds, codes) of the units whose category is given before the walk:
    those ``named`` by a later step, the removed units past the gate (``may``) whose words
    name them (``categories._own_category``), and the rows of footer links (``footer``)
    whose words named nothing else."""
    at = list(named)
    kinds = [_NAMED] * len(at)
    codes = [_CODE[category] for category in named.values()]
    named_by_words = set()
    for i in may:
        info = infos[i]
        own = _own_category(info)
        if own is not None:
            at.append(i), kinds.append(_NAMED), codes.append(_CODE[own])
        elif info.words <= 8 and _RELATED_HEAD.search(info.text):
            at.append(i), kinds.append(_RELATED_HEADING), codes.append(0)
        else:
            continue
        named_by_words.add(i)
    for i in footer:  # a row of footer links, unless its words named it first
        if i not in named_by_words:
            at.append(i), kinds.append(_FOOTER_ROW), codes.append(0)
    return at, kinds, codes


def removals(text: str, infos: list[LineInfo], keep: list[bool], named: Mapping[int, str],
             claimed_starts: list[int], claimed_ends: list[int], free: Callable[[int, int], bool]) -> Removals:
    """What the stage removes from ``infos`` (units of one ``analyse`` call of ``text``, in
    text order): every unit not kept, named and cut to what no earlier stage claimed
    (``claimed_starts``/``claimed_ends``: merged, sorted), and each kept unit's markdown
    spans that carry words where ``free`` says nothing claimed them."""
    if not infos:
        return Removals([], [], b"", [], [])
    page, idx = page_indexes(infos)
    may, footer = _core.removal_gates(page, idx, keep, list(named), _MAY_NAME._searcher(), _FOOTER_WORDS)
    at, kinds, codes = _given(infos, named, may, footer)
    starts, ends, cats, whole, markup, markup_at = _core.removals(page, idx, keep, at, kinds, codes, text,
                                                                  claimed_starts, claimed_ends)
    starts, ends, whole = (memoryview(packed).cast("q") for packed in (starts, ends, whole))
    units = list(map(_line, infos))
    if not markup:
        return Removals(starts, ends, cats, whole, units)
    out = Removals(array("q"), array("q"), bytearray(), array("q"), units)
    done = 0  # removals copied to ``out``
    for i, where in zip(markup, markup_at):
        unit = infos[i].line
        spans = [(unit.start + a, unit.start + b) for a, b in markup_spans(text[unit.start:unit.end])
                 if free(unit.start + a, unit.start + b)]
        if spans:
            out.starts.extend(starts[done:where])
            out.ends.extend(ends[done:where])
            out.codes += cats[done:where]
            out.whole.extend(whole[done:where])
            for a, b in spans:
                out.starts.append(a)
                out.ends.append(b)
                out.codes.append(MARKUP)
                out.whole.append(-1)
            done = where
    if not done and not out.codes:
        return Removals(starts, ends, cats, whole, units)
    out.starts.extend(starts[done:])
    out.ends.extend(ends[done:])
    out.codes += cats[done:]
    out.whole.extend(whole[done:])
    return out


_line = attrgetter("line")
