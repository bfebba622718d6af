"""Running trafilatura on a parsed page and choosing what to keep: the article, the
recall fallback, the comments, or the page's own text (the path ``to_dict()`` reports)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

import regex
from lxml import etree

from ..errors import check_size, check_text, refuse_binary, refuse_garbage
from ..html_text import stream_text
from .metadata import DATE_PARAMS, PageMetadata  # noqa: F401
from .page import page_text
from .runs import Runs
from .sections import comment_sections, without_discussion

TRAFILATURA = "trafilatura"
FALLBACK = "trafilatura-fallback"
PLAIN_TEXT = "plain-text"
PATHS = (TRAFILATURA, FALLBACK, PLAIN_TEXT)

RECALL_GAIN = 1.05         # the recall extraction must be longer than the balanced one by this factor
RECALL_MIN_WORDS = 200     # ... and the balanced one a whole article (this many words or more)
SHORT_SHARE = 0.1          # ... or a small part of the page's text (a truncated article)
PLAIN_MIN_WORDS = 10       # below this trafilatura found nothing usable: plain-text path
MAX_DEPTH = 2048           # libxml2 builds no deeper tree, even with huge_tree

# Rules written for text converters that print what a browser would not show;
# trafilatura never emits scripts, so a code-looking line is an article's code sample.
HTML_DISABLED_RULES = frozenset({"markup.script"})


@dataclass
class Extraction:
    """What the HTML gave: article blocks, comment blocks, page metadata, the path taken."""

    main: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    meta: Mapping[str, Any] = field(default_factory=dict)  # a PageMetadata: read when asked
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
    """trafilatura's parser settings, without libxml2's depth and text-node limits.

    Every element is an ``HtmlElement``: lxml.html's own class lookup (a form
    field class for ``<input>``, ``<select>``, ``<label>``, …) is a Python call
    for each element proxy lxml makes, and trafilatura and the comment search
    make millions; nothing here uses the form field classes.
    """
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True, huge_tree=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


def extract(html: str | bytes) -> Extraction:
    """Run trafilatura on a page and choose what to keep; never raises for a malformed page.

    * main text: trafilatura's balanced extraction without comments (comment
      containers pruned first, as trafilatura does), replaced by its
      ``favor_recall`` extraction when that is longer (:func:`prefer_recall`);
      the recall extraction is only run when it could be kept
      (:func:`recall_may_win`);
    * on the fallback path, the balanced extraction's blocks are kept as
      ``trusted``: they mark the article region (:func:`trusted_region`);
    * comments: the page's comment sections (:func:`comment_sections`); on
      pages that name none, trafilatura's comment extraction
      (:func:`trafilatura_comments`); a discussion the main extraction printed
      too is taken out of it (:func:`without_discussion`);
    * metadata: title, authors and date, read from the page only when asked
      (:class:`PageMetadata`);
    * nothing usable: the page's own text, cleaned as plain text.
    """
    tree = parse(html)
    if tree is None:
        return Extraction(path=PLAIN_TEXT, page="")
    if too_deep(tree):  # the parser dropped what lies deeper: read the markup as a stream
        return Extraction(path=PLAIN_TEXT, page=stream_text(_check(html)))
    runs = Runs(tree)
    main = _trafilatura(runs, recall=False)
    meta: Mapping[str, Any] = PageMetadata(tree) if main is not None else {}
    words_b = _words(main.main) if main is not None else 0
    page_words = _once(lambda: _page_words(tree))
    path = TRAFILATURA
    trusted: list[str] = []
    if recall_may_win(words_b, page_words):
        recall = _trafilatura(runs, recall=True)
        words_r = _words(recall.main) if recall is not None else 0
        if words_r and prefer_recall(words_b, words_r, page_words):
            trusted = main.main if main is not None else []
            main, path = recall, FALLBACK
    if main is None or _words(main.main) < PLAIN_MIN_WORDS:
        return Extraction(meta=meta, path=PLAIN_TEXT, page=page_text(tree))
    found = comment_sections(tree, main.main) or trafilatura_comments(tree)
    return Extraction(without_discussion(main.main, found), found, meta, path, trusted=trusted)


def recall_may_win(balanced: int, page_words) -> bool:
    """Could :func:`prefer_recall` keep a recall extraction over this balanced one?

    Not when the balanced extraction is short (under ``RECALL_MIN_WORDS``) and
    yet no small part of the page (``SHORT_SHARE`` or more of its words): then
    no recall extraction, however long, is kept, and it is not run. The same
    test as :func:`prefer_recall`'s, without the recall extraction's length.
    """
    return balanced >= RECALL_MIN_WORDS or balanced < SHORT_SHARE * page_words()


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
    return recall_may_win(balanced, page_words)


def _trafilatura(runs: Runs, *, recall: bool) -> Extraction | None:
    """trafilatura's balanced (or ``favor_recall``) extraction of the article, comments pruned:
    ``bare_extraction(tree, include_comments=False, with_metadata=False, favor_recall=recall)``,
    the two calls sharing their pruned tree and recall stages (:class:`Runs`).

    No metadata: trafilatura would read all of it (site name, tags, licence)
    before extracting; :class:`PageMetadata` reads the three fields used, when
    they are needed. The extraction does not depend on it (the page's URL only
    serves links, which are not kept).
    """
    body = runs.recall() if recall else runs.balanced()
    return None if body is None else Extraction(blocks(body))


# Every container trafilatura's comment extraction looks at (its COMMENTS_XPATH) has an id
# or a class naming comments, or an id starting "social", "comol" or "disqus_thread".
_COMMENT_MARKUP = etree.XPath(
    'boolean(//*[contains(@class, "omment") or contains(@id, "omment") or starts-with(@id, "social") '
    'or starts-with(@id, "comol") or starts-with(@id, "disqus_thread")])')


def trafilatura_comments(tree) -> list[str]:
    """trafilatura's comment extraction, as ``bare_extraction(include_comments=True,
    fast=True)`` finds it, without the article extraction that call also runs.

    trafilatura reads comments from the cleaned tree before it extracts the
    article, and the article extraction never changes them: here the tree is
    cleaned the same way (its raw-tree pruning, cleaning and tag conversion)
    and only the comment search runs. A page whose markup names no comment
    container (:data:`_COMMENT_MARKUP`) has none to find, and is not cleaned at
    all. On a forum thread (schema.org ``DiscussionForumPosting``) trafilatura
    counts the posts as the article: no comments.
    """
    if not _COMMENT_MARKUP(tree):
        return []
    from copy import copy

    from trafilatura.core import RAW_TREE_PRUNE_XPATH, _forum_thread_page, _prepare_tree
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.main_extractor import extract_comments

    try:
        if _forum_thread_page(tree):
            return []
        options = _comment_options()
        cleaned, _ = _prepare_tree(prune_unwanted_nodes(copy(tree), RAW_TREE_PRUNE_XPATH), options, None)
        body, _, _ = extract_comments(cleaned, options)
    except Exception:  # trafilatura fails on odd trees: no comments from it
        return []
    return blocks(body)


@lru_cache(maxsize=1)
def _comment_options():
    """The options ``bare_extraction(include_comments=True, fast=True)`` builds."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, comments=True, formatting=None, tables=True)


def _once(compute):
    """``compute``, called at most once: the page is measured only if a test needs it."""
    value: list = []

    def get():
        if not value:
            value.append(compute())
        return value[0]
    return get


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
