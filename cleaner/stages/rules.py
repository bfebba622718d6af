"""Apply the boilerplate rule registry to lines, paragraph-edge sentences and blocks.

The rules that run are those of the page's language (:func:`cleaner.rules.for_language`,
the language from :func:`cleaner.language.page.page_language`): the engine of each
language's rule set is compiled when a page in that language first needs it and kept.
English (or an unknown language) has its engine built up front, and when no rule names
a language the page's language is never counted.
"""
from __future__ import annotations

from typing import Callable

from .._core import RuleEngine
from ..document import MAIN, Block, Document
from ..rules import Rule, for_language, rule_languages
from ..sentences import is_prose
from ..structure.features import FLAT, split_flat
from ..visible import scalar

HEAD_FRACTION = 0.3   # a block starting in the first 30% of the text is in the head
TAIL_FRACTION = 0.5   # a block ending in the last half is in the tail


SCOPES = ("line", "sentence", "block")
PLACE = {"anywhere": 1, "head": 2, "tail": 4}  # the engine's place mask


class RuleStage:
    """Marks every unit a rule matches as boilerplate (or metadata) with the rule's id."""

    name = "rules"

    def __init__(self, rules: list[Rule]):
        self.all_rules = list(rules)
        self.languages = rule_languages(self.all_rules)
        self._sets: dict[tuple[int, ...], RuleSet] = {}
        self._by_language: dict[str | None, RuleSet] = {}
        self.default = self.for_language(None)

    @property
    def rules(self) -> list[Rule]:
        """The rules an English page (or one of unknown language) gets."""
        return self.default.rules

    def for_language(self, language: str | None) -> "RuleSet":
        """The compiled rule set of a page language; a language no rule names shares English's."""
        key = language if language in self.languages else None
        found = self._by_language.get(key)
        if found is None:
            rules = for_language(self.all_rules, key)
            members = tuple(id(r) for r in rules)
            found = self._sets.get(members) or self._sets.setdefault(members, RuleSet(rules))
            self._by_language[key] = found
        return found

    def __call__(self, doc: Document) -> None:
        rule_set = self.default
        if self.languages:
            from ..language.page import page_language
            rule_set = self.for_language(page_language(doc))
        blocks = doc.blocks
        prose = _Prose(doc)
        bounds = _bounds(doc, prose)
        placed = _places(doc, bounds)
        rule_set.apply(doc, blocks, placed)
        # A removed paragraph of prose (a fair-use notice) is not the article: measured
        # without it, an author bio above it is in the tail, as it would be once the
        # notice is gone. Cleaning the cleaned text must not remove more.
        trimmed = _bounds(doc, lambda b: prose(b) and not _removed(doc, b))
        if trimmed != bounds:
            for block, where, was in zip(blocks, _places(doc, trimmed), placed):
                if where != was and doc.is_unclaimed(block.start, block.end):
                    rule_set.apply(doc, [block], [where])


class RuleSet:
    """Rules and the engine compiled from them: what runs on one page."""

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        members = {scope: [i for i, r in enumerate(rules) if r.scope == scope] for scope in SCOPES}
        members["line"] += members["sentence"]  # a sentence rule also matches a whole line
        self.has_blocks = bool(members["block"])
        self.engine = RuleEngine([(r.pattern, r.raw, list(r.requires), r.max_words, PLACE[r.where])
                                  for r in rules], [members[scope] for scope in SCOPES])

    def apply(self, doc: Document, blocks: list[Block], places: list[int]) -> None:
        """Annotate what the rules claim in ``blocks``, each at its place: the engine
        judges the units of many blocks in one call (:data:`BATCH` units or more)."""
        batch = _Batch()
        for block, where in zip(blocks, places):
            batch.add(doc, block, where, self.has_blocks)
            if len(batch) >= BATCH:
                self._judge(doc, batch)
                batch = _Batch()
        if len(batch):
            self._judge(doc, batch)

    def _judge(self, doc: Document, batch: "_Batch") -> None:
        """One engine call for a batch of blocks, on the stretch of text they span."""
        base, text = batch.spans[0][0], doc.text[batch.spans[0][0]:batch.spans[1][-1]]
        columns = [[at - base for at in column] for column in (batch.spans[0], batch.spans[1])]
        units = [[at - base for at in column] for column in (batch.units[0], batch.units[1])]
        args = (*columns, *batch.spans[2:], *units, batch.units[2])
        try:
            found = self.engine.page(text, *args)
        except UnicodeEncodeError:  # a lone surrogate: read as the stages read it
            found = self.engine.page(scalar(text), *args)
        rules = self.rules
        for start, end, index in found:
            rule = rules[index]
            doc.annotate(base + start, base + end, rule.label, rule.category, rule.id)


