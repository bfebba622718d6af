"""WARC and WET files (Common Crawl's formats) as a stream of records to clean.

:func:`read_warc` yields one dict per document:

* a WET *conversion* record (text already extracted) gives
  ``{"id", "url", "text"}``: it goes through the plain-text path;
* a WARC *response* record whose HTTP Content-Type is HTML gives
  ``{"id", "url", "html"}``: it goes through the HTML path. The page is
  decoded with the charset the server declared, else the one detected from
  the bytes and the page's ``<meta charset>``;
* every other record (requests, metadata, images, PDFs, revisits) is skipped.

``id`` is the WARC-Record-ID (``<urn:uuid:…>``) and ``url`` the
WARC-Target-URI. Plain, gzip-compressed (per record, as Common Crawl writes
them) and zstd files are read. A file that is not WARC, or one cut short,
raises :class:`WarcError` naming the file and the record reached. Needs
``fastwarc`` (the ``warc`` extra).
"""
from __future__ import annotations

import codecs
import os
from contextlib import ExitStack
from typing import BinaryIO, Iterator

HTML_TYPES = ("text/html", "application/xhtml+xml")
SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".wet", ".wet.gz", ".wet.zst")


class WarcError(ValueError):
    """A WARC or WET file that cannot be read to the end, with where it broke."""


def is_warc(path: str | os.PathLike) -> bool:
    """True for a file name with a WARC or WET suffix."""
    return os.fspath(path).lower().endswith(SUFFIXES)


def read_warc(path: str | os.PathLike | BinaryIO, name: str | None = None) -> Iterator[dict[str, str | None]]:
    """The documents of one WARC or WET file, in file order (see the module docstring).

    ``path`` may be an open binary file (``name`` then names it in errors).
    """
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        raise WarcError("reading WARC and WET files needs fastwarc: install the warc extra "
                        "(pip install fastwarc resiliparse)") from None
    name = name or (getattr(path, "name", "<stream>") if hasattr(path, "read") else os.fspath(path))
    with ExitStack() as stack:  # compression is found from the bytes, whatever the file is named
        stream = path if hasattr(path, "read") else stack.enter_context(open(path, "rb"))
        yield from _records(stream, name)


def _records(stream: BinaryIO, name: str) -> Iterator[dict[str, str | None]]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    kinds = WarcRecordType.response | WarcRecordType.conversion
    count = 0
    try:
        for record in ArchiveIterator(stream, record_types=kinds, parse_http=True, auto_decode="all",
                                      stream_detect=True, fsspec_args=False):
            count += 1
            document = _document(record, name, count)
            if document is not None:
                yield document
    except OSError as exc:
        where = f"after record {count}" if count else "at the start"
        raise WarcError(f"{name}: not a readable WARC file ({exc}) {where}") from None


def _document(record, name: str, number: int) -> dict[str, str | None] | None:
    from fastwarc.warc import WarcRecordType
    if record.headers.get("Content-Length") is None:  # mandatory: its header block was cut
        raise WarcError(f"{name}: record {number} ({record.record_id}) has no Content-Length: "
                        "the file is cut short or damaged")
    body = record.reader.read()
    if len(body) < record.content_length:
        raise WarcError(f"{name}: record {number} ({record.record_id}) is cut short: "
                        f"{len(body):,} of {record.content_length:,} bytes")
    head = {"id": record.record_id, "url": record.headers.get("WARC-Target-URI")}
    if record.record_type == WarcRecordType.conversion:
        return {**head, "text": body.decode("utf-8", errors="replace")}
    if (record.http_content_type or "").lower() in HTML_TYPES:
        return {**head, "html": _decode_html(body, record.http_charset)}
    return None


def _decode_html(body: bytes, declared: str | None) -> str:
    """The page as text: the declared charset if Python knows it, else a detected one."""
    if declared:
        try:
            return body.decode(codecs.lookup(declared).name, errors="replace")
        except LookupError:
            pass
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    return bytes_to_str(body, detect_encoding(body, from_html_meta=True))
