"""Language flags: passages (paragraphs, comments) not in the target language."""
from __future__ import annotations

from functools import lru_cache

from ..document import COMMENT, MAIN, Document
from ..options import Options
from ..render import normalise
from ..result import CleanResult


class LanguageFlags:
    name = "language"

    def __init__(self, options: Options):
        self.detector = _detector(options.target_language, options.min_confidence, options.language_backend)

    def __call__(self, doc: Document) -> None:
        from ..language import Passage
        result = CleanResult(doc)
        passages = [Passage(seg[0].start, seg[-1].end, text, "main")
                    for seg, text in result.paragraph_spans()]
        for comment in doc.comments:
            text = normalise(doc.slice(comment.start, comment.end))
            passages.append(Passage(comment.start, comment.end, text, "comments"))
        doc.flags, doc.language = self.detector.analyse(passages)


@lru_cache(maxsize=4)
def _detector(target: str, min_confidence: float, backend: str):
    from ..language import LanguageDetector
    return LanguageDetector(target=target, min_confidence=min_confidence, backend=backend)
