"""Threaded comment lists (Disqus and its kind): names as list items, replies nested.

Decides, from bullets and indents, which list items are comment headers: a
bullet that holds only a name (perhaps after the commenter's profile link),
with the comment indented under it (markdown prints it flush left) and replies
nested deeper. A sidebar's widgets have the same shape, so a list counts as a
thread only when two of its items read like readers talking. Also decides
where a thread ends: with the text of its last item.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple


from ... import markers
from ...document import Document
from ...patterns import engine, lazy, settle
from ...render import normalise
from .units import _ITEM, MAX_BODY_WORDS, MIN_PAIRS, HEADERS, Unit, _indent, _is_name, _text, _Vocabulary
from .voice import _INFORMAL, _PUNCTUATED, _SINGULAR, _WORD, _body_like, _voice


_ITEM_HEAD = lazy(r"^(?:[*+•·▪◦‣-]|\d{1,3}[.)])\s+(?:\d{1,3}[.)]\s+)?(?P<profile>https?://\S+\s+)?(?P<name>\S.{0,40})$")
# the lines ``_ITEM_HEAD`` may match, told by the engine: the same pattern with every
# character outside ASCII taken for a digit, a space and not a space alike (so that the
# engine's Unicode tables need not agree with the regex module's); a superset
_ITEM_LINES = engine(r"^(?:[*+•·▪◦‣-]|[0-9\u0080-\U0010FFFF]{1,3}[.)])[\t-\r \x1c-\x1f\u0080-\U0010FFFF]+"
                     r"(?:[0-9\u0080-\U0010FFFF]{1,3}[.)][\t-\r \x1c-\x1f\u0080-\U0010FFFF]+)?"
                     r"(?:https?://[^\t-\r ]+[\t-\r \x1c-\x1f\u0080-\U0010FFFF]+)?[^\t-\r ].{0,40}$")
_SUBITEM = lazy(r"^o\s")  # inscriptis' third-level bullet


def _list_items(doc: Document, out: list[list[Unit]], vocabulary: _Vocabulary) -> None:
    """Threaded comment lists (Disqus and its kind): a bullet whose line holds only a name,
    perhaps after the commenter's profile link ("• http://twitter.com/x Asha Dornfest"),
    with the comment's text indented under it; a reply is an item nested in the text of the
    comment it answers. Markdown converters print the text flush left under the item
    ("  * artsyphotos" over a paragraph at column 0). A sidebar's widgets and teasers have
    the same shape ("* Tags" over a tag cloud), so a list is a thread only when two of its
    items are readers talking (or sit under a profile link); then every item of it heads a
    comment, whatever its text says. The indent is kept so that the splitter can read the
    thread."""
    flat = [u for units in out for u in units if u.kind != "claimed"]
    # the profile link vouches for the name (its words may be in the link: "…/robert.knilands")
    heads = list(_heads(doc, flat, lambda name, profile: markers.looks_like_name(name, True) if profile
                        else _is_name(name, True, vocabulary)))
    for thread in _threads(doc, flat, heads):
        if not _is_thread(thread):
            continue
        for head in thread:
            unit = flat[head.position]
            unit.kind, unit.item = "author", head.depth
            unit.marker = markers.Marker("author", markers.display(head.name))


def _may_thread(doc: Document, flat: Sequence[Unit], texts: list[str]) -> bool:
    """Whether ``_list_items`` may find a thread, asked before name lines are read: a
    thread needs two items that talk, and every item it may find is among these (a
    name line read later only turns a list item's text away, and a name test only
    turns items away). ``flat``: the page's units that no boilerplate or metadata
    claims (made when asked for: a page without a thread asks for a few), ``texts``
    their display text."""
    talking = (h for h in _heads(doc, flat, lambda name, profile: markers.looks_like_name(name, True), texts)
               if h.talks)
    return next(talking, None) is not None and next(talking, None) is not None


def _heads(doc: Document, flat: Sequence[Unit], named: Callable[[str, bool], bool],
           texts: list[str] | None = None) -> Iterator[_Head]:
    """List items whose line holds only a name that ``named`` (the name, whether it follows
    a profile link) accepts, with text under them: the candidate headers of threads.
    ``texts``: the display text of ``flat``, when known."""
    if texts is None:
        texts = [u.shown if u.shown is not None else _text(doc, u) for u in flat]
    for k in sorted(_ITEM_LINES.passing(texts)):  # the lines that may be list items of a name
        if k + 1 == len(flat):
            break
        # the lines' text first: most candidates are items of a menu, and ``flat`` may make
        # its units when asked
        head = _ITEM_HEAD.match(texts[k])
        if head is None or _ITEM.match(texts[k + 1]) or _SUBITEM.match(texts[k + 1]):
            continue  # not a list item of a name, or one of a list of such items (a menu)
        unit, following = flat[k], flat[k + 1]
        if unit.kind not in ("content", "author") or following.kind != "content":
            continue
        depth, below = _indent(doc, unit.line), _indent(doc, following.line)
        if depth < 0 or below < 0:
            continue
        if k and _indent(doc, flat[k - 1].line) == depth and _ITEM.match(_text(doc, flat[k - 1])):
            continue  # the last item of a menu ("* Books I Like / * Advertising / text"), not a comment
        if markers.names_page_chrome(head["name"]):
            continue
        if named(head["name"], bool(head["profile"])):
            profile = bool(head["profile"])
            yield _Head(k, head["name"], depth, profile or _talks(doc, following, depth), profile, below > depth)


class _Head(NamedTuple):
    """A list item whose line holds only a name: a candidate comment header of a thread."""

    position: int  # in the page's unclaimed units
    name: str
    depth: int     # indent of the bullet
    talks: bool    # its text reads like a reader (or it sits under a profile link)
    profile: bool  # the name follows the commenter's profile link
    nested: bool   # its text is indented under it (else flush left: markdown)


def _is_thread(items: list[_Head]) -> bool:
    """Two items of the list talk like readers (or sit under profile links); and where the
    text is flush left under them (markdown), which a listicle's numbered names over their
    paragraphs also are, the list shows a reply, a regular or a profile link."""
    if sum(h.talks for h in items) < MIN_PAIRS:
        return False
    if all(h.nested for h in items):
        return True
    names = [h.name for h in items]
    return any(h.profile for h in items) or len(set(names)) < len(names) or len({h.depth for h in items}) > 1


def _threads(doc: Document, flat: list[Unit], heads: list[_Head]) -> list[list[_Head]]:
    """Items of one list: consecutive items no more than a long comment apart, with
    nothing between them but their text (no other list item not nested in them)."""
    threads: list[list[_Head]] = []
    for a, b in zip([None, *heads], heads):
        if a is not None and all(_in_item(doc, u, min(a.depth, b.depth)) for u in flat[a.position + 1:b.position]) \
                and len(doc.slice(flat[a.position].line.end, flat[b.position].line.start).split()) <= MAX_BODY_WORDS:
            threads[-1].append(b)
        else:
            threads.append([b])
    return threads


def _in_item(doc: Document, unit: Unit, indent: int) -> bool:
    """A line that can be part of the text of a list item at ``indent``: indented under it,
    or a line of prose flush left (markdown), not another list's item."""
    return _indent(doc, unit.line) > indent or not _ITEM.match(_text(doc, unit))


