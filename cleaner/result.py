"""The output contract: what a cleaned document looks like to callers and files.

``CleanResult`` exposes typed, read-only views (``comments``, ``removed``,
``flags`` are tuples of frozen dataclasses) so an editor and a type checker
know every field; ``to_dict()`` is the JSON contract and its output does not
depend on how these views are built.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from .document import BOILERPLATE, COMMENT, LINE_END, MAIN, METADATA, Document, Segment
from .render import shown, shown_all

REMOVAL_BATCH = 4096  # removals displayed in one call to the engine: few calls, their memory bounded


@dataclass(frozen=True, slots=True)
class ReaderComment:
    """One reader comment: its text and what its header said, with its span in ``source``."""

    text: str
    author: str | None
    reply_to: str | None
    edited: str | None
    start: int
    end: int
    posted: str | None = None  # the comment's date as written, when its header had one

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``posted`` appears only when the comment has one."""
        entry: dict[str, Any] = {"text": self.text, "author": self.author, "reply_to": self.reply_to,
                                 "edited": self.edited, "start": self.start, "end": self.end}
        if self.posted:
            entry["posted"] = self.posted
        return entry


@dataclass(frozen=True, slots=True)
class Removal:
    """A span taken out of the main text, with the reason: its category and rule id."""

    text: str
    category: str | None
    rule: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": self.category, "rule": self.rule,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class LanguageFlag:
    """A passage that is not in the target language (``section``: "main" or "comments")."""

    text: str
    lang: str
    confidence: float  # rounded to 4 places, as written to JSON
    section: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lang": self.lang, "confidence": self.confidence,
                "section": self.section, "start": self.start, "end": self.end}


@dataclass
class CleanResult:
    """A cleaned document. ``to_dict()`` is the stable JSON contract.

    The views below are computed on first use and then kept: a result is
    read-only once the pipeline has returned it.
    """

    doc: Document

    @property
    def id(self) -> str | None:
        """The document id given to ``clean()`` (or found in the input record)."""
        return self.doc.id

    @property
    def source(self) -> str:
        """The text all offsets refer to."""
        return self.doc.text

    @property
    def segments(self) -> list[Segment]:
        """Every labelled span of ``source``, in text order, covering all its non-space characters."""
        return self.doc.segments()

    @property
    def text(self) -> str:
        """The main text: its paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs())

    @property
    def title(self) -> str | None:
        """The article's title (from the page's head on HTML, a title line on text)."""
        return self.doc.meta.get("title")

    @property
    def authors(self) -> list[str]:
        """Bylines found in the page; a new list, so a caller may change it."""
        return list(self.doc.meta.get("authors", []))

    @property
    def published(self) -> str | None:
        """The publication date as ISO 8601 (YYYY-MM-DD), when one was found."""
        return self.doc.meta.get("published")

    @property
    def language(self) -> str | None:
        """ISO 639-1 code of the document's main language, when the language stage ran."""
        return self.doc.language

    def paragraphs(self) -> list[str]:
        """Main text, one entry per block that kept any main text."""
        return [text for _, text in self.iter_paragraph_spans()]

    def paragraph_spans(self, label: str = MAIN) -> list[tuple[list[Segment], str]]:
        """Each paragraph (block) of ``label`` text with the segments it was made of."""
        return list(self.iter_paragraph_spans(label))

    def iter_paragraph_spans(self, label: str = MAIN) -> Iterator[tuple[list[Segment], str]]:
        """:meth:`paragraph_spans` one paragraph at a time: a reader that keeps less of each
        (the language stage keeps its span and text) holds no list and pair for every
        paragraph of a page of many short ones."""
        segments = [s for s in self.doc.segments() if s.label == label]
        return _paragraphs(self.doc, segments, shown_all(self.doc, segments))

    @cached_property
    def comments(self) -> tuple[ReaderComment, ...]:
        """Reader comments in page order; a comment's text keeps its paragraphs."""
        out = []
        segments = [s for s in self.segments if s.label == COMMENT]
        starts = [s.start for s in segments]  # in text order: each comment's are found by bisection
        pieces = shown_all(self.doc, segments)
        for comment in self.doc.comments:
            lo, hi = bisect.bisect_left(starts, comment.start), bisect.bisect_left(starts, comment.end)
            text = "\n\n".join(text for _, text in _paragraphs(self.doc, segments[lo:hi], pieces[lo:hi]))
            out.append(ReaderComment(text, comment.author, comment.reply_to, comment.edited,
                                     comment.start, comment.end, comment.posted or None))
        return tuple(out)

    @cached_property
    def removed(self) -> tuple[Removal, ...]:
        """Boilerplate and metadata spans, each with the category and rule that removed it."""
        return tuple(self._removals())

    def _removals(self) -> Iterator[Removal]:
        """The removals in text order, displayed ``REMOVAL_BATCH`` at a time; a text met
        again soon after (a menu's items, a page of repeated short lines) is kept once. On
        a page of many short removed lines, their texts displayed at once, and a string
        for each, were a large part of the record's memory."""
        segments = [s for s in self.segments if s.label in (BOILERPLATE, METADATA)]
        seen: dict[str, str] = {}
        for k in range(0, len(segments), REMOVAL_BATCH):
            batch = segments[k:k + REMOVAL_BATCH]
            if len(seen) > REMOVAL_BATCH:
                seen.clear()  # the texts of a batch or so: repeats on a page come close together
            for seg, text in zip(batch, shown_all(self.doc, batch)):
                yield Removal(seen.setdefault(text, text), seg.category, seg.rule, seg.start, seg.end)

    @cached_property
    def flags(self) -> tuple[LanguageFlag, ...]:
        """Passages of main text or comments that are not in the target language."""
        return tuple(LanguageFlag(shown(self.doc, f.start, f.end), f.lang, round(f.confidence, 4),
                                  f.section, f.start, f.end) for f in self.doc.flags)

    def _removed_list(self, typed: bool) -> list[Any]:
        """``removed`` for the JSON form, a ``Removal`` at a time unless the typed view is
        already there: on a page of many short removed lines the tuple of ``Removal``
        objects kept beside their dicts was several times the text."""
        removals = self.__dict__.get("removed")
        if removals is None:
            removals = self._removals()
        return list(removals) if typed else [r.to_dict() for r in removals]

    def to_dict(self, *, typed: bool = False) -> dict[str, Any]:
        """The JSON contract. ``typed=True`` leaves the two long lists, ``segments`` and
        ``removed``, as their dataclass objects for a serialiser that reads dataclasses
        (orjson does): the same JSON, without a dict per segment, which on a page of
        many short lines was most of the record's memory."""
        return {
            "id": self.doc.id,
            "text": self.text,
            "title": self.title,
            "authors": self.authors,
            "published": self.published,
            "comments": [c.to_dict() for c in self.comments],
            "removed": self._removed_list(typed),
            "flags": [f.to_dict() for f in self.flags],
            "language": self.doc.language,
            "segments": list(self.segments) if typed else
                        [{"start": s.start, "end": s.end, "label": s.label,
                          "category": s.category, "rule": s.rule} for s in self.segments],
        }


