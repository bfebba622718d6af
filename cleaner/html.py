"""HTML input: trafilatura extracts, then the cleaner's own stages finish the job.

``clean_html(html)`` is :func:`cleaner.clean` for a page that is still HTML.

1. **Extraction.** trafilatura (``bare_extraction``) is run up to three
   times on one parsed tree: its balanced extraction of the article (comment
   containers pruned first) with the page's metadata (``<title>``, ``<meta>``,
   JSON-LD; htmldate without its slow extensive search), its ``favor_recall``
   extraction, and, on pages whose markup names no comment section
   (:func:`comment_sections`: containers named for a discussion that hold a
   comment), its comment extraction. The output trees keep the structure:
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
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import regex
from lxml import etree

from . import markers
from .document import Document, Line
from .html_text import LINE_TAGS, PARAGRAPH_TAGS, SKIP_TAGS, stream_text
from .errors import InputError, check_size, check_text, refuse_binary, refuse_garbage
from .options import Options
from .result import CleanResult

TRAFILATURA = "trafilatura"
FALLBACK = "trafilatura-fallback"
PLAIN_TEXT = "plain-text"
PATHS = (TRAFILATURA, FALLBACK, PLAIN_TEXT)

RECALL_GAIN = 1.05         # the recall extraction must be longer than the balanced one by this factor
RECALL_MIN_WORDS = 200     # ... and the balanced one a whole article (this many words or more)
SHORT_SHARE = 0.1          # ... or a small part of the page's text (a truncated article)
PLAIN_MIN_WORDS = 10       # below this trafilatura found nothing usable: plain-text path
MAX_DEPTH = 2048           # libxml2 builds no deeper tree, even with huge_tree

# htmldate's extensive search (dateparser over every text node) costs ten times the
# extraction; the page's own date markup (meta, JSON-LD, time elements, URL) is enough.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Rules written for text converters that print what a browser would not show;
# trafilatura never emits scripts, so a code-looking line is an article's code sample.
HTML_DISABLED_RULES = frozenset({"markup.script"})


@dataclass
class Extraction:
    """What the HTML gave: article blocks, comment blocks, page metadata, the path taken."""

    main: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    path: str = TRAFILATURA
    page: str | None = None        # the whole page as text, on the plain-text path
    trusted: list[str] = field(default_factory=list)  # the balanced extraction, on the fallback path

    def text(self) -> tuple[str, int | None]:
        """The document text and the offset where the comments start (None without comments)."""
        if self.path == PLAIN_TEXT:
            return self.page or "", None
        main = "\n\n".join(self.main)
        if not self.comments:
            return main, None
        head = main + "\n\n\n" if main else ""
        return head + "\n\n".join(self.comments), len(head)


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

    def to_dict(self, source: bool | None = None) -> dict[str, Any]:
        out = super().to_dict()
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
    from .pipeline import cached_pipeline

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


# --------------------------------------------------------------------------- extraction

def _check(html: str | bytes) -> str | bytes:
    """Refuse what is not a document; anything else, however broken, goes to the parser."""
    if isinstance(html, bytes):
        refuse_binary(html, "an HTML document")
        check_size(len(html), "bytes")
        return html
    html = check_text(html, "HTML text or bytes")
    refuse_garbage(html, "an HTML document")
    return html


# An inline image or font (``src="data:…"``) can be megabytes of base64 in one attribute:
# it costs the parser memory and carries no text.
_DATA_URI = r"data:[^\s\"'<>)]{2048,}"
_DATA_URI_TEXT, _DATA_URI_BYTES = regex.compile(_DATA_URI), regex.compile(_DATA_URI.encode())


def parse(html: str | bytes):
    """The page as an lxml tree (trafilatura's loader: charset detection, repairs), or None.

    The parser accepts huge trees: with libxml2's defaults a page nested deeper
    than 255 elements (300 unclosed ``<div>``) is cut at that depth and a text
    node over 10 MB is dropped, both silently, and the article with them.
    """
    from trafilatura import utils

    html = _check(html)
    if not html.strip():
        return None
    if isinstance(html, str) and not _has_markup(html):
        html = f"<html><body><pre>{_escape(html)}</pre></body></html>"
    if isinstance(html, str):  # text stays text: bytes would make trafilatura guess a charset
        html = _DATA_URI_TEXT.sub("data:", html)
    else:
        html = _DATA_URI_BYTES.sub(b"data:", html)
    default, utils.HTML_PARSER = utils.HTML_PARSER, _huge_parser()
    try:
        return utils.load_html(html)
    except Exception:  # lxml raises many things on hostile input
        return None
    finally:
        utils.HTML_PARSER = default


def too_deep(tree) -> bool:
    """True when the tree reaches libxml2's nesting limit: whatever lay deeper is lost."""
    depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= MAX_DEPTH:
            return True
    return False


@lru_cache(maxsize=1)
def _huge_parser():
    """trafilatura's parser settings, without libxml2's depth and text-node limits."""
    from lxml.html import HTMLParser

    return HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                      remove_comments=True, remove_pis=True, huge_tree=True)


