"""The comment-parsing stage: the discussion cut into comments with their metadata.

Works line by line inside the discussion the section stage found, so a header
printed in the same block as the text ("NAME / 2 days ago / text…") is handled
like one on its own line. Decides where one comment ends and the next begins,
and fills each comment's author, date, ``reply_to`` (a reply note, "@NAME", or
the nesting of a threaded list) and ``edited``; marker lines become
``comment_meta`` boilerplate.
"""
from __future__ import annotations

from ... import markers
from ...document import BOILERPLATE, Comment, Document, Line
from ...render import normalise
from .evidence import _headers_trail
from .reading import classify
from .units import _UNITS, Unit


class CommentSplitter:
    """Splits the discussion into comments and turns marker lines into comment metadata.

    Works line by line inside the discussion, so a header printed in the same
    block as the text ("NAME / 2 days ago / text…") is handled like one on its
    own. Headers start a comment, or, on pages where they follow the comment
    ("…text / by NAME on DATE"), close it. In a layout with headers a comment
    runs from one header to the next; without them, every paragraph is a
    comment of its own.
    """

    name = "comment_parsing"

    def __call__(self, doc: Document) -> None:
        if doc.discussion is None:
            return
        first, last = doc.discussion
        units = doc.meta.pop(_UNITS, None) or classify(doc)
        units = units[first:last + 1]
        if doc.discussion_lead is not None:  # the article's end, printed in the heading's block
            units[0] = [u for u in units[0] if u.line.start >= doc.discussion_lead]
        trailing = _headers_trail(units)
        flat = [(k, u) for k, us in enumerate(units) for u in us]
        headers = sum(u.kind in ("says", "author") for _, u in flat)
        dates = sum(u.kind == "date" for _, u in flat)
        paragraphs = sum(1 for us in units if any(u.kind == "content" for u in us))
        # a thread's items hold all the text under them; elsewhere a header must be common
        # enough that its paragraphs belong to one comment, not one comment each
        headed = max(headers, dates) >= max(2, paragraphs // 3) or any(u.item is not None for _, u in flat)
        _Split(doc, headed=headed, trailing=trailing,
               trailing_dates=_dates_trail(units, trailing)).run(flat)


PLACEHOLDER_CHARS = 20   # a placeholder line is no longer than this


def _placeholder(doc: Document, line: Line) -> bool:
    """"Loading…" where a widget's script would have put its content (:data:`markers.PLACEHOLDER`)."""
    return line.end - line.start <= PLACEHOLDER_CHARS and \
        markers.PLACEHOLDER.match(doc.slice(line.start, line.end), timeout=0.2) is not None


def _dates_trail(units: list[list[Unit]], trailing: bool) -> bool:
    """Blogger style: "NAME said…", the text, then the date: a date line closes its comment."""
    kinds = [u.kind for us in units for u in us if u.kind != "claimed"]
    if "says" not in kinds and "author" not in kinds:
        return trailing
    before = after = 0
    for k, kind in enumerate(kinds):
        if kind == "date":
            before += k > 0 and kinds[k - 1] == "content"
            after += k + 1 < len(kinds) and kinds[k + 1] == "content"
    return before > after


class _Split:
    """The state of one pass over the discussion: pending markers and the open comment."""

    def __init__(self, doc: Document, headed: bool, trailing: bool, trailing_dates: bool):
        self.doc, self.headed, self.trailing, self.trailing_dates = doc, headed, trailing, trailing_dates
        self.author = self.reply_to = self.posted = None
        self.current: Comment | None = None
        self.closed = False  # the open comment was closed by a trailing header
        self.authors: list[str] = []
        self.thread: list[tuple[int, str]] = []  # (indent, author) of the list items open above

    def run(self, flat: list[tuple[int, Unit]]) -> None:
        previous_block = None
        for k, unit in flat:
            kind = unit.kind
            if kind == "claimed":
                continue
            if kind == "content" and _placeholder(self.doc, unit.line):
                self.doc.annotate(unit.line.start, unit.line.end, BOILERPLATE, "comment_meta", "comments.placeholder")
                continue
            if kind == "content":
                self._content(unit.line, new_block=k != previous_block)
                previous_block = k
                continue
            if kind != "claimed_meta":
                rule = f"comments.{'form' if kind == 'none' else kind}"
                self.doc.annotate(unit.line.start, unit.line.end, BOILERPLATE, "comment_meta", rule)
            if kind in ("chrome", "claimed_meta", "heading", "form", "none"):
                if kind in ("heading", "form", "none"):
                    self.current, self.closed = None, False
                continue
            if unit.item is not None:
                self.reply_to = self._parent(unit.item, unit.marker.name)
            self._marker(kind, unit.marker)
            previous_block = None

    def _content(self, line: Line, new_block: bool) -> None:
        pending = self.author or self.reply_to or (self.posted and not self.trailing_dates)
        if self.current is not None and not pending and not self.closed and (not new_block or self.headed):
            self.current.end = line.end  # more of the same comment
            return
        text = normalise(self.doc.slice(line.start, line.end))
        self.current = Comment(line.start, line.end, author=self.author, posted=self.posted,
                               reply_to=self.reply_to or self._inline_reply(text))
        self.closed = False
        self.doc.comments.append(self.current)
        if self.author:
            self.authors.append(self.author)
        self.author = self.reply_to = self.posted = None

    def _marker(self, kind: str, marker: markers.Marker) -> None:
        current = self.current
        if kind == "edited":
            if current is not None:
                current.edited = marker.when
                current.author = current.author or marker.name
            return
        if kind == "reply":
            self.reply_to = marker.name
            return
        if kind == "date" and self.trailing_dates and current is not None and not self.closed:
            current.posted = current.posted or marker.when
            self.closed = True
            return
        if self.trailing and kind in ("says", "author") and current is not None and not self.closed:
            current.author = current.author or marker.name
            current.posted = current.posted or marker.when
            if marker.name:
                self.authors.append(marker.name)
            self.closed = True
            return
        if kind in ("says", "author"):
            self.author, self.current, self.closed = marker.name, None, False
            self.posted = marker.when or (self.posted if kind == "says" else None)
        elif kind == "date":
            self.posted = marker.when
            if not self.author:
                self.current = None

    def _parent(self, indent: int, author: str) -> str | None:
        """The author of the item this one is nested in: in a threaded list a reply is
        indented under the comment it answers."""
        while self.thread and self.thread[-1][0] >= indent:
            self.thread.pop()
        parent = self.thread[-1][1] if self.thread else None
        self.thread.append((indent, author))
        return parent

    def _inline_reply(self, text: str) -> str | None:
        """"@Mike R. same here": the longest known author the mention starts with, else its first word."""
        if not text.startswith("@"):
            return None
        known = [a for a in self.authors if text[1:].startswith(a)]
        return max(known, key=len) if known else markers.inline_reply(text)