def _paragraphs(doc: Document, segments: list[Segment], pieces: list[str]) -> Iterator[tuple[list[Segment], str]]:
    """The segments grouped by the block that holds them (segments never cross blocks),
    each block's pieces (``pieces``: the segments' display text) joined; empty ones left out."""
    starts = doc.block_starts()
    k = 0
    while k < len(segments):
        block_end = _block_end(starts, segments[k].start)
        j = k + 1
        while j < len(segments) and segments[j].start < block_end:
            j += 1
        if text := _join(doc, segments[k:j], pieces[k:j]):
            yield segments[k:j], text
        k = j


def _block_end(starts, at: int) -> int:
    """Where the block after the one holding ``at`` starts (no end past the last one)."""
    following = bisect.bisect_right(starts, at)
    return starts[following] if following < len(starts) else 1 << 62


def _join(doc: Document, segments: list[Segment], pieces: list[str]) -> str:
    """Join the pieces of one block: a line break where the source had one, a space where
    it had white space, nothing where what was removed stood glued to them (the target
    of a markdown link: "[cherry tomato](/varieties/cherry)." reads "cherry tomato.") or
    where it stood glued to the word before punctuation (:func:`_glued_before_punctuation`)."""
    parts: list[str] = []
    previous_end = None
    for seg, piece in zip(segments, pieces):
        if not piece:
            continue
        if parts:
            between = doc.slice(previous_end, seg.start)
            parts.append("\n" if _line_end(between) else
                         "" if _glued_before_punctuation(between, piece) else
                         " " if not between or _spaced(between) or _bracket_between_words(parts[-1], between, piece)
                         else "")
        parts.append(piece)
        previous_end = seg.end
    return "".join(parts).strip()


def _line_end(between: str) -> bool:
    """A line end in the source, of any kind (:data:`~cleaner.document.LINE_END`: CR alone,
    U+2028 and U+2029 too)."""
    return "\n" in between or LINE_END.search(between) is not None


def _glued_before_punctuation(between: str, after: str) -> bool:
    """Markup glued to the word before it and then white space before punctuation
    ("**Moderator** : Jane Doe", as html2text prints bold before a colon): the space is the
    converter's, not the text's ("Moderator: Jane Doe")."""
    marked = between.rstrip()
    return after[:1] in ",.:;!?)" and bool(marked) and not _spaced(marked)


def _spaced(between: str) -> bool:
    return any(c.isspace() for c in between)


def _bracket_between_words(before: str, between: str, after: str) -> bool:
    """A link's bracket left between two words ("rolling out[a new way", as some converters
    print a link that had its space inside it) parts them: gluing them would make one
    word of two."""
    return ("[" in between or "]" in between) and before[-1:].isalnum() and after[:1].isalnum()
