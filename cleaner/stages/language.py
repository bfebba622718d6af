"""Language flags: passages (paragraphs, comment paragraphs) not in the target language."""
from __future__ import annotations

from functools import lru_cache

from ..document import COMMENT, MAIN, Document
from ..options import Options
from ..result import CleanResult


class LanguageFlags:
    """Flags passages of main text and comments; a comment is judged paragraph by paragraph,
    so one quoted paragraph in another language is found inside a long comment."""

    name = "language"
    reads_lines = False  # the segments and block spans (``CleanResult.paragraph_spans``)

    def __init__(self, options: Options):
        self.detector = _detector(options.target_language, options.min_confidence, options.language_backend)

    def __call__(self, doc: Document) -> None:
        from ..language import Passage
        result = CleanResult(doc)
        passages = [Passage(segs[0].start, segs[-1].end, text, section)
                    for label, section in ((MAIN, "main"), (COMMENT, "comments"))
                    for segs, text in result.iter_paragraph_spans(label)]
        doc.flags, doc.language = self.detector.analyse(passages)
        self.detector.forget()  # the passages are this document's: not kept past it


@lru_cache(maxsize=4)
def _detector(target: str, min_confidence: float, backend: str):
    from ..language import LanguageDetector
    return LanguageDetector(target=target, min_confidence=min_confidence, backend=backend)
