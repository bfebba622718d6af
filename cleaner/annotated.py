"""The annotated form: every segment on a line of its own, for people and for diffs.

It is the golden-file format too, so it is plain, stable text: one header line per
metadata field, then one line per segment in text order:

    START-END  LABEL  CATEGORY  RULE  | TEXT

where TEXT is the display text of the segment with line breaks shown as ``⏎``,
comment segments name their comment (``comment#3``), and flags follow as
``flag START-END LANG CONFIDENCE SECTION | TEXT``.
"""
from __future__ import annotations

import bisect

from .render import shown
from .result import CleanResult

HEADER = "# cleaner annotated v1"


def render(result: CleanResult) -> str:
    doc = result.doc
    meta = doc.meta
    lines = [
        HEADER,
        f"# title: {meta.get('title') or '-'}",
        f"# authors: {'; '.join(meta.get('authors', [])) or '-'}",
        f"# published: {meta.get('published') or '-'}",
        f"# language: {doc.language or '-'}",
    ]
    for number, comment in enumerate(doc.comments, 1):
        lines.append(f"# comment#{number} {comment.start}-{comment.end} author={comment.author or '-'} "
                     f"reply_to={comment.reply_to or '-'} edited={comment.edited or '-'}"
                     + (f" posted={comment.posted}" if comment.posted else ""))
    starts = [c.start for c in doc.comments]
    for seg in result.segments:
        label = seg.label
        if label == "comment":
            index = bisect.bisect_right(starts, seg.start)
            if index and seg.start < doc.comments[index - 1].end:
                label = f"comment#{index}"
        text = shown(doc, seg.start, seg.end).replace("\n", " ⏎ ")
        lines.append(f"{seg.start}-{seg.end} {label} {seg.category or '-'} {seg.rule or '-'} | {text}")
    for flag in doc.flags:
        text = shown(doc, flag.start, flag.end).replace("\n", " ⏎ ")
        lines.append(f"flag {flag.start}-{flag.end} {flag.lang} {flag.confidence:.2f} {flag.section} | {text}")
    return "\n".join(lines) + "\n"


def parse_segments(text: str) -> dict[tuple[int, int], str]:
    """Map each segment span of an annotated file to its 'label category rule' description."""
    spans: dict[tuple[int, int], str] = {}
    for line in text.splitlines():
        if line.startswith(("#", "flag ")) or " | " not in line:
            continue
        head = line.split(" | ", 1)[0].split()
        if len(head) == 4 and "-" in head[0]:
            start, _, end = head[0].partition("-")
            if start.isdigit() and end.isdigit():
                spans[(int(start), int(end))] = " ".join(head[1:])
    return spans
