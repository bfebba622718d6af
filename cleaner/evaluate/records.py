"""Reading an evaluation dataset: records, their field names, and the text to clean.

A record's input is its ``text`` field, or its ``html`` turned into text by a
converter (cached on disk by a hash of the page, so a second run does not
convert again).
"""
from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator


@dataclass(frozen=True)
class Fields:
    """Where a record keeps its input and gold texts (users' data may differ from ours)."""

    text: str = "text"
    html: str = "html"
    gold: str = "main"
    comments: str = "comments"
    with_: str = "with"
    without: str = "without"
    language: str = "lang"


def read_records(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    """Stream records of a JSON Lines file (``.gz`` is decompressed); blank lines are skipped."""
    import orjson

    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    count = 0
    with opener(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            count += 1
            yield record


def record_id(record: dict, index: int) -> str:
    return str(record.get("id", index))


def converted_text(html: str, converter: str, cache_dir: str | Path | None = None) -> str:
    """``html`` as plain text made by ``converter``, cached on disk when ``cache_dir`` is set.

    Repeated evaluations and benchmarks convert the same pages every time;
    the cache (keyed by converter and page hash) makes that a file read.
    """
    from ..converters import convert

    if cache_dir is None:
        return convert(html, converter)
    return cached_text(Path(cache_dir) / converter, html, lambda: convert(html, converter))


def cached_text(folder: Path, page: str, make: Callable[[], str]) -> str:
    """The text ``make()`` gives for ``page``, kept in ``folder`` under the page's hash: read
    back as it was made (its CR and CR LF line ends too), written whole or not at all."""
    digest = hashlib.sha1(page.encode("utf-8", "surrogatepass")).hexdigest()
    path = folder / digest[:2] / f"{digest}.txt"
    if path.exists():
        with open(path, encoding="utf-8", errors="surrogatepass", newline="") as cached:
            return cached.read()
    text = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{id(text)}")
    with open(tmp, "w", encoding="utf-8", errors="surrogatepass", newline="") as out:
        out.write(text)
    tmp.replace(path)
    return text


def record_text(record: dict, fields: Fields, converter: str,
                cache_dir: str | Path | None = None) -> tuple[str, str]:
    """The plain-text input of a record and where it came from (``"text"`` or the converter)."""
    text, html = record.get(fields.text), record.get(fields.html)
    if isinstance(text, str) and (text.strip() or not isinstance(html, str)):
        return text, "text"  # a blank text field with html beside it means "convert the html"
    if isinstance(html, str):
        return converted_text(html, converter, cache_dir), converter
    raise ValueError(f"record has neither a {fields.text!r} nor an {fields.html!r} field")
