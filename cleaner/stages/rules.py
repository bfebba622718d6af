"""Apply the boilerplate rule registry to lines, paragraph-edge sentences and blocks."""
from __future__ import annotations

from ..document import Block, Document
from ..render import normalise
from ..rules import Rule
from ..sentences import is_prose, split_sentences

HEAD_FRACTION = 0.3   # a block starting in the first 30% of the text is in the head
TAIL_FRACTION = 0.5   # a block ending in the last half is in the tail


class RuleStage:
    """Marks every unit a rule matches as boilerplate (or metadata) with the rule's id."""

    name = "rules"

    def __init__(self, rules: list[Rule]):
        self.rules = {scope: [r for r in rules if r.scope == scope] for scope in ("line", "sentence", "block")}

    def __call__(self, doc: Document) -> None:
        bounds = _prose_bounds(doc)
        for block in doc.blocks:
            where = _position(doc, block, bounds)
            if self._block(doc, block, where):
                continue
            for line in block.lines:
                rule = self._first(self.rules["line"] + self.rules["sentence"], doc.slice(line.start, line.end), where)
                if rule:
                    doc.annotate(line.start, line.end, rule.label, rule.category, rule.id)
                else:
                    self._edges(doc, line.start, line.end, where)

    def _block(self, doc: Document, block: Block, where: set[str]) -> bool:
        if len(block.lines) < 2 or not self.rules["block"]:
            return False
        rule = self._first(self.rules["block"], doc.slice(block.start, block.end), where)
        if rule:
            doc.annotate(block.start, block.end, rule.label, rule.category, rule.id)
        return rule is not None

    def _edges(self, doc: Document, start: int, end: int, where: set[str]) -> None:
        """Peel prompts off both ends of a line: "…last sentence. Share this article!" keeps the sentence."""
        spans = split_sentences(doc.slice(start, end), start)
        if len(spans) < 2:
            return
        rules = self.rules["sentence"]
        hits: list[tuple[int, int, Rule]] = []
        for order in (reversed(spans), spans):
            for a, b in order:
                rule = self._first(rules, doc.slice(a, b), where)
                if rule is None:
                    break
                hits.append((a, b, rule))
        for a, b, rule in hits:
            doc.annotate(a, b, rule.label, rule.category, rule.id)

    @staticmethod
    def _first(rules: list[Rule], raw: str, where: set[str]) -> Rule | None:
        text = normalise(raw)
        for rule in rules:
            if rule.where in where and rule.matches(raw if rule.raw else text):
                return rule
        return None


def _prose_bounds(doc: Document) -> tuple[int, int]:
    """Indexes of the first and last blocks of article prose (several sentences, or long)."""
    prose = [b.index for b in doc.blocks if is_prose(doc.slice(b.start, b.end))]
    return (prose[0], prose[-1]) if prose else (len(doc.blocks), -1)


def _position(doc: Document, block: Block, bounds: tuple[int, int]) -> set[str]:
    """Head: before the first prose paragraph or in the first 30% of the text; tail: after
    the last prose paragraph or in the last half."""
    size = max(len(doc.text), 1)
    where = {"anywhere"}
    if block.index < bounds[0] or block.start <= HEAD_FRACTION * size:
        where.add("head")
    if block.index > bounds[1] or block.end >= TAIL_FRACTION * size:
        where.add("tail")
    return where
