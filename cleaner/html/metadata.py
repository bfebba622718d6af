"""The page's title, authors and date, read from its markup only when the text did not show
them: trafilatura's readers for these three fields, without the rest of its metadata."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from lxml import etree

# htmldate's extensive search (dateparser over every text node) costs ten times the
# extraction; the page's own date markup (meta, JSON-LD, time elements, URL) is enough.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

FIELDS = ("title", "authors", "published")
_MAX_LENGTH = 10_000  # trafilatura cuts a metadata string this long


class PageMetadata(Mapping):
    """Title, authors and date of a parsed page, each read the first time it is asked for.

    trafilatura's ``extract_metadata`` also reads the site name, categories,
    tags and licence, and every field costs a pass over the tree (the author
    search deep-copies it): about a third of its balanced extraction. Here
    only the three fields the result can show are read, in trafilatura's
    order and with its readers (``<meta>`` tags, then JSON-LD, then the
    page's title and byline elements, htmldate for the date), and only when
    :func:`cleaner.html.fill_metadata` needs one because the text did not
    show it. A field that cannot be read is missing, never an error.
    """

    def __init__(self, tree) -> None:
        self._tree = tree
        self._head: Any = None
        self._values: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in FIELDS:
            raise KeyError(key)
        if key not in self._values:
            self._values[key] = self._read(key)
        if self._values[key] is None:
            raise KeyError(key)
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return (key for key in FIELDS if key in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _read(self, key: str) -> Any:
        try:
            if key == "title":
                title = _trim(self._meta().title or _title(self._tree))
                return " ".join(title.split()) if title else None
            if key == "authors":
                author = _trim(self._meta().author or _author(self._tree))
                authors = [a.strip() for a in (author or "").split(";") if a.strip()]
                return authors or None
            return _trim(self._date())
        except Exception:  # trafilatura's readers fail on odd pages; the field stays empty
            return None

    def _meta(self):
        """``<meta>`` tags, then JSON-LD over them, as trafilatura reads them first."""
        if self._head is None:
            from trafilatura.metadata import examine_meta, extract_meta_json

            meta = examine_meta(self._tree)
            if meta.author and " " not in meta.author:  # trafilatura's rule: one word is no name
                meta.author = None
            try:
                meta = extract_meta_json(self._tree, meta)
            except Exception:  # trafilatura's JSON-LD reader fails on odd markup
                pass
            self._head = meta
        return self._head

    def _date(self) -> str | None:
        from htmldate import find_date
        from trafilatura.metadata import extract_url

        url = self._meta().url or extract_url(self._tree, None)
        return find_date(self._tree, **DATE_PARAMS, url=url)


def _title(tree) -> str | None:
    from trafilatura.metadata import extract_title
    return extract_title(tree)


def _author(tree) -> str | None:
    """trafilatura's ``extract_author``, without its copy of the tree when it can be spared.

    trafilatura deep-copies the page, deletes what may not hold the author
    (comments, sidebars, quotes, ``<time>``, ``<figure>``, …) and takes the first
    byline element left whose text is 3 to 119 characters long. The same element
    is found on the page itself by passing those that lie inside a deleted part;
    only when the one found holds a deleted part (its text would lose it) is the
    copy made, and trafilatura reads the author as it always does.
    """
    from trafilatura.metadata import extract_author

    found = _author_in_place(tree)
    return extract_author(tree) if found is _COPY else found


_COPY = object()  # the author cannot be read without trafilatura's pruned copy


def _author_in_place(tree) -> Any:
    """The author as ``extract_author`` reads it, or ``_COPY`` when that needs its copy."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_XPATHS

    pruned = _pruned_tests()
    if pruned is None or tree.find(".//rel") is not None:  # a <rel> child is one of the tests
        return _COPY
    inside, holding = pruned
    for found in _author_elements(tree, AUTHOR_XPATHS):
        for element in found:
            if inside(element):
                continue  # deleted in the copy: not found there
            if holding(element):
                return _COPY
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < _AUTHOR_MAX:
                return normalize_authors(None, content)
    return None


_AUTHOR_MAX = 120  # extract_author's len_limit

# The three AUTHOR_XPATHS of trafilatura 2.3.1 test six attributes, by equality, containment
# and regular expressions (Python calls from libxml2 for every element that has them: about
# 8 ms a page). Every value they accept holds one of these words, or the element is <author>.
_AUTHOR_XPATHS_SHA1 = "0aa1213328b9b9e9ce6d3e81a329b14213e8ec0c"
_AUTHOR_ATTRIBUTES = ("rel", "id", "class", "itemprop", "data-testid", "data-component")
_AUTHOR_WORDS = re.compile("uthor|byl|Byl|yline|BBL|username|screenname|writer|zuozhe|bianji|xiaobian|"
                           "channel-name|submitted-by|posted-by|journalist-name")
_ATTRIBUTED = etree.XPath("//*[" + " or ".join(f"@{a}" for a in _AUTHOR_ATTRIBUTES) + "] | //author")


def _author_elements(tree, expressions) -> Iterator[list]:
    """What each of trafilatura's author XPaths finds on the page, in its order.

    Each XPath is run as a test of one element (``self::`` for ``//``), on the
    elements whose attributes hold a word it needs; with other XPaths than the
    ones this was written for, on the whole page as they are."""
    tests = _author_tests(tuple(x.path.strip() for x in expressions))
    if tests is None:
        yield from (expression(tree) for expression in expressions)
        return
    candidates = [e for e in _ATTRIBUTED(tree) if e.tag == "author" or _AUTHOR_WORDS.search(
        " ".join(filter(None, (e.get(a) for a in _AUTHOR_ATTRIBUTES)))) is not None]
    for test in tests:
        yield [e for e in candidates if test(e)]


@lru_cache(maxsize=2)
def _author_tests(paths: tuple[str, ...]):
    from trafilatura.xpaths import REGEXP_NS

    if hashlib.sha1("\n".join(paths).encode()).hexdigest() != _AUTHOR_XPATHS_SHA1:
        return None
    tests = [path.replace("//*[", "self::*[").replace("|//author", "|self::author") for path in paths]
    return [etree.XPath(f"boolean({test})", namespaces={"re": REGEXP_NS}) for test in tests]


@lru_cache(maxsize=1)
def _pruned_tests():
    """Two XPath tests made from trafilatura's ``AUTHOR_DISCARD_XPATHS``: does an element
    lie inside what its copy deletes, does it hold some; None when those XPaths are not
    the two this was written for (a trafilatura version reading authors otherwise)."""
    from lxml import etree
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, REGEXP_NS

    paths = [x.path.strip() for x in AUTHOR_DISCARD_XPATHS]
    if len(paths) != 2 or not paths[0].startswith(".//*[") or paths[1] != "//time|//figure":
        return None
    test = paths[0][len(".//*"):]
    namespaces = {"re": REGEXP_NS}
    inside = etree.XPath(f"boolean(ancestor-or-self::*{test} | ancestor-or-self::time | ancestor-or-self::figure)",
                         namespaces=namespaces)
    holding = etree.XPath(f"boolean(descendant::*{test} | descendant::time | descendant::figure)",
                          namespaces=namespaces)
    return inside, holding


def _trim(value: str | None) -> str | None:
    """trafilatura's last step on every metadata string: cut, unescape, normalise spaces."""
    if not isinstance(value, str):
        return None
    from html import unescape

    from trafilatura.utils import line_processing

    if len(value) > _MAX_LENGTH:
        value = value[:_MAX_LENGTH - 1] + "…"
    return line_processing(unescape(value))
