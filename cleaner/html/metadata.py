"""The page's title, authors and date, read from its markup only when the text did not show
them: trafilatura's readers for these three fields, without the rest of its metadata."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

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
    from trafilatura.metadata import extract_author
    return extract_author(tree)


def _trim(value: str | None) -> str | None:
    """trafilatura's last step on every metadata string: cut, unescape, normalise spaces."""
    if not isinstance(value, str):
        return None
    from html import unescape

    from trafilatura.utils import line_processing

    if len(value) > _MAX_LENGTH:
        value = value[:_MAX_LENGTH - 1] + "…"
    return line_processing(unescape(value))