BATCH = 4096  # units an engine call judges at least: few calls, and the call's memory bounded


class _Batch:
    """Blocks and their units as the engine reads them, as columns (a tuple each was most
    of the stage's memory on a page of short lines)."""

    def __init__(self) -> None:
        self.spans: tuple[list, ...] = ([], [], [], [], [])   # start, end, place, judged whole, units
        self.units: tuple[list, ...] = ([], [], [])           # start, end, place (0: the block's)

    def __len__(self) -> int:
        return len(self.units[0])

    def add(self, doc: Document, block: Block, where: int, judged_whole: bool) -> None:
        starts, ends, own = self.units
        before = len(starts)
        for line in block.lines:
            if line.end - line.start > FLAT:
                for a, b, place in _pieces(doc, line.start, line.end):
                    starts.append(a)
                    ends.append(b)
                    own.append(place)
            else:
                starts.append(line.start)
                ends.append(line.end)
                own.append(0)
        for column, value in zip(self.spans, (block.start, block.end, where,
                                              judged_whole and len(block.lines) >= 2, len(starts) - before)):
            column.append(value)


def _pieces(doc: Document, start: int, end: int) -> list[tuple[int, int, int]]:
    """A flattened page (a converter printed it as one line) has no lines to judge: each
    of its sentence-like pieces is judged as a line, placed by where it sits in the text."""
    return [(a, b, _placed(doc, a, b)) for a, b in split_flat(doc.text, start, end)]


class _Prose:
    """Whether a block is article prose (several sentences, or long), asked of the few
    blocks that bound the article and answered once each."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.known: dict[int, bool] = {}

    def __call__(self, block: Block) -> bool:
        found = self.known.get(block.index)
        if found is None:
            found = self.known[block.index] = is_prose(self.doc.slice(block.start, block.end))
        return found


def _bounds(doc: Document, prose: Callable[[Block], bool]) -> tuple[int, int]:
    """Indexes of the first and last blocks of article prose (those ``prose`` accepts),
    looked for from either end of the page."""
    blocks = doc.blocks
    first = next((b for b in blocks if prose(b)), None)
    if first is None:
        return len(blocks), -1
    last = next((b for b in reversed(blocks) if prose(b)), first)
    return first.index, last.index


def _removed(doc: Document, block: Block) -> bool:
    """Every line of the block is claimed whole by a rule."""
    return all(any(a.label != MAIN and a.start <= line.start and a.end >= line.end
                   for a in doc.annotations_over(line.start, line.end)) for line in block.lines)


def _places(doc: Document, bounds: tuple[int, int]) -> list[int]:
    """Where each block sits, as a :data:`PLACE` mask: in the head before the first prose
    paragraph or in the first 30% of the text; in the tail after the last prose paragraph
    or in the last half."""
    size = max(len(doc.text), 1)
    head, tail = HEAD_FRACTION * size, TAIL_FRACTION * size
    first, last = bounds
    anywhere, in_head, in_tail = PLACE["anywhere"], PLACE["head"], PLACE["tail"]
    return [anywhere | (in_head if b.index < first or b.start <= head else 0)
            | (in_tail if b.index > last or b.end >= tail else 0) for b in doc.blocks]


def _placed(doc: Document, start: int, end: int) -> int:
    """Where the span ``start:end`` sits, as a :data:`PLACE` mask: in the head when it
    starts in the first 30% of the text, in the tail when it ends in the last half."""
    size = max(len(doc.text), 1)
    where = PLACE["anywhere"]
    if start <= HEAD_FRACTION * size:
        where |= PLACE["head"]
    if end >= TAIL_FRACTION * size:
        where |= PLACE["tail"]
    return where