def extract(html: str | bytes) -> Extraction:
    """Run trafilatura on a page and choose what to keep; never raises for a malformed page.

    * main text: trafilatura's balanced extraction without comments (comment
      containers pruned first, as trafilatura does), replaced by its
      ``favor_recall`` extraction when that is longer (:func:`prefer_recall`);
    * on the fallback path, the balanced extraction's blocks are kept as
      ``trusted``: they mark the article region (:func:`trusted_region`);
    * comments: the page's comment sections (:func:`comment_sections`); on
      pages that name none, trafilatura's comment extraction, run on its own
      (``fast``: the comment sections are found before any fallback extractor
      runs); a discussion the main extraction printed too is taken out of it
      (:func:`without_discussion`);
    * nothing usable: the page's own text, cleaned as plain text.
    """
    tree = parse(html)
    if tree is None:
        return Extraction(path=PLAIN_TEXT, page="")
    if too_deep(tree):  # the parser dropped what lies deeper: read the markup as a stream
        return Extraction(path=PLAIN_TEXT, page=stream_text(_check(html)))
    main = _trafilatura(tree, comments=False, recall=False, metadata=True)
    meta = main.meta if main is not None else {}
    recall = _trafilatura(tree, comments=False, recall=True, metadata=False)
    words_b = _words(main.main) if main is not None else 0
    words_r = _words(recall.main) if recall is not None else 0
    path = TRAFILATURA
    trusted: list[str] = []
    if words_r and prefer_recall(words_b, words_r, lambda: _page_words(tree)):
        trusted = main.main if main is not None else []
        main, path = recall, FALLBACK
    if main is None or _words(main.main) < PLAIN_MIN_WORDS:
        return Extraction(meta=meta, path=PLAIN_TEXT, page=page_text(tree))
    found = comment_sections(tree, main.main)
    if not found:
        comments = _trafilatura(tree, comments=True, recall=False, metadata=False, fast=True)
        found = comments.comments if comments is not None else []
    return Extraction(without_discussion(main.main, found), found, meta, path, trusted=trusted)


def without_discussion(article: list[str], comments: list[str]) -> list[str]:
    """The article up to where the discussion begins in it, and after that only the lines
    that are not part of it.

    trafilatura prunes the containers a page names as comments; a discussion that
    no container names (a run of paragraphs and "Posted by:" lines under a
    "Comments" heading, Tumblr's notes) stays in its article text, as blocks of
    their own or as the last lines of the article's block. A line belongs to the
    discussion when the comments print it too; the discussion begins at the first
    such line after which most of the words are the discussion's (a commenter
    quoting the article does not cut it, nor one quoting its last line). Blocks keep
    their lines together.
    """
    if not comments:
        return article
    shared = {_key(line) for block in comments for line in block.split("\n")}
    grams = {g for key in shared for g in _trigrams(key.split())}

    def inside(line: str) -> bool:
        """Printed by the comments too, as a line or (three words or more) inside one: an
        extractor may break a comment's header from its words where the page did not.
        Word trigrams keep the test linear in the page's size."""
        key = _key(line)
        key = key[2:] if key[:2] in _BULLETS else key  # trafilatura prints list items as "- item"
        words = key.split()
        return key in shared or (len(words) >= 3 and all(g in grams for g in _trigrams(words)))

    units = [(i, line, inside(line)) for i, block in enumerate(article) for line in block.split("\n")]
    start = None
    tail = discussion = count = 0  # words from line k to the end, those in the discussion, its lines
    for k in reversed(range(len(units))):
        words = len(units[k][1].split())
        tail += words
        discussion += words if units[k][2] else 0
        count += units[k][2]
        if units[k][2] and discussion >= DISCUSSION_TAIL * tail and count >= DISCUSSION_MIN_LINES:
            start = k  # the earliest such line wins
    if start is None:
        return article
    kept: dict[int, list[str]] = {}
    for k, (i, line, discussed) in enumerate(units):
        if k < start or not discussed:
            kept.setdefault(i, []).append(line)
    return ["\n".join(lines) for lines in kept.values()]


