"""HTML-to-text converters, as scrapers use them, for evaluation and benchmarks.

They are optional extras (``pip install cleaner[converters]``): the cleaner
itself never needs them, but measuring it on the plain text that real
pipelines produce does.
"""
from __future__ import annotations

from typing import Callable


def _resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    return extract_plain_text(html, main_content=False)


def _inscriptis(html: str) -> str:
    from inscriptis import get_text
    return get_text(html)


def _html2text(html: str) -> str:
    import html2text
    converter = html2text.HTML2Text()
    converter.ignore_images = True
    converter.body_width = 0
    return converter.handle(html)


def _trafilatura_html2txt(html: str) -> str:
    from trafilatura import html2txt
    return html2txt(html) or ""


CONVERTERS: dict[str, Callable[[str], str]] = {
    "resiliparse": _resiliparse,
    "inscriptis": _inscriptis,
    "html2text": _html2text,
    "html2txt": _trafilatura_html2txt,
}


def convert(html: str, name: str) -> str:
    """Turn a whole page into plain text with the named converter."""
    try:
        converter = CONVERTERS[name]
    except KeyError:
        raise ValueError(f"unknown converter {name!r}; choose from {', '.join(CONVERTERS)}") from None
    return converter(html)
