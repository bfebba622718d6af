"""The engine: one document object passed through small, switchable stages."""
from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from .document import Document
from .options import Options
from .result import CleanResult
from .visible import restore, view


class Stage(Protocol):
    """A stage reads the document and adds annotations, comments, flags or metadata.

    A stage that reads the resolved segments and block spans, not the blocks and lines,
    and adds no annotations, says so with ``reads_lines = False``: when no later stage
    reads them, the lines are let go before it runs (:meth:`Document.settle`)."""

    name: str

    def __call__(self, doc: Document) -> None: ...


class Pipeline:
    def __init__(self, stages: list[Stage], hints: dict | None = None):
        self.stages = stages
        self.hints = hints or {}  # the caller's word on every document (the page language): it wins

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, doc: Document) -> CleanResult:
        seen, positions = view(doc)  # invisible characters out, every line end a newline
        seen.hints.update(self.hints)
        for k, stage in enumerate(self.stages):
            if not any(getattr(later, "reads_lines", True) for later in self.stages[k:]):
                seen.settle()  # a page's lines and its segments are not held at once
            stage(seen)
        doc = restore(seen, doc, positions)
        del seen
        doc.settle()  # the result reads segments, not the stages' blocks and lines
        return CleanResult(doc)


def build(options: Options) -> Pipeline:
    """The default stage order; a stage named in ``options.disable`` is left out."""
    from .rules import load_rules
    from .stages.comments import CommentSection, CommentSplitter
    from .stages.language import LanguageFlags
    from .stages.metadata import HeadMetadata
    from .stages.rules import RuleStage
    from .stages.structure import PageStructure

    rules = load_rules(options.rules, disabled=options.disable)
    stages: list[Stage] = [
        RuleStage(rules),
        CommentSection(),   # before the page structure: the article is sought outside the discussion
        PageStructure(),
        HeadMetadata(),
        CommentSplitter(),
    ]
    if options.language:
        stages.append(LanguageFlags(options))
    hints = {"page_language": options.page_language} if options.page_language else {}
    return Pipeline([s for s in stages if s.name not in options.disable], hints)


@lru_cache(maxsize=8)
def cached_pipeline(options: Options) -> Pipeline:
    """Rules compile once per process and option set, not once per document."""
    return build(options)