def _trigrams(words: list[str]) -> list[tuple[str, str, str]]:
    return list(zip(words, words[1:], words[2:]))


def prefer_recall(balanced: int, recall: int, page_words) -> bool:
    """Keep trafilatura's recall extraction instead of the balanced one?

    Yes when it is longer (by ``RECALL_GAIN``) and the balanced one is either a
    full article (``RECALL_MIN_WORDS`` or more: the extra words are headings,
    lists and tables it left out) or a small part of the page's text
    (``SHORT_SHARE``: it truncated the article). A short balanced extraction
    that is not a small part of the page is left alone: on short pages the
    recall mode mostly adds teasers and link lists. ``page_words`` is a
    callable, so the page is only measured when needed.
    """
    if recall <= RECALL_GAIN * balanced:
        return False
    return balanced >= RECALL_MIN_WORDS or balanced < SHORT_SHARE * page_words()


def _trafilatura(tree, *, comments: bool, recall: bool, metadata: bool,
                 fast: bool = False) -> Extraction | None:
    from trafilatura import bare_extraction

    try:  # bare_extraction works on a copy of the tree
        result = bare_extraction(tree, include_comments=comments, with_metadata=metadata,
                                 favor_recall=recall, fast=fast, date_extraction_params=DATE_PARAMS)
    except Exception:  # trafilatura fails on odd trees; the other paths take over
        return None
    if result is None:
        return None
    return Extraction(blocks(result.body), blocks(result.commentsbody) if comments else [],
                      page_meta(result) if metadata else {})


def _words(blocks_: list[str]) -> int:
    return sum(len(b.split()) for b in blocks_)


def _page_words(tree) -> int:
    return len(page_text(tree).split())


def _has_markup(text: str) -> bool:
    import re
    return re.search(r"<[A-Za-z!/][^>]*>", text[:100_000]) is not None


def _escape(text: str) -> str:
    import html as html_lib
    return html_lib.escape(text, quote=False)


def blocks(body) -> list[str]:
    """The blocks of a trafilatura output tree: one per top-level element, lines kept.

    Headings, paragraphs, quotes and code are one block each; a list keeps an
    item per line, a table a row per line.
    """
    if body is None:
        return []
    from trafilatura.xml import xmltotxt

    out: list[str] = []
    for child in body:
        tail, child.tail = child.tail, None
        try:
            text = xmltotxt(child, False)
        finally:
            child.tail = tail
        lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            out.append(block)
        if tail and tail.strip():
            out.append(" ".join(tail.split()))
    return out


_LINE_TAGS, _PARAGRAPH_TAGS, _SKIP_TAGS = LINE_TAGS, PARAGRAPH_TAGS, SKIP_TAGS


def page_text(tree, skip=None) -> str:
    """The visible text of the whole page as a converter would print it: a line per block
    element, a blank line between paragraphs; scripts, styles, forms controls and hidden
    elements left out, and any element ``skip(element)`` is true for."""
    root = _body(tree)
    paragraphs: list[list[str]] = [[]]
    parts: list[str] = []

    def flush_line() -> None:
        line = " ".join("".join(parts).split())
        parts.clear()
        if line:
            paragraphs[-1].append(line)

    def flush_paragraph() -> None:
        flush_line()
        if paragraphs[-1]:
            paragraphs.append([])

    # iterwalk, not recursion: a page nested thousands of elements deep is read whole
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped = None  # the element whose subtree is left out, until its end
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or _skipped(element) or (skip is not None and skip(element)):
                skipped = element
                walker.skip_subtree()
                continue
            if tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
                (flush_paragraph if tag in _PARAGRAPH_TAGS else flush_line)()
            if element.text:
                parts.append(element.text)
            continue
        if element is skipped:
            skipped = None
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            (flush_paragraph if tag in _PARAGRAPH_TAGS else flush_line)()
        if element.tail and element is not root:
            parts.append(element.tail)
    flush_paragraph()
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def _body(tree):
    body = tree.find(".//body")
    return body if body is not None else tree


