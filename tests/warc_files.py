"""Small WARC/WET files written byte by byte, as the WARC 1.0 standard lays them out."""
from __future__ import annotations

import gzip
from pathlib import Path

ARTICLE = ("<html><head><meta charset='utf-8'><title>Local bakery wins award</title></head><body>"
           "<article><h1>Local bakery wins award</h1>"
           "<p>The bakery on Main Street won the regional bread prize on Saturday, its owner said.</p>"
           "<p>Judges praised the crust and the café's long fermentation, which takes two full days.</p>"
           "</article><footer><p>Follow us on Twitter</p></footer></body></html>")
WET_TEXT = ("City council approves new park\n\nThe council voted seven to two on Tuesday to turn the old "
            "rail yard into a park with playing fields and a pond.\n\nShare this article")


def record(kind: str, uri: str, block: bytes, content_type: str, number: int) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def response(uri: str, body: bytes, mime: str, number: int) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return record("response", uri, http, "application/http; msgtype=response", number)


def conversion(uri: str, text: str, number: int) -> bytes:
    return record("conversion", uri, text.encode(), "text/plain", number)


def write(path: Path, records: list[bytes], gz: bool = False) -> Path:
    """Gzip per record, as Common Crawl does, when ``gz``."""
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    return path


def warc_file(path: Path, first: int = 1, gz: bool = False) -> Path:
    """An HTML response, a request-free image response, and a second HTML response."""
    return write(path, [
        response(f"https://news.example/{first}", ARTICLE.encode(), "text/html; charset=utf-8", first),
        response(f"https://news.example/{first}.png", b"\x89PNG\r\n", "image/png", first + 1),
        response(f"https://news.example/{first + 2}", ARTICLE.encode("latin-1", "replace"),
                 "text/html; charset=iso-8859-1", first + 2),
    ], gz)


def wet_file(path: Path, first: int = 1, gz: bool = True) -> Path:
    return write(path, [conversion(f"https://city.example/{first + i}", WET_TEXT, first + i) for i in range(2)], gz)
