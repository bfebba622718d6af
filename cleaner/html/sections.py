"""The page's comment sections, found by the names comment systems give their markup or
under a discussion heading, and the discussion taken out of an article that printed it."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

import regex
from lxml import etree

from .. import markers
from ..html_text import LINE_TAGS
from .page import _body, _skipped, page_text

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

# The searches below accept a few elements of a page of thousands. To spare Python a
# test of every element, each is handed only those that hold (in their id and class,
# or in their text) a word that every match of its patterns holds, found by plain
# substring search in text folded as the patterns' (?i) folds it. A superset of the
# matches: what the tests accept does not change.
_NAME_WORDS = ("comment", "disqus", "dsq-", "discussion", "responses", "note", "depth-", "thread-")
_HEADING_WORDS = ("comment", "response", "replies", "thought", "reaction", "trackback", "discussion")
_NAME_WORD = re.compile("|".join(_NAME_WORDS))
_WITH_NAME = etree.XPath("descendant::*[@id or @class]")
_TEXT = etree.XPath("string()")
_TEXT_NODES = etree.XPath("descendant::text()")


def _folded(text: str) -> str:
    """``text`` lower-cased, as long as it was: the three letters a (?i) pattern folds to
    an ASCII one without str.lower() doing so (İ, ſ, the Kelvin sign) read as i, s, k."""
    if not text.isascii():
        text = text.replace("\u0130", "i").replace("\u017f", "s")
    return text.lower()


def _named(root) -> list:
    """The elements under ``root`` whose id or class :func:`_names_discussion` or
    :func:`_is_comment_item` may accept, in page order."""
    return [e for e in _WITH_NAME(root) if _NAME_WORD.search(_folded(_name(e))) is not None]


def _with_ancestors(elements, top) -> set:
    """The elements and their ancestors up to ``top`` (each ancestor added once: no more
    than the page)."""
    found: set = set()
    for element in elements:
        while element is not None and element not in found:
            found.add(element)
            element = None if element is top else element.getparent()
    return found


def _holding_heading_words(root) -> set:
    """``root`` and the elements under it whose text (``text_content()``) holds a word of
    ``_HEADING_WORDS``: the lowest element holding each occurrence, and its ancestors.

    An element's text is a stretch of the root's text (its text nodes in page order),
    so an occurrence lies in the text of the lowest element holding the text nodes it
    begins and ends in, and of its ancestors, and of no other element."""
    text = _folded(_TEXT(root))
    occurrences = [(m, m + len(w)) for w in _HEADING_WORDS for m in _find_all(text, w)]
    if not occurrences:
        return set()
    nodes = _TEXT_NODES(root)
    starts = list(accumulate((len(n) for n in nodes), initial=0))
    if starts.pop() != len(text):  # not the text nodes' text: every element may hold a word
        return set(root.iter())
    lowest = []
    for begin, end in occurrences:
        first = nodes[bisect_right(starts, begin) - 1]
        last = nodes[bisect_right(starts, end - 1) - 1]
        lowest.append(_common_ancestor(_owner(first), _owner(last)))
    return _with_ancestors(lowest, top=root)


def _find_all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _owner(node):
    """The element a text node lies in (a tail lies in its element's parent)."""
    return node.getparent().getparent() if node.is_tail else node.getparent()


def _common_ancestor(a, b):
    if a is b:
        return a
    line = set(a.iterancestors())  # the set holds the proxies: lxml keeps one per element while it lives
    line.add(a)
    while b not in line:
        b = b.getparent()
    return b


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
    named = _named(root)
    texts = _outermost(root, _is_discussion, paragraphs, named)
    if not texts:
        texts = _outermost(root, _is_one_comment, paragraphs, named)
        texts = texts if len(texts) >= 2 else []
    if not texts:
        texts = headed_discussion(root, article)
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
    holding = _holding_heading_words(root)
    for heading in root.iter():
        if heading not in holding or not _is_discussion_heading(heading):
            continue
        texts = _after(heading)
        if _reads_as_discussion(texts) and (first is None or first not in _key("\n".join(texts))):
            return texts
    return []


def _reads_as_discussion(texts: list[str]) -> bool:
    """``HEADED_MIN_HEADERS`` lines or more read as a comment's header ("NAME says:",
    "Posted by: NAME | DATE", a date), and none as another discussion heading (a list
    of teasers, each with its "3 comments", is not a discussion)."""
    from ..stages.comments import HEADERS

    kinds = [m.kind for text in texts for line in text.split("\n") if (m := markers.parse(line)) is not None]
    return sum(k in HEADERS for k in kinds) >= HEADED_MIN_HEADERS and "heading" not in kinds


def _is_discussion_heading(element) -> bool:
    if _skipped(element) or any(
            isinstance(c.tag, str) and c.tag.lower() in LINE_TAGS and c.tag.lower() != "br" for c in element):
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


def _outermost(root, wanted, paragraphs: set[str], named: list) -> list[str]:
    """The visible text (form and hidden parts left out) of every outermost element
    ``wanted`` accepts, in page order. One that holds an article paragraph wraps the
    article, not the discussion: the search goes on inside it. A container whose
    paragraphs were (nearly) all taken already is a second view of the same
    comments (a "most recent" and a "highest rated" tab, both in the page) and is
    left out; one comment seen twice is a reader posting it twice, and stays.

    ``named`` lists, in page order, every element ``wanted`` may accept
    (:func:`_named`); one is looked at when nothing above it (up to ``root``) is
    hidden or was looked at and not searched inside."""
    texts: list[str] = []
    seen: set[str] = set()
    open_: dict = {root: True}  # may an element under this one be looked at?
    for element in named:
        if not _open(element, open_) or not wanted(element):
            continue
        text = page_text(element, skip=_not_discussion)
        key = _key(text)
        if any(p in key for p in paragraphs):
            continue  # it wraps the article: the elements inside it are looked at
        open_[element] = False
        blocks_ = {_key(b) for b in text.split("\n\n")}
        if _is_comment_item(element) or not _seen_before(blocks_, seen):
            seen.update(blocks_)
            texts.append(text)
    return texts


def _open(element, open_: dict) -> bool:
    """Neither ``element`` nor an element above it up to the root is hidden or closed.
    ``open_`` remembers the answer for every element on the way (elements are asked
    in page order, and an element is closed before any element inside it is asked)."""
    path = []
    while element not in open_:
        path.append(element)
        element = element.getparent()
        if element is None:
            return False  # not under the root
    answer = open_[element]
    for step in reversed(path):
        answer = answer and not _skipped(step)
        open_[step] = answer
    return answer


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