def _skipped(element) -> bool:
    """Not shown: scripts, styles, form controls, elements hidden by their own attributes."""
    return element.tag.lower() in _SKIP_TAGS or _hidden(element)


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style
            or element.get("hidden") is not None or element.get("aria-hidden") == "true")


def page_meta(result) -> dict[str, Any]:
    """Title, authors and date from trafilatura's reading of the page (head, meta, JSON-LD)."""
    meta: dict[str, Any] = {}
    if result.title:
        meta["title"] = " ".join(result.title.split())
    if result.author:
        meta["authors"] = [a.strip() for a in result.author.split(";") if a.strip()]
    if result.date:
        meta["published"] = result.date
    return meta


# --------------------------------------------------------------------------- comment sections

# Comment systems name their containers: "comments", "commentlist", "comment_item",
# "dsq-comments" (Disqus), "blogComments", "discussion", "responses". A container
# whose name says it is a part of the discussion's chrome (the form, the reply
# link, the count, a widget of recent comments elsewhere) is not the discussion.
_COMMENT_NAME = regex.compile(r"(?i)comment(?!ary)|disqus|\bdsq-|discussion|responses|(?:^|\s)notes(?:\s|$)")
_NOT_DISCUSSION = regex.compile(
    r"(?i)form|respond|reply|count|rss|feed|policy|rules|button|(?:add|post|new)-?comment|leave|"
    r"write|log-?in|sign|recent|widget|latest|popular|most|share|nav|link|meta|title|header|"
    r"pag(?:e|ing|ination)|number|num\b|closed|icon|bubble|tab")
# ... and one comment inside it has a name of its own: WordPress' "comment even
# depth-1", "comment_item_123", "commentbody", "comments-body", "dsq-comment-9".
_COMMENT_ITEM = regex.compile(
    r"(?i)^(?:comment|comments?[-_]?(?:item|body|content|text|entry|inner|container|"
    r"block|post|message|\d+)(?:[-_]\w+)?|(?:\w+[-_])?comment[-_]\d+|dsq-comment\S*|blogcomment|"
    r"depth-\d+|thread-(?:odd|even|alt))$")
# Tumblr's "ol.notes" lists every like and reblog ("li.note like", "li.note reblog
# with_commentary"); the reblogs with words of their own are the discussion.
_NOTE_KINDS = frozenset("like reblog reply answer with_commentary without_commentary".split())
# Inside a discussion, the form to add one is not part of it, nor what a style
# sheet hides (the preview of a comment being written).
_FORM_NAME = regex.compile(r"(?i)respond|comment-?form|reply-?form|add-?comment")
_HIDDEN_CLASS = regex.compile(r"(?i)^(?:hidden\w*|hide|d-none|display-?none|invisible)$")
_SECTION_TAGS = frozenset("article aside div dl li ol p section table tbody ul".split())
DISCUSSION_TAIL = 0.5     # the discussion begins where this share of the remaining words is its
DISCUSSION_MIN_LINES = 2  # ... and it has this many lines in the article at least
_BULLETS = frozenset({"- ", "* ", "• "})
HEADED_MIN_HEADERS = 2    # comment headers a discussion found under its heading needs
HEADING_MAX_WORDS = 15    # a discussion heading is short ...
HEADING_DEPTH = 3         # ... and may stand alone in this many wrappers
SEEN_SHARE = 0.1          # a section with no more new words than this is a second view
ARTICLE_BLOCK_WORDS = 25   # a container holding an article paragraph this long wraps the article


