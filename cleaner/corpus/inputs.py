"""Reading a corpus: files, directories and stdin into a stream of records.

Every source is read as a stream of chunks (decompressed on the fly when the
data starts like gzip or zstd, whatever the file is called) and cut into
lines with a byte cap: a record over the size limit is counted and skipped
without ever being held in memory whole. A source that breaks part-way
(truncated gzip, I/O error) keeps the records read before the break and adds
one error saying where it broke.
"""
from __future__ import annotations

import codecs
import gzip
import os
import stat
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import orjson

from .. import errors as _errors
from ..errors import InputError
from .records import Fields, Item, Record, RecordError, describe

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".html": "html", ".htm": "html",
            ".warc": "warc", ".wet": "warc"}
COMPRESSED = (".gz", ".zst")
STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_FORMATS = ("jsonl", "text", "html")
CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class UsageError(ValueError):
    """The run cannot start as asked (exit code 2); nothing has been processed."""


def max_bytes() -> int:
    """Bytes a record may take: UTF-8 needs at most 4 a character. A JSONL line is held to
    the same cap, so a record written with many escapes can be refused below the limit."""
    return 4 * _errors.MAX_CHARS


# ---- finding inputs ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    stdin: bool = False
    error: str | None = None  # known unreadable before reading (a directory, a FIFO, a symlink out)


def kind_of(path: str) -> str | None:
    """The kind a file name says ("jsonl", "text", "html"), or None for a type we do not read."""
    name = path.lower()
    for suffix in COMPRESSED:
        name = name.removesuffix(suffix)
    return SUFFIXES.get(os.path.splitext(name)[1])


def expand(paths: Iterable[str | os.PathLike], stdin_format: str,
           exclude: Iterable[str] = ()) -> tuple[list[Source], int]:
    """Resolve arguments to sources up front, so a typo fails before any work is done.

    Returns the sources and the number of files skipped in directories
    because of their type. ``exclude`` keeps our own output files out of a
    directory walk.
    """
    skip = {os.path.realpath(p) for p in exclude}
    sources: list[Source] = []
    skipped = 0
    if stdin_format not in STDIN_FORMATS:
        raise UsageError(f"unknown stdin format {stdin_format!r}; choose from {', '.join(STDIN_FORMATS)}")
    for arg in map(os.fspath, paths):
        if arg == STDIN:
            if any(s.stdin for s in sources):
                raise UsageError("'-' (stdin) can be given only once")
            sources.append(Source(STDIN_NAME, stdin_format, stdin=True))
        elif os.path.isdir(arg):
            found, others = _walk(arg, skip)
            sources += found
            skipped += others
        else:
            sources.append(_file_source(arg, skip))
    return sources, skipped


def _file_source(arg: str, skip: set[str]) -> Source:
    """A file named on the command line: read whatever it is (a FIFO too: it was asked for)."""
    if not os.path.exists(arg):
        raise UsageError(f"no such file or directory: {arg}")
    kind = kind_of(arg)
    if kind is None:
        raise UsageError(f"unsupported input {arg}: expected {', '.join(SUFFIXES)} "
                         f"(optionally {' or '.join(COMPRESSED)}) or a directory")
    if os.path.realpath(arg) in skip:
        raise UsageError(f"{arg} is both an input and an output of this run")
    return Source(arg, kind)


def _walk(root: str, skip: set[str]) -> tuple[list[Source], int]:
    """Files under ``root`` of a supported type, sorted by path components for a stable order.

    Only regular files inside the directory are read: a FIFO would block the
    run, a device never ends, and a symbolic link out of the directory reads
    what the user did not name. Each is one error, and the walk goes on.
    """
    real_root = os.path.realpath(root)
    found: list[tuple[tuple[str, ...], Source]] = []
    others = 0

    def unreadable(exc: OSError) -> None:
        name = exc.filename or root
        found.append((Path(name).relative_to(root).parts,
                      Source(name, "text", error=f"cannot list directory: {describe(exc)}")))

    for dirpath, _dirs, files in os.walk(root, onerror=unreadable):
        for name in files:
            path = os.path.join(dirpath, name)
            kind = kind_of(name)
            if kind is None:
                others += 1
                continue
            real = os.path.realpath(path)
            if real in skip:
                continue
            key = Path(path).relative_to(root).parts
            found.append((key, Source(path, kind, error=_not_readable(path, real, real_root))))
    return [source for _, source in sorted(found, key=lambda pair: pair[0])], others


def _not_readable(path: str, real: str, root: str) -> str | None:
    """Why a file found in a directory walk is not read, or None when it is."""
    if os.path.commonpath([real, root]) != root:
        return f"symbolic link to {real}, outside {root}: not followed"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read {path}: {describe(exc)}"
    if not stat.S_ISREG(mode):
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        return f"{what}, not a regular file: not read from a directory"
    return None


