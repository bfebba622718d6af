"""datatrove: clean documents inside a datatrove pipeline.

Three lines from Common Crawl to cleaned JSON Lines::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanHtml, FastWarcReader

    LocalPipelineExecutor(pipeline=[
        FastWarcReader("crawl/"),          # WARC responses (HTML) and WET conversions (text)
        CleanHtml(),                       # or CleanText() for text documents
        JsonlWriter("cleaned/"),
    ], tasks=8, logging_dir="logs/").run()

The steps replace ``doc.text`` with the main text and put the rest in
``doc.metadata``: ``title``, ``authors``, ``published``, ``language``,
``comments`` (list of dicts, every key always present), ``flags`` and
``removed_categories`` (characters removed per category). Removals are
counted with datatrove's stats (``removed/<category>`` in characters,
``comments``, ``flagged``), so they show in the task's stats file. A document
left with no main text is dropped (stat ``dropped``) unless ``keep_empty``;
one that cannot be cleaned (binary, over the size limit) is skipped and
counted as ``clean_error``, and the task goes on.

A document whose ``metadata["format"]`` is ``"text"`` or ``"html"`` (as
:class:`FastWarcReader` sets it) goes through that path whichever step
cleans it, so WARC and WET files can share a pipeline.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ..corpus.records import reason
from ..fields import COMMENT_FIELDS
from ..options import Options
from ..result import CleanResult


class CleanText(PipelineStep):
    """Clean plain-text documents (WET records, extracted text)."""

    name = "🧹 cleaner (text)"
    type = "✂️ - FORMAT"
    format = "text"

    def __init__(self, options: Options | None = None, keep_empty: bool = False):
        super().__init__()
        self.options = options or Options()
        self.keep_empty = keep_empty

    def clean(self, doc: Document) -> CleanResult:
        import cleaner
        html = doc.metadata.get("format", self.format) == "html"
        clean = cleaner.clean_html if html else cleaner.clean
        return clean(doc.text, id=str(doc.id) if doc.id is not None else None, options=self.options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    result = self.clean(doc)
                except Exception as exc:  # one hostile document must not fail the task
                    self._skip(doc, exc)
                    continue
                apply(doc, result)
            self._count(result)
            if doc.text or self.keep_empty:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)

    def _skip(self, doc: Document, exc: Exception) -> None:
        """Count a document that could not be cleaned (stat ``clean_error``); log the first one."""
        self.stat_update("clean_error")
        if not getattr(self, "_warned", False):
            self._warned = True
            logger.warning(f"cleaner: document {doc.id} skipped: {reason(exc)} "
                           "(further ones are only counted, as clean_error)")

    def _count(self, result: CleanResult) -> None:
        for category, chars in _removed_chars(result).items():
            self.stat_update(f"removed/{category}", value=chars, unit="doc")
        if result.comments:
            self.stat_update("comments", value=len(result.comments), unit="doc")
        if result.flags:
            self.stat_update("flagged", value=len(result.flags), unit="doc")


class CleanHtml(CleanText):
    """Extract and clean HTML pages (WARC responses, crawled HTML)."""

    name = "🧹 cleaner (HTML)"
    type = "🛢 - EXTRAC"
    format = "html"


def apply(doc: Document, result: CleanResult) -> None:
    """Put a result into a datatrove document: main text in ``text``, the rest in ``metadata``."""
    doc.text = result.text
    doc.metadata.update(metadata(result))


def metadata(result: CleanResult) -> dict[str, Any]:
    """The cleaner's fields as datatrove metadata (JSON- and Parquet-friendly, fixed keys)."""
    return {
        "title": result.title,
        "authors": result.authors,
        "published": result.published,
        "language": result.language,
        "comments": [{key: getattr(c, key) for key in COMMENT_FIELDS} for c in result.comments],
        "flags": [f.to_dict() for f in result.flags],
        "removed_categories": dict(_removed_chars(result)),
    }


def _removed_chars(result: CleanResult) -> Counter[str]:
    """Characters removed per category (``metadata`` for title and date lines)."""
    counts: Counter[str] = Counter()
    for removal in result.removed:
        counts[removal.category or "metadata"] += removal.end - removal.start
    return counts


class FastWarcReader(BaseDiskReader):
    """Read WARC and WET files with fastwarc (no warcio, cchardet or libmagic needed).

    Each HTML response or WET conversion record becomes a document with the
    WARC-Record-ID as ``id`` and ``url`` and ``format`` (``html`` or
    ``text``) in its metadata; other records are skipped. Takes every
    argument of datatrove's readers (``glob_pattern``, ``limit``, ``paths_file`` …).
    """

    name = "🕷 FastWARC"
    _requires_dependencies = ["fastwarc"]

    def read_file(self, filepath: str) -> Iterator[Document]:
        from ..warc import read_warc
        with self.data_folder.open(filepath, "rb") as fh:
            for number, record in enumerate(read_warc(fh, name=filepath)):
                fmt = "html" if "html" in record else "text"
                data = {"text": record[fmt], "id": record["id"], "url": record["url"], "format": fmt}
                with self.track_time():
                    document = self.get_document_from_dict(data, filepath, number)
                if document:
                    yield document