def comment_sections(tree, article: list[str]) -> list[str]:
    """The page's comment sections as text blocks, found by the names comment systems give
    their containers; [] when the page names none.

    trafilatura looks for comments too, but keeps the first container each of its
    patterns matches (often a "3 comments" link), drops ``cite`` (the author) and
    any class naming a "message" (Disqus puts every comment body in one), so on
    many pages it finds nothing. Here every outermost container whose id or class
    names a discussion, and which holds at least one element named as a comment,
    is taken, in page order, with its visible text (author and date lines
    included: the comment stage reads them as headers; the form to add a comment
    left out). A container that holds a paragraph of the article wraps the
    article, not the discussion; the search goes on inside it. Counts, "powered
    by" notes and recent-comment widgets name no comment inside and are passed.
    A page that names no container but names its comments one by one (Movable
    Type's ``div.commentbody``, each in an anchor div) gives every outermost block
    element named as a comment, when there are two or more. A page that names
    neither gives what follows a discussion heading (:func:`headed_discussion`).
    """
    root = _body(tree)
    paragraphs = {_key(b) for b in article if len(b.split()) >= ARTICLE_BLOCK_WORDS}
    try:
        texts = _outermost(root, _is_discussion, paragraphs)
        if not texts:
            texts = _outermost(root, _is_one_comment, paragraphs)
            texts = texts if len(texts) >= 2 else []
        if not texts:
            texts = headed_discussion(root, article)
    except RecursionError:
        return []
    return [b for text in texts for b in text.split("\n\n") if b]


def headed_discussion(root, article: list[str]) -> list[str]:
    """What follows the page's discussion heading ("Comments", "107 Responses to …"),
    up to the comment form: the discussion of a page that names no comment in its
    markup (TypePad's flat run of paragraphs and "Posted by:" lines under
    ``<h2 id="comments">``; a container of unnamed boxes under "N Responses").

    The heading is a short element whose whole text reads as one and that holds no
    block; what follows it is its next siblings, or its parent's when it stands
    alone in a wrapper. Taken only when that reads as a discussion
    (:func:`_reads_as_discussion`) and does not hold the article's first
    paragraph (a "3 Comments" link above the post heads the article, not a
    discussion). The extraction may hold the
    discussion too (trafilatura keeps what no container names as comments), so
    only its first paragraph tells where the article is.
    """
    first = next((_key(b) for b in article if len(b.split()) >= ARTICLE_BLOCK_WORDS), None)
    for heading in root.iter():
        if not isinstance(heading.tag, str) or not _is_discussion_heading(heading):
            continue
        texts = _after(heading)
        if _reads_as_discussion(texts) and (first is None or first not in _key("\n".join(texts))):
            return texts
    return []


def _reads_as_discussion(texts: list[str]) -> bool:
    """``HEADED_MIN_HEADERS`` lines or more read as a comment's header ("NAME says:",
    "Posted by: NAME | DATE", a date), and none as another discussion heading (a list
    of teasers, each with its "3 comments", is not a discussion)."""
    from .stages.comments import HEADERS

    kinds = [m.kind for text in texts for line in text.split("\n") if (m := markers.parse(line)) is not None]
    return sum(k in HEADERS for k in kinds) >= HEADED_MIN_HEADERS and "heading" not in kinds


def _is_discussion_heading(element) -> bool:
    if _skipped(element) or any(
            isinstance(c.tag, str) and c.tag.lower() in _LINE_TAGS and c.tag.lower() != "br" for c in element):
        return False
    text = " ".join(element.text_content().split())
    return (0 < len(text.split()) <= HEADING_MAX_WORDS and markers.HEADING.match(text) is not None
            and not text.casefold().startswith("trackback")  # links to other blogs, not comments
            and markers.NO_COMMENTS.match(text) is None)


def _after(heading) -> list[str]:
    """The visible text of the siblings after ``heading`` (or after the wrapper it stands
    alone in, up to ``HEADING_DEPTH`` levels), up to the comment form."""
    element = heading
    for _ in range(HEADING_DEPTH):
        texts: list[str] = []
        for sibling in element.itersiblings():
            if not isinstance(sibling.tag, str) or _skipped(sibling):
                continue
            if _not_discussion(sibling):
                break
            text = page_text(sibling, skip=_not_discussion)
            if text:
                texts.append(text)
        if texts or element.getparent() is None:
            return texts
        element = element.getparent()
    return []