# ---- bytes: files, stdin, decompression ---------------------------------------------

def chunks(fh: BinaryIO, name: str) -> Iterator[bytes]:
    """The source's bytes, decompressed when they start like gzip or zstd.

    Sniffing the data, not the name, reads ``zcat``-less pipes (gzip piped
    into stdin) and a mislabelled file alike. A name ending in ``.gz`` or
    ``.zst`` over data that is neither is an error, not text.
    """
    head = fh.read(4)
    if head.startswith(GZIP_MAGIC):
        yield from _gunzip(head, fh)
    elif head.startswith(ZSTD_MAGIC):
        yield from _unzstd(head, fh)
    else:
        lowered = name.lower()
        if head and lowered.endswith(COMPRESSED):
            raise OSError(f"not {'gzip' if lowered.endswith('.gz') else 'zstd'} data")
        if head:
            yield head
        while data := fh.read(CHUNK):
            yield data


def _gunzip(head: bytes, fh: BinaryIO) -> Iterator[bytes]:
    """Concatenated gzip members, a bounded piece at a time (a small file that inflates to
    gigabytes never sits in memory). At a truncation, every byte before it is yielded
    first: only the record it cuts is lost."""
    reader = gzip.GzipFile(fileobj=_Prefixed(head, fh), mode="rb")
    while data := reader.read1(CHUNK):  # read1: a failing read loses nothing already read
        yield data


def _unzstd(head: bytes, fh: BinaryIO) -> Iterator[bytes]:
    try:
        import zstandard
    except ImportError:
        raise OSError("zstd-compressed data needs the zstandard package") from None
    reader = zstandard.ZstdDecompressor().stream_reader(_Prefixed(head, fh), read_across_frames=True)
    try:
        while data := reader.read(CHUNK):
            yield data
    except zstandard.ZstdError as exc:
        raise EOFError(f"corrupt or truncated zstd data: {exc}") from None


class _Prefixed:
    """A file whose first bytes were already read to sniff its type."""

    def __init__(self, head: bytes, fh: BinaryIO):
        self.head, self.fh = head, fh

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.fh.read(size)
        cut = len(self.head) if size is None or size < 0 else size
        data, self.head = self.head[:cut], self.head[cut:]
        return data


class Oversize(int):
    """A line over the byte cap, skipped: its size in bytes."""


def lines(data: Iterable[bytes], cap: int) -> Iterator[bytes | Oversize]:
    """Lines of ``data`` (with their newline), never holding more than ``cap`` bytes of one:
    a longer line is consumed and reported as :class:`Oversize`."""
    held: list[bytes] = []
    size = 0
    skipping = False
    for chunk in data:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            piece = chunk[start:end + 1]
            start = end + 1
            size += len(piece)
            if skipping or size > cap:
                yield Oversize(size)
            else:
                yield b"".join(held) + piece if held else piece
            held, size, skipping = [], 0, False
        rest = chunk[start:]
        size += len(rest)
        if skipping or size > cap:
            held, skipping = [], True
        elif rest:
            held.append(rest)
    if skipping:
        yield Oversize(size)
    elif held:
        yield b"".join(held)


def whole(data: Iterable[bytes], cap: int) -> bytes | Oversize:
    """All of ``data`` as one document, or its size when it is over ``cap`` (not held)."""
    held: list[bytes] = []
    size = 0
    for chunk in data:
        size += len(chunk)
        if size > cap:
            held.clear()
        else:
            held.append(chunk)
    return Oversize(size) if size > cap else b"".join(held)


# ---- records ----------------------------------------------------------------------

