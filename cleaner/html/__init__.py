"""HTML input: trafilatura extracts, then the cleaner's own stages finish the job.

``clean_html(html)`` is :func:`cleaner.clean` for a page that is still HTML.

1. **Extraction.** trafilatura works on one parsed tree: its balanced
   extraction of the article (comment containers pruned first; ``bare_extraction``),
   its ``favor_recall`` extraction when that could be kept
   (:func:`recall_may_win`), and, on pages whose markup names no comment
   section (:func:`comment_sections`: containers named for a discussion that
   hold a comment), its comment search alone (:func:`trafilatura_comments`).
   The page's title, authors and date (``<title>``, ``<meta>``, JSON-LD;
   htmldate without its slow extensive search) are read only when the text
   does not show them (:class:`PageMetadata`). The output trees keep the structure:
   every heading, paragraph, list, quote or table becomes a block of its own
   (a blank line between blocks, a line per list item or table row); the
   comments follow the article after two blank lines, and
   ``doc.hints["comments_start"]`` tells the comment stage where they begin
   (past the end of the text when none were found, so the stage does not
   look for a discussion inside the article).
2. **Our stages** run on that text as on any other: residual boilerplate rules
   inside the article (share prompts, "Advertisement", credits, newsletter
   prompts), the byline/date head, comment splitting and comment chrome,
   language flags. One HTML-only step is added: a line of six words or more
   that the article already printed is marked ``duplicate``
   (``html.repeated-line``); one rule is switched off, ``markup.script``,
   since trafilatura never emits scripts and a code-looking line is a code
   sample the article shows.
3. **Metadata** the text does not show (title, authors, date) is filled from
   trafilatura's reading of the page; what the text shows wins.

Which **path** was taken is reported as ``path`` in ``to_dict()``:

``trafilatura``
    trafilatura's balanced extraction (which already includes its own
    internal fallbacks: readability, jusText, baseline, recall retry).
``trafilatura-fallback``
    trafilatura's ``favor_recall`` extraction, kept instead because it is
    longer and the balanced one was either a whole article (it then misses
    headings, lists and tables) or a small part of the page's text (it
    truncated the article): see :func:`prefer_recall`. What it adds inside the
    region the balanced extraction printed (headings, lists, code) is kept;
    what it adds around that region (a sidebar, a "popular posts" list) is
    judged by the page-structure stage, as on plain text
    (:func:`trusted_region`).
``plain-text``
    trafilatura found nothing usable (under ``PLAIN_MIN_WORDS`` words, or the
    page could not be parsed): the page's visible text (:func:`page_text`, a
    line per block element) is cleaned as plain text, as :func:`cleaner.clean`
    would, comment detection included.

**Offsets** (segments, removals, comments, flags) index the text the extraction
produced, not the HTML: ``result.source`` is that text, and
``result.to_dict(source=True)`` (or ``clean_html(..., source=True)``) puts it
in the output as ``"source"``.

The package: ``extraction.py`` (parsing, trafilatura's runs, the path),
``runs.py`` (the balanced and recall extractions sharing their pruned page), ``metadata.py`` (title, authors and date, read when asked), ``page.py`` (a tree's visible text), ``sections.py`` (the comment sections and
the discussion inside an extraction), ``repeats.py`` (``html.repeated-line``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..document import Document
from ..options import Options
from ..result import CleanResult
from .extraction import (FALLBACK, HTML_DISABLED_RULES, PATHS, PLAIN_TEXT, TRAFILATURA, Extraction,  # noqa: F401
                         extract, parse, prefer_recall, recall_may_win, trafilatura_comments)
from .metadata import PageMetadata  # noqa: F401  (read when fill_metadata asks)
from .page import _body, page_text  # noqa: F401  (the page's visible text, for callers and tests)
from .repeats import mark_repeats
from .sections import _key, comment_sections, headed_discussion, without_discussion  # noqa: F401

@dataclass
class HtmlResult(CleanResult):
    """A :class:`CleanResult` that also says which extraction path was taken.

    ``to_dict()`` adds ``"path"``; with ``source=True`` (or when the result was
    made with ``clean_html(..., source=True)``) it adds ``"source"``, the
    extracted text every offset refers to.
    """

    include_source: bool = False

    @property
    def path(self) -> str:
        return self.doc.meta.get("path", TRAFILATURA)

    def to_dict(self, source: bool | None = None, *, typed: bool = False) -> dict[str, Any]:
        out = super().to_dict(typed=typed)
        out["path"] = self.path
        if self.include_source if source is None else source:
            out["source"] = self.doc.text
        return out


# --------------------------------------------------------------------------- API

def clean_html(html: str | bytes, *, id: str | None = None, options: Options | None = None,
               source: bool = False, **overrides) -> HtmlResult:
    """Clean one HTML page: trafilatura's extraction, then the cleaner's stages.

    ``overrides`` are :class:`Options` fields, as in :func:`cleaner.clean`.
    ``source=True`` puts the extracted text (what all offsets index) into
    ``to_dict()`` as ``"source"``. Raises :class:`InputError` for input that is
    not a document (binary, too large, not text); a page with no text at all
    gives an empty result on the ``plain-text`` path.
    """
    from ..pipeline import cached_pipeline

    opts = Options.resolve(options, overrides)
    extraction = extract(html)
    doc = document(extraction, id=id)
    if extraction.path != PLAIN_TEXT:
        opts = replace(opts, disable=opts.disable | HTML_DISABLED_RULES)
        if "repeats" not in opts.disable:
            mark_repeats(doc, doc.hints.get("comments_start"))
    result = cached_pipeline(opts)(doc)
    fill_metadata(result.doc, extraction.meta)
    return HtmlResult(result.doc, include_source=source)


def document(extraction: Extraction, id: str | None = None) -> Document:
    """The :class:`Document` the stages run on, with the comment offset as a hint."""
    text, comments_start = extraction.text()
    hints: dict[str, Any] = {"input": "html", "path": extraction.path}
    if extraction.path != PLAIN_TEXT:
        # trafilatura decided where the comments are; no comments: the hint points past the end
        hints["comments_start"] = len(text) if comments_start is None else comments_start
    region = trusted_region(text, extraction.trusted, hints.get("comments_start", len(text)))
    if region is not None:
        hints["trusted"] = region
    doc = Document(text, id=id, hints=hints)
    doc.meta["path"] = extraction.path
    return doc


def trusted_region(text: str, trusted: list[str], end: int) -> tuple[int, int] | None:
    """From the first to the last line of ``text`` (before ``end``) that the ``trusted``
    blocks print too; None when they share no line.

    On the fallback path the recall extraction adds to the balanced one what it
    found around the article: inside the article, the headings, lists, tables
    and code the balanced one missed; around it, on some pages, a sidebar, a
    "popular posts" list or a stream of reblog notes. The article is one
    contiguous region: what lies inside the region both extractions print is
    kept, what lies outside is for the page-structure stage to judge.
    """
    keys = {_key(line) for block in trusted for line in block.split("\n")}
    first = last = None
    start = 0
    for line in text[:end].split("\n"):
        if line.strip() and _key(line) in keys:
            first = start if first is None else first
            last = start + len(line)
        start += len(line) + 1
    return None if first is None else (first, last)


def fill_metadata(doc: Document, meta: dict[str, Any]) -> None:
    """Fill title, authors and date the text did not show from the page's metadata."""
    if not doc.meta.get("title") and meta.get("title"):
        doc.meta["title"] = meta["title"]
    if not doc.meta.get("authors") and meta.get("authors"):
        doc.meta["authors"] = list(meta["authors"])
    if not doc.meta.get("published") and meta.get("published"):
        doc.meta["published"] = meta["published"]