def _outermost(root, wanted, paragraphs: set[str]) -> list[str]:
    """The visible text (form and hidden parts left out) of every outermost element
    ``wanted`` accepts, in page order. One that holds an article paragraph wraps the
    article, not the discussion: the search goes on inside it. A container whose
    paragraphs were (nearly) all taken already is a second view of the same
    comments (a "most recent" and a "highest rated" tab, both in the page) and is
    left out; one comment seen twice is a reader posting it twice, and stays."""
    texts: list[str] = []
    seen: set[str] = set()

    def walk(element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or _skipped(child):
                continue
            if wanted(child):
                text = page_text(child, skip=_not_discussion)
                key = _key(text)
                if not any(p in key for p in paragraphs):
                    blocks_ = {_key(b) for b in text.split("\n\n")}
                    if _is_comment_item(child) or not _seen_before(blocks_, seen):
                        seen.update(blocks_)
                        texts.append(text)
                    continue
            walk(child)

    walk(root)
    return texts


def _seen_before(blocks_: set[str], seen: set[str]) -> bool:
    """Nine words in ten of these blocks were taken already (a second view may break a
    paragraph or two differently)."""
    new = sum(len(b.split()) for b in blocks_ if b not in seen)
    return new <= SEEN_SHARE * sum(len(b.split()) for b in blocks_)


def _is_discussion(element) -> bool:
    return _names_discussion(element) and _holds_a_comment(element)


def _is_one_comment(element) -> bool:
    """A block element named as one comment: a code listing's ``span.comment`` is not one."""
    return element.tag.lower() in _SECTION_TAGS and _is_comment_item(element)


def _name(element) -> str:
    return " ".join(filter(None, (element.get("id"), element.get("class"))))


def _names_discussion(element) -> bool:
    if element.tag.lower() not in _SECTION_TAGS:
        return False
    name = _name(element)
    return bool(name) and _COMMENT_NAME.search(name) is not None and _NOT_DISCUSSION.search(name) is None


def _holds_a_comment(section) -> bool:
    return any(isinstance(e.tag, str) and _is_comment_item(e) for e in section.iterdescendants())


def _is_comment_item(element) -> bool:
    """Named as one comment (or as one of Tumblr's notes) and holding some text."""
    tokens = _name(element).split()
    named = any(_COMMENT_ITEM.match(token) for token in tokens) or (
        "note" in tokens and not _NOTE_KINDS.isdisjoint(tokens))
    return named and len(element.text_content().split()) >= 2


def _not_discussion(element) -> bool:
    """The form, and what a style sheet hides: a preview box, a template. A comment
    hidden by its class is a collapsed one (Slashdot's "comment hidden", below the
    reader's threshold) and is part of the discussion."""
    if element.tag.lower() == "form" or _FORM_NAME.search(_name(element)) is not None:
        return True
    hidden = any(_HIDDEN_CLASS.match(c) for c in (element.get("class") or "").split())
    return hidden and not _is_comment_item(element)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- HTML-only annotations

REPEAT_MIN_WORDS = 6
REPEAT_RUN = 3   # repeated list or table lines count only in a run this long
_ITEM = regex.compile(r"^\s*(?:\||[-*•]\s)|:\s*$")


def mark_repeats(doc: Document, end: int | None = None) -> None:
    """A line of six words or more that the article already printed is page furniture
    (a promo repeated in every section, a boxed call to action, a block rendered
    twice): later copies are ``duplicate`` boilerplate. A list item, a table row
    or a label ending in a colon, repeated on its own, is a field of a listing
    (a spec line of every product, a warm-up line of every day of a plan, the
    "How to adapt:" that opens every section) and stays; inside a run of
    ``REPEAT_RUN`` repeated lines it is part of a duplicated block. Only the
    article part (before ``end``) is looked at; comments may quote each other."""
    from .document import BOILERPLATE
    from .render import normalise

    limit = len(doc.text) if end is None else end
    seen: set[str] = set()
    runs: list[list[tuple[Line, bool]]] = [[]]  # repeated lines, in runs of neighbours
    for line in doc.lines():
        if line.start >= limit:
            break
        raw = doc.slice(line.start, line.end)
        key = _key(normalise(raw))
        if len(key.split()) >= REPEAT_MIN_WORDS and key in seen:
            runs[-1].append((line, _ITEM.search(raw) is not None))
            continue
        seen.add(key)
        if runs[-1]:
            runs.append([])
    for run in runs:
        for line, item in run:
            if not item or len(run) >= REPEAT_RUN:
                doc.annotate(line.start, line.end, BOILERPLATE, "duplicate", "html.repeated-line")