class Reader:
    """Streams records from sources; counts the sources that could be read."""

    def __init__(self, sources: list[Source], fields: Fields, stdin: BinaryIO | None = None):
        self.sources, self.fields, self.stdin = sources, fields, stdin
        self.read = 0
        self._line = 0

    def __iter__(self) -> Iterator[Item]:
        for source in self.sources:
            yield from self._one(source)

    def _one(self, source: Source) -> Iterator[Item]:
        if source.error:
            yield RecordError(source.name, None, None, source.error)
            return
        self._line, produced, failed = 0, False, False
        try:
            with self._open(source) as fh:
                data = chunks(fh, source.name)
                if source.kind == "warc":
                    items = self._warc(source, fh)
                elif source.kind == "jsonl":
                    items = self._jsonl(source, data)
                else:
                    items = self._document(source, data)
                for item in items:
                    produced = True
                    yield item
        except (OSError, EOFError, zlib.error) as exc:  # unreadable, corrupt or truncated
            failed = True
            line = self._line + 1 if source.kind == "jsonl" else None
            where = f" at line {line}" if line else ""
            yield RecordError(source.name, line, None, f"cannot read {source.name}{where}: {describe(exc)}")
        self.read += produced or not failed

    def _open(self, source: Source):
        if source.stdin:
            return _Unclosed(self.stdin or sys.stdin.buffer)
        return open(source.name, "rb", buffering=0)

    def _jsonl(self, source: Source, data: Iterable[bytes]) -> Iterator[Item]:
        """One record per non-blank line; a bad line is an error for that line only."""
        cap = max_bytes()
        for line in lines(data, cap):
            self._line += 1
            if isinstance(line, Oversize):
                yield RecordError(source.name, self._line, None,
                                  f"line of {int(line):,} bytes exceeds the limit of {cap:,} bytes a record",
                                  int(line))
                continue
            if self._line == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if line.strip():
                yield parse_line(source.name, self._line, line, self.fields)

    def _document(self, source: Source, data: Iterable[bytes]) -> Iterator[Item]:
        """A whole file is one document, kept as bytes: decoding is per record, in the worker."""
        cap = max_bytes()
        content = whole(data, cap)
        if isinstance(content, Oversize):
            yield RecordError(source.name, None, source.name,
                              f"document of {int(content):,} bytes exceeds the limit of {cap:,} bytes "
                              f"({_errors.MAX_CHARS:,} characters)", int(content))
            return
        yield Record(source.name, None, source.name, content, source.kind, len(content),
                     output=self.fields.output)

    def _warc(self, source: Source, fh: BinaryIO) -> Iterator[Item]:
        """One record per HTML response or WET conversion; ``line`` counts those records."""
        from ..warc import WarcError, read_warc
        cap = max_bytes()
        try:
            for doc in read_warc(fh, name=source.name):
                self._line += 1
                kind = "html" if "html" in doc else "text"
                content = doc[kind] or ""
                size = len(content.encode("utf-8", "surrogatepass"))
                if size > cap:
                    yield RecordError(source.name, self._line, doc["id"],
                                      f"document of {size:,} bytes exceeds the limit of {cap:,} bytes", size)
                    continue
                yield Record(source.name, self._line, doc["id"], content, kind, size,
                             {"url": doc["url"]}, self.fields.output)
        except WarcError as exc:
            # where the file broke, reported as for a truncated gzip
            raise OSError(str(exc).removeprefix(f"{source.name}: ")) from None


class _Unclosed:
    """stdin as a context manager that leaves it open."""

    def __init__(self, fh: BinaryIO):
        self.fh = fh

    def __enter__(self) -> BinaryIO:
        return self.fh

    def __exit__(self, *exc) -> None:
        return None


def parse_line(name: str, number: int, line: bytes, fields: Fields) -> Item:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return RecordError(name, number, None, _json_reason(line, exc), len(line))
    if not isinstance(obj, dict):
        return RecordError(name, number, None, f"expected a JSON object, got {_json_type(obj)}", len(line))
    try:
        record_id = _record_id(obj.get(fields.id), fields.id, name, number)
    except InputError as exc:
        return RecordError(name, number, None, str(exc), len(line))
    try:
        content, kind = _content(obj, fields)
    except InputError as exc:
        return RecordError(name, number, record_id, str(exc), len(line))
    extra = {k: v for k, v in obj.items() if k not in (fields.id, fields.text, fields.html)}
    return Record(name, number, record_id, content, kind, len(line), extra or None, fields.output)


def _record_id(value: object, field: str, name: str, number: int) -> str:
    if value is None:
        return f"{name}:{number}"
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"field {field!r} is {_json_type(value)}, expected a string or an integer")


def _content(obj: dict, fields: Fields) -> tuple[str, str]:
    """(content, kind): the text, else the HTML when the text is missing or blank."""
    text, html = obj.get(fields.text), obj.get(fields.html)
    for value, field in ((text, fields.text), (html, fields.html)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"field {field!r} is {_json_type(value)}, expected a string")
    if text is not None and (text.strip() or not html):
        return text, "text"
    if html is not None:
        return html, "html"
    nulls = [f for f in (fields.text, fields.html) if f in obj]
    if nulls:
        raise InputError(f"field {nulls[0]!r} is null, expected a string")
    keys = ", ".join(list(obj)[:8]) or "none"
    raise InputError(f"record has no {fields.text!r} or {fields.html!r} field (fields: {keys})")


def _json_reason(line: bytes, exc: Exception) -> str:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as err:
        return f"invalid UTF-8 at byte {err.start} of the line: {err.reason}"
    return f"malformed JSON: {exc}"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def iter_records(paths: Iterable[str | os.PathLike], *, fields: Fields = Fields(),
                 stdin_format: str = "jsonl", stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Stream :class:`Record` and :class:`RecordError` items from files, directories or ``-``.

    Nothing is loaded beyond the current record, so this works on corpora
    of any size. Raises :class:`UsageError` for a missing or unsupported path
    before yielding anything.
    """
    sources, _ = expand(paths, stdin_format)
    return iter(Reader(sources, fields, stdin))