def _talks(doc: Document, body: Unit, indent: int) -> bool:
    """The paragraph under a list item reads like a reader talking: a sentence with
    punctuation in a reader's voice, not a tag cloud or a teaser's title."""
    block = doc.blocks[body.line.block]
    nested = _indent(doc, body.line) > indent  # else flush left: markdown
    under = []  # the paragraph's lines under the item ("(Bulk Orders)" under "+ CEO READ")
    for line in block.lines:
        if line.index < body.line.index:
            continue
        if (nested and _indent(doc, line) <= indent) or _ITEM.match(doc.slice(line.start, line.end)):
            break  # the item's own paragraph ends where the page's outline or a nested list goes on
        under.append(doc.slice(line.start, line.end))
    text = normalise(" ".join(under))
    if len(text.split()) < 3 or not _body_like(text) or _voice(text) <= 0 or not _PUNCTUATED.search(text):
        return False
    # a reader speaks for themself; "you" and "our" alone are a shop's or a service's copy
    # ("Transform your work with …", "Practical advice on how to run your business")
    return text[0].islower() or bool(_INFORMAL.search(text)) or any(
        w in _SINGULAR for w in _WORD.findall(text.lower()))


def _thread_end(doc: Document, units: list[list[Unit]], first: int, last: int) -> int:
    """A threaded list ends with the text of its last item: the first line after it that is
    not indented under the item is the page again (a sidebar's "By: NAME" teasers are
    headers too, so the run of evidence alone would carry on). Applies when list items
    are most of the headers of the thread."""
    items = _thread_items(units, first, last)
    if len(items) < MIN_PAIRS:
        return last
    i, head = items[-1]
    end = _item_end(doc, units, i, head, last)
    heads = sum(1 for us in units[first:end + 1] for u in us if u.kind in HEADERS)
    return end if 2 * len(items) > heads else last


def _thread_items(units: list[list[Unit]], first: int, last: int) -> list[tuple[int, Unit]]:
    """The items of threaded lists (each marked by :func:`_list_items`, which makes it a
    paired header) in blocks ``first`` to ``last``, with their block."""
    return [(i, u) for i in range(first, last + 1) for u in units[i] if u.item is not None]


def _item_end(doc: Document, units: list[list[Unit]], i: int, head: Unit, last: int) -> int:
    """The last block of the text under the list item that ``head`` opens: indented under
    it, or (markdown) the paragraphs flush left after it, up to the next line that is not
    prose (a list item, a heading, the comment form)."""
    end = i
    nested = None  # read off the item's first line of text
    for j in range(i, last + 1):
        for unit in units[j]:
            if unit.line.index <= head.line.index or unit.kind == "claimed":
                continue
            if nested is None:
                nested = _indent(doc, unit.line) > head.item
            inside = _indent(doc, unit.line) > head.item if nested else \
                unit.kind == "content" and not _ITEM.match(_text(doc, unit))
            if not inside:
                return end
            end = j
    return last


settle(globals())
