"""Apply the boilerplate rule registry to lines, paragraph-edge sentences and blocks."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..document import MAIN, Block, Document
from ..render import normalise
from ..rules import MATCH_TIMEOUT, Rule
from ..sentences import is_prose, split_sentences
from ..structure.features import FLAT, split_flat

HEAD_FRACTION = 0.3   # a block starting in the first 30% of the text is in the head
TAIL_FRACTION = 0.5   # a block ending in the last half is in the tail


class RuleStage:
    """Marks every unit a rule matches as boilerplate (or metadata) with the rule's id."""

    name = "rules"

    def __init__(self, rules: list[Rule]):
        self.rules = {scope: [r for r in rules if r.scope == scope] for scope in ("line", "sentence", "block")}
        self.rules["line"] += self.rules["sentence"]  # a sentence rule also matches a whole line
        self.gates = {scope: _gate(rules) for scope, rules in self.rules.items()}
        self.ungated = {scope: [r for r in rules if not r.gated] for scope, rules in self.rules.items()}
        # a unit longer than every gated rule allows is for the ungated rules alone
        self.longest = {scope: max((r.max_words for r in rules if r.gated), default=0)
                        for scope, rules in self.rules.items()}
        # Menus, buttons and footers repeat within a page and across a site's pages.
        self._first = lru_cache(maxsize=1 << 16)(self._first_uncached)

    def __call__(self, doc: Document) -> None:
        prose = [b for b in doc.blocks if is_prose(doc.slice(b.start, b.end))]
        bounds = _bounds(doc, prose)
        placed = {block.index: _position(doc, block, bounds) for block in doc.blocks}
        for block in doc.blocks:
            self._apply(doc, block, placed[block.index])
        # A removed paragraph of prose (a fair-use notice) is not the article: measured
        # without it, an author bio above it is in the tail, as it would be once the
        # notice is gone. Cleaning the cleaned text must not remove more.
        trimmed = _bounds(doc, [b for b in prose if not _removed(doc, b)])
        if trimmed != bounds:
            for block in doc.blocks:
                where = _position(doc, block, trimmed)
                if where != placed[block.index] and doc.is_unclaimed(block.start, block.end):
                    self._apply(doc, block, where)

    def _apply(self, doc: Document, block: Block, where: frozenset[str]) -> None:
        if self._block(doc, block, where):
            return
        for line in block.lines:
            if line.end - line.start > FLAT:
                self._pieces(doc, line.start, line.end)
                continue
            rule = self._first("line", doc.slice(line.start, line.end), where)
            if rule:
                doc.annotate(line.start, line.end, rule.label, rule.category, rule.id)
            else:
                self._edges(doc, line.start, line.end, where)

    def _block(self, doc: Document, block: Block, where: frozenset[str]) -> bool:
        if len(block.lines) < 2 or not self.rules["block"]:
            return False
        rule = self._first("block", doc.slice(block.start, block.end), where)
        if rule:
            doc.annotate(block.start, block.end, rule.label, rule.category, rule.id)
        return rule is not None

    def _pieces(self, doc: Document, start: int, end: int) -> None:
        """A flattened page (a converter printed it as one line) has no lines to judge: each
        of its sentence-like pieces is judged as a line, placed by where it sits in the text."""
        for a, b in split_flat(doc.text, start, end):
            rule = self._first("line", doc.slice(a, b), _placed(doc, a, b))
            if rule:
                doc.annotate(a, b, rule.label, rule.category, rule.id)

    def _edges(self, doc: Document, start: int, end: int, where: frozenset[str]) -> None:
        """Peel prompts off both ends of a line: "…last sentence. Share this article!" keeps the sentence."""
        spans = split_sentences(doc.slice(start, end), start)
        if len(spans) < 2:
            return
        hits: list[tuple[int, int, Rule]] = []
        for order in (reversed(spans), spans):
            for a, b in order:
                rule = self._first("sentence", doc.slice(a, b), where)
                if rule is None:
                    break
                hits.append((a, b, rule))
        for a, b, rule in hits:
            doc.annotate(a, b, rule.label, rule.category, rule.id)

    def _first_uncached(self, scope: str, raw: str, where: frozenset[str]) -> Rule | None:
        """The first rule of ``scope`` that matches; two combined searches rule most units out."""
        text = normalise(raw)
        words = len(text.split())
        if words > self.longest[scope]:
            return self._first_of(self.ungated[scope], raw, text, words, where)
        anchored, floating = self.gates[scope]
        try:
            if (anchored is None or anchored.match(text, timeout=MATCH_TIMEOUT) is None) and \
                    (floating is None or floating.search(text, timeout=MATCH_TIMEOUT) is None):
                return self._first_of(self.ungated[scope], raw, text, words, where)
        except TimeoutError:
            pass  # undecided: try the rules one by one, each with its own budget
        return self._first_of(self.rules[scope], raw, text, words, where)

    @staticmethod
    def _first_of(rules: list[Rule], raw: str, text: str, words: int, where: frozenset[str]) -> Rule | None:
        for rule in rules:
            if words <= rule.max_words and rule.where in where and rule.matches(raw if rule.raw else text, words):
                return rule
        return None


def _gate(rules: list[Rule]) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    """All gated display-text patterns of a scope in two alternations: if neither matches,
    no gated rule does.

    Alternatives anchored at the start go into one pattern tried only at the
    start (``match``); the rest into one that is searched. Inline flags are
    scoped to their own alternative, so combining changes no pattern's meaning.
    """
    anchored: list[str] = []
    floating: list[str] = []
    for rule in rules:
        if not rule.gated:
            continue
        source = rule.pattern.pattern
        flags = "(?i)" in source
        for alternative in _alternatives(source.replace("(?i)", "")):
            part = f"(?i:{alternative})" if flags else f"(?:{alternative})"
            (anchored if alternative.startswith("^") else floating).append(part)
    return (regex.compile("|".join(anchored)) if anchored else None,
            regex.compile("|".join(floating)) if floating else None)


def _alternatives(source: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (outside groups, classes and escapes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _bounds(doc: Document, prose: list[Block]) -> tuple[int, int]:
    """Indexes of the first and last blocks of article prose (several sentences, or long)."""
    return (prose[0].index, prose[-1].index) if prose else (len(doc.blocks), -1)


def _removed(doc: Document, block: Block) -> bool:
    """Every line of the block is claimed whole by a rule."""
    return all(any(a.label != MAIN and a.start <= line.start and a.end >= line.end
                   for a in doc.annotations_over(line.start, line.end)) for line in block.lines)


def _position(doc: Document, block: Block, bounds: tuple[int, int]) -> frozenset[str]:
    """Head: before the first prose paragraph or in the first 30% of the text; tail: after
    the last prose paragraph or in the last half."""
    return _placed(doc, block.start, block.end, block.index < bounds[0], block.index > bounds[1])


def _placed(doc: Document, start: int, end: int, before: bool = False, after: bool = False) -> frozenset[str]:
    """Where the span ``start:end`` sits: in the head when ``before`` the article or starting
    in the first 30% of the text, in the tail when ``after`` it or ending in the last half."""
    size = max(len(doc.text), 1)
    where = {"anywhere"}
    if before or start <= HEAD_FRACTION * size:
        where.add("head")
    if after or end >= TAIL_FRACTION * size:
        where.add("tail")
    return frozenset(where)
