"""The output contract: what a cleaned document looks like to callers and files."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from .document import BOILERPLATE, COMMENT, MAIN, METADATA, Document, Segment
from .render import shown


@dataclass
class CleanResult:
    """A cleaned document. ``to_dict()`` is the stable JSON contract."""

    doc: Document

    @property
    def source(self) -> str:
        """The text all offsets refer to."""
        return self.doc.text

    @property
    def segments(self) -> list[Segment]:
        return self.doc.segments()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs())

    def paragraphs(self) -> list[str]:
        """Main text, one entry per block that kept any main text."""
        return [text for _, text in self.paragraph_spans()]

    def paragraph_spans(self, label: str = MAIN) -> list[tuple[list[Segment], str]]:
        """Each paragraph (block) of ``label`` text with the segments it was made of."""
        return [(segs, text) for segs in _by_block(self.doc, label) if (text := _join(self.doc, segs))]

    def comments(self) -> list[dict[str, Any]]:
        out = []
        for comment in self.doc.comments:
            segs = [s for s in self.segments if s.label == COMMENT and comment.start <= s.start < comment.end]
            text = "\n\n".join(p for p in (_join(self.doc, g) for g in _group_blocks(self.doc, segs)) if p)
            entry = {"text": text, "author": comment.author, "reply_to": comment.reply_to,
                     "edited": comment.edited, "start": comment.start, "end": comment.end}
            if comment.posted:
                entry["posted"] = comment.posted
            out.append(entry)
        return out

    def removed(self) -> list[dict[str, Any]]:
        return [{"text": shown(self.doc, s.start, s.end), "category": s.category,
                 "rule": s.rule, "start": s.start, "end": s.end}
                for s in self.segments if s.label in (BOILERPLATE, METADATA)]

    def flags(self) -> list[dict[str, Any]]:
        return [{"text": shown(self.doc, f.start, f.end), "lang": f.lang,
                 "confidence": round(f.confidence, 4), "section": f.section,
                 "start": f.start, "end": f.end} for f in self.doc.flags]

    def to_dict(self) -> dict[str, Any]:
        meta = self.doc.meta
        return {
            "id": self.doc.id,
            "text": self.text,
            "title": meta.get("title"),
            "authors": list(meta.get("authors", [])),
            "published": meta.get("published"),
            "comments": self.comments(),
            "removed": self.removed(),
            "flags": self.flags(),
            "language": self.doc.language,
            "segments": [{"start": s.start, "end": s.end, "label": s.label,
                          "category": s.category, "rule": s.rule} for s in self.segments],
        }


def _by_block(doc: Document, label: str) -> list[list[Segment]]:
    return _group_blocks(doc, [s for s in doc.segments() if s.label == label])


def _group_blocks(doc: Document, segments: list[Segment]) -> list[list[Segment]]:
    """Group segments by the block that holds them (segments never cross blocks)."""
    groups: list[list[Segment]] = []
    starts = [b.start for b in doc.blocks]
    last_block = -1
    for seg in segments:
        block = bisect.bisect_right(starts, seg.start) - 1
        if block != last_block:
            groups.append([])
            last_block = block
        groups[-1].append(seg)
    return groups


def _join(doc: Document, segments: list[Segment]) -> str:
    """Join the pieces of one block: a line break where the source had one, a space where
    it had white space, nothing where what was removed stood glued to them (the target
    of a markdown link: "[cherry tomato](/varieties/cherry)." reads "cherry tomato.")."""
    parts: list[str] = []
    previous_end = None
    for seg in segments:
        piece = shown(doc, seg.start, seg.end)
        if not piece:
            continue
        if parts:
            between = doc.slice(previous_end, seg.start)
            parts.append("\n" if "\n" in between else " " if not between or _spaced(between) else "")
        parts.append(piece)
        previous_end = seg.end
    return "".join(parts).strip()


def _spaced(between: str) -> bool:
    return any(c.isspace() for c in between)
