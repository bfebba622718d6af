"""Corpus preprocessing: ``cleaner run INPUT… -o OUTPUT [--workers N]``.

Reads JSON Lines (``.jsonl``, ``.ndjson``, optionally ``.gz``), one-document
text and HTML files, directories of these and stdin; writes one JSON object of
the :meth:`CleanResult.to_dict` contract per input document, in input order.
The batch never stops for one bad record: it is reported on stderr and in the
errors file, and the run goes on.

Decisions a user can rely on:

* **Empty documents are valid.** A text that is empty or only whitespace is
  written as an empty result (``text == ""``, no segments) and counted as
  *empty* in the summary. The pipeline is not run on it: there is nothing to
  label, and an empty corpus row must not become a failure.
* **Errors file.** Every failed record is one line ``{source, line, id,
  reason}`` in ``OUTPUT.errors.jsonl`` (or ``--errors PATH``). It is opened
  only when the first error arrives, and a stale one from an earlier run is
  removed at the start, so the file always describes this run. With ``-o -``
  there is no errors file unless ``--errors`` is given; stderr still lists
  every failure. ``line`` is the 1-based line of a JSONL record, ``null`` for
  one-document files. stderr shows the first 100 failures when an errors
  file holds them all.
* **stdin** (``-``) is JSON Lines unless ``--stdin-format text|html`` makes it
  one document; its source name and document id are ``<stdin>``.
* **Ids.** A string id is kept; an integer id becomes its decimal string; a
  missing or null id becomes ``SOURCE:LINE`` so every output row can be traced
  back. A text or HTML file's id is its path as given or found.
* **Counts.** Every record read is one document in: ``in = out + failed``.
  A source that cannot be read at all (permission, corrupt gzip) is one failed
  record with ``line`` null or the line where reading broke.
* **Limits.** A file larger than ``4 × MAX_CHARS`` bytes or a JSONL line
  larger than ``12 × MAX_CHARS`` bytes (the worst case of JSON escapes) is
  refused without being loaded, so one giant record cannot exhaust memory.
* **Output is atomic.** It is written to ``OUTPUT.part`` and renamed at the
  end: an interrupted run never leaves a truncated file that looks complete.
* **Workers.** ``--workers N`` cleans batches in N processes, at most two
  batches per worker in flight, results in input order; memory stays flat
  whatever the corpus size. If a worker process dies (out of memory, a crash
  in native code) the records it held are retried one at a time and only the
  one that kills a worker again fails. ``--workers 1`` cleans in-process.

Exit codes: 0 when the run completed (even with failed records), 1 when no
input could be read at all, 2 for usage errors (missing input, unsupported
file type, bad options).
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import os
import sys
import time
import zlib
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Iterable, Iterator, NamedTuple, Union

import orjson

import cleaner

from . import errors as _errors
from .document import Document
from .errors import InputError
from .options import Options, add_pipeline_options, options_from_args
from .result import CleanResult

__all__ = ["Fields", "Record", "RecordError", "Outcome", "Summary", "UsageError",
           "iter_records", "clean_record", "clean_records", "run", "register"]

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".html": "html", ".htm": "html"}
STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_FORMATS = ("jsonl", "text", "html")
BATCH_DOCS = 64             # records per task sent to a worker
BATCH_BYTES = 4_000_000     # ... or fewer, so a batch of large documents stays small
BATCHES_PER_WORKER = 2      # in flight: enough to keep workers busy, little memory
MAX_STDERR_ERRORS = 100     # beyond this, failures go only to the errors file
WORKER_DIED = "worker process died while cleaning this record (out of memory or a crash in native code)"


class UsageError(ValueError):
    """The run cannot start as asked (exit code 2); nothing has been processed."""


@dataclass(frozen=True, slots=True)
class Fields:
    """JSONL field names: configurable because every corpus names them differently."""

    id: str = "id"
    text: str = "text"
    html: str = "html"


@dataclass(frozen=True, slots=True)
class Record:
    """One document as read, before decoding: decoding happens per record, in the worker."""

    source: str
    line: int | None        # 1-based line of a JSONL record; None for a one-document file
    id: str | None
    content: str | bytes
    kind: str = "text"      # "text" or "html"
    nbytes: int = 0         # input bytes it took, for the MB counts


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that could not be read or cleaned, with a reason a user can act on."""

    source: str
    line: int | None
    id: str | None
    reason: str
    nbytes: int = 0

    def to_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}


Item = Union[Record, RecordError]


class Outcome(NamedTuple):
    """What cleaning one record gave: an output line, or the reason it failed."""

    line: bytes | None
    reason: str | None = None
    empty: bool = False


@dataclass
class Summary:
    """Counts of a run; ``docs_in == docs_out + failed``."""

    docs_in: int = 0
    docs_out: int = 0
    failed: int = 0
    empty: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    sources: int = 0
    sources_read: int = 0   # read to the end, or yielded at least one record
    errors_path: str | None = None  # set only when an errors file was written

    @property
    def mb(self) -> float:
        return self.bytes_in / 1e6

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when anything could be read (failed records included), 1 when nothing could."""
        return 0 if self.sources_read else 1

    def add(self, item: Item, outcome: Outcome) -> None:
        self.docs_in += 1
        self.bytes_in += item.nbytes
        if outcome.line is None:
            self.failed += 1
        else:
            self.docs_out += 1
            self.empty += outcome.empty

    def line(self) -> str:
        text = (f"{self.docs_in:,} documents in, {self.docs_out:,} out ({self.empty:,} empty), "
                f"{self.failed:,} failed; {self.mb:,.2f} MB in {self.seconds:,.1f} s "
                f"({self.mb_per_s:,.1f} MB/s)")
        return text + (f"; errors in {self.errors_path}" if self.errors_path else "")


# ---- finding inputs ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Source:
    name: str
    kind: str
    gz: bool = False
    stdin: bool = False
    error: str | None = None  # a directory that could not be listed


def _kind(path: Path) -> tuple[str, bool] | None:
    """(kind, gzipped) from the file name, or None for a type we do not read."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    kind = SUFFIXES.get(os.path.splitext(name[:-3] if gz else name)[1])
    return (kind, gz) if kind else None


def _expand(paths: Iterable[str | os.PathLike], stdin_format: str,
            exclude: Iterable[str] = ()) -> tuple[list[_Source], int]:
    """Resolve arguments to sources up front, so a typo fails before any work is done.

    Returns the sources and the number of files skipped in directories
    because of their type. ``exclude`` keeps our own output files out of a
    directory walk.
    """
    skip = {os.path.realpath(p) for p in exclude}
    sources: list[_Source] = []
    skipped = 0
    if stdin_format not in STDIN_FORMATS:
        raise UsageError(f"unknown stdin format {stdin_format!r}; choose from {', '.join(STDIN_FORMATS)}")
    for arg in map(os.fspath, paths):
        if arg == STDIN:
            if any(s.stdin for s in sources):
                raise UsageError("'-' (stdin) can be given only once")
            sources.append(_Source(STDIN_NAME, stdin_format, stdin=True))
        elif os.path.isdir(arg):
            found, others = _walk(Path(arg), skip)
            sources += found
            skipped += others
        else:
            sources.append(_file_source(arg, skip))
    return sources, skipped


def _file_source(arg: str, skip: set[str]) -> _Source:
    if not os.path.exists(arg):
        raise UsageError(f"no such file or directory: {arg}")
    kind = _kind(Path(arg))
    if kind is None:
        raise UsageError(f"unsupported input {arg}: expected {', '.join(SUFFIXES)} (optionally .gz) or a directory")
    if os.path.realpath(arg) in skip:
        raise UsageError(f"{arg} is both an input and an output of this run")
    return _Source(arg, *kind)


def _walk(root: Path, skip: set[str]) -> tuple[list[_Source], int]:
    """Files under ``root`` of a supported type, sorted by path components for a stable order."""
    found: list[tuple[tuple[str, ...], _Source]] = []
    others = 0

    def unreadable(exc: OSError) -> None:
        name = exc.filename or str(root)
        found.append((Path(name).relative_to(root).parts, _Source(name, "text", error=f"cannot list directory: {exc.strerror}")))

    for dirpath, _dirs, files in os.walk(root, onerror=unreadable):
        for name in files:
            path = Path(dirpath, name)
            kind = _kind(path)
            if kind is None:
                others += 1
            elif os.path.realpath(path) not in skip:
                found.append((path.relative_to(root).parts, _Source(str(path), *kind)))
    return [source for _, source in sorted(found, key=lambda pair: pair[0])], others


# ---- reading records ----------------------------------------------------------

class _Reader:
    """Streams records from sources; counts the sources that could be read."""

    def __init__(self, sources: list[_Source], fields: Fields, stdin: BinaryIO | None = None):
        self.sources, self.fields, self.stdin = sources, fields, stdin
        self.read = 0
        self._line = 0

    def __iter__(self) -> Iterator[Item]:
        for source in self.sources:
            yield from self._one(source)

    def _one(self, source: _Source) -> Iterator[Item]:
        if source.error:
            yield RecordError(source.name, None, None, source.error)
            return
        self._line, produced, failed = 0, False, False
        try:
            with self._open(source) as fh:
                parse = _jsonl if source.kind == "jsonl" else _document
                for item in parse(source, fh, self):
                    produced = True
                    yield item
        except (OSError, EOFError, zlib.error) as exc:  # unreadable, corrupt or truncated gzip
            failed = True
            line = self._line + 1 if source.kind == "jsonl" else None
            yield RecordError(source.name, line, None, f"cannot read {source.name}: {_describe(exc)}")
        self.read += produced or not failed

    def _open(self, source: _Source):
        if source.stdin:
            return nullcontext(self.stdin or sys.stdin.buffer)
        if source.gz:
            return gzip.open(source.name, "rb")
        return open(source.name, "rb", buffering=1 << 20)


def _jsonl(source: _Source, fh: BinaryIO, reader: _Reader) -> Iterator[Item]:
    """One record per non-blank line; a bad line is an error for that line only."""
    limit = 12 * _errors.MAX_CHARS
    while line := fh.readline(limit + 1):
        reader._line += 1
        if len(line) > limit and not line.endswith(b"\n"):
            yield RecordError(source.name, reader._line, None,
                              f"line longer than {limit:,} bytes: larger than any document the cleaner accepts",
                              len(line) + _skip_line(fh))
            continue
        if reader._line == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            yield _parse_line(source.name, reader._line, line, reader.fields)


def _skip_line(fh: BinaryIO) -> int:
    """Consume the rest of an oversized line without holding it; return its size."""
    skipped = 0
    while chunk := fh.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _document(source: _Source, fh: BinaryIO, reader: _Reader) -> Iterator[Item]:
    """A whole file is one document, kept as bytes: decoding is per record, in the worker."""
    limit = 4 * _errors.MAX_CHARS  # UTF-8 needs at most 4 bytes a character
    data = fh.read(limit + 1)
    if len(data) > limit:
        yield RecordError(source.name, None, source.name,
                          f"document of more than {limit:,} bytes exceeds the limit of {_errors.MAX_CHARS:,} characters",
                          len(data))
        return
    yield Record(source.name, None, source.name, data, source.kind, len(data))


def _parse_line(name: str, number: int, line: bytes, fields: Fields) -> Item:
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
    return Record(name, number, record_id, content, kind, len(line))


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


def _describe(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def iter_records(paths: Iterable[str | os.PathLike], *, fields: Fields = Fields(),
                 stdin_format: str = "jsonl", stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Stream :class:`Record` and :class:`RecordError` items from files, directories or ``-``.

    Nothing is loaded beyond the current record, so this works on corpora
    of any size. Raises :class:`UsageError` for a missing or unsupported path
    before yielding anything.
    """
    sources, _ = _expand(paths, stdin_format)
    return iter(_Reader(sources, fields, stdin))


# ---- cleaning -----------------------------------------------------------------

def clean_record(item: Item, options: Options | None = None) -> Outcome:
    """Clean one record into its output line; any failure becomes a reason, never an exception."""
    if isinstance(item, RecordError):
        return Outcome(None, item.reason)
    try:
        return _clean(item, options or Options())
    except Exception as exc:  # one hostile document must not stop the batch
        return Outcome(None, _reason(exc))


def _clean(record: Record, options: Options) -> Outcome:
    text = _errors.decode(record.content)
    if not text.strip():
        result = CleanResult(Document(text, id=record.id))
        return Outcome(_dump(result.to_dict()), empty=True)
    clean = _html_cleaner() if record.kind == "html" else cleaner.clean
    return Outcome(_dump(clean(text, id=record.id, options=options).to_dict()))


def _html_cleaner():
    """``cleaner.clean_html``, looked up late: it arrives with another module."""
    clean_html = getattr(cleaner, "clean_html", None)
    if clean_html is None:
        raise InputError("HTML input needs cleaner.clean_html, which this installation does not provide")
    return clean_html


def _dump(obj: dict) -> bytes:
    return orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    message = str(exc).strip().split("\n", 1)[0]
    return f"{type(exc).__name__}: {message}"[:500] if message else type(exc).__name__


def _clean_batch(items: list[Item], options: Options) -> list[Outcome]:
    return [clean_record(item, options) for item in items]


def clean_records(items: Iterable[Item], options: Options | None = None, *,
                  workers: int = 1) -> Iterator[tuple[Item, Outcome]]:
    """Clean a stream of records, yielding ``(item, outcome)`` in input order.

    With ``workers > 1`` records go to a process pool in batches; at most
    ``BATCHES_PER_WORKER`` batches per worker are in flight, so the input is
    pulled only as fast as it is cleaned.
    """
    options = options or Options()
    if workers <= 1:
        return ((item, clean_record(item, options)) for item in items)
    return _parallel(items, options, workers)


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += item.nbytes
        if len(batch) >= BATCH_DOCS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _parallel(items: Iterable[Item], options: Options, workers: int) -> Iterator[tuple[Item, Outcome]]:
    pool = _Workers(workers, options)
    pending: deque = deque()
    try:
        for batch in _batches(items):
            pending.append((batch, pool.submit(batch)))
            if len(pending) >= workers * BATCHES_PER_WORKER:
                yield from pool.collect(pending)
        while pending:
            yield from pool.collect(pending)
    finally:
        pool.close()


class _Workers:
    """A process pool that survives a dying worker by retrying its records one at a time."""

    def __init__(self, count: int, options: Options):
        self.count, self.options = count, options
        self.executor = ProcessPoolExecutor(count)

    def submit(self, batch: list[Item]) -> Future:
        try:
            return self.executor.submit(_clean_batch, batch, self.options)
        except BrokenProcessPool as exc:  # a worker died since the last result: collect() recovers
            future: Future = Future()
            future.set_exception(exc)
            return future

    def collect(self, pending: deque) -> Iterator[tuple[Item, Outcome]]:
        """Results of the oldest batch; after a crash, of every batch that was in flight."""
        batch, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            stranded = batch + [item for later, _ in pending for item in later]
            pending.clear()
            self.restart()
            yield from self.isolate(stranded)
            return
        except Exception as exc:  # e.g. a record that cannot be sent to a worker
            outcomes = [Outcome(None, _reason(exc))] * len(batch)
        yield from zip(batch, outcomes)

    def isolate(self, items: list[Item]) -> Iterator[tuple[Item, Outcome]]:
        for item in items:
            try:
                outcome = self.submit([item]).result()[0]
            except BrokenProcessPool:
                self.restart()
                outcome = Outcome(None, WORKER_DIED)
            yield item, outcome

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = ProcessPoolExecutor(self.count)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _build_pipeline(options: Options) -> None:
    """Build the pipeline before reading: a bad rules file is one clear error, not one per
    record, and forked workers inherit the compiled rules."""
    try:
        from .pipeline import cached_pipeline
        cached_pipeline(options)
    except Exception as exc:
        raise UsageError(f"cannot build the cleaning pipeline: {_reason(exc)}") from exc


# ---- writing --------------------------------------------------------------------

class _ErrorLog:
    """Failed records go to stderr and to the errors file, created on the first failure."""

    def __init__(self, path: str | None, quiet: bool, write):
        self.path, self.quiet, self.write = path, quiet, write
        self.count = 0
        self._fh: IO[bytes] | None = None
        if path:
            try:
                Path(path).unlink(missing_ok=True)  # a stale file would describe another run
            except OSError as exc:
                raise UsageError(f"cannot replace errors file {path}: {_describe(exc)}") from None

    def add(self, error: RecordError) -> None:
        self.count += 1
        if self.path:
            if self._fh is None:
                self._fh = open(self.path, "wb")
            self._fh.write(_dump(error.to_dict()))
        if not self.quiet:
            self._show(error)

    def _show(self, error: RecordError) -> None:
        if self.path and self.count > MAX_STDERR_ERRORS:
            if self.count == MAX_STDERR_ERRORS + 1:
                self.write(f"cleaner run: further failures are listed only in {self.path}")
            return
        where = f"{error.source}:{error.line}" if error.line else error.source
        named = f" [id {error.id}]" if error.id and error.id != error.source else ""
        self.write(f"cleaner run: {where}{named}: {error.reason}")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


@contextmanager
def _output(output: str | os.PathLike | BinaryIO) -> Iterator[BinaryIO]:
    """Write to ``OUTPUT.part`` and rename at the end, so a broken run leaves no half file."""
    if hasattr(output, "write"):
        yield output
        return
    if os.fspath(output) == STDIN:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    part = path.with_name(path.name + ".part")
    try:
        fh = open(part, "wb", buffering=1 << 20)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {_describe(exc)}") from None
    try:
        with fh:
            yield fh
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, path)


def _errors_path(output: object, errors: str | os.PathLike | None) -> str | None:
    if errors is not None:
        return os.fspath(errors)
    if isinstance(output, (str, os.PathLike)) and os.fspath(output) != STDIN:
        return os.fspath(output) + ".errors.jsonl"
    return None


def _own_files(output: object, errors_path: str | None) -> list[str]:
    """Paths this run writes: never to be read as input from a directory walk."""
    own = [errors_path] if errors_path else []
    if isinstance(output, (str, os.PathLike)) and os.fspath(output) != STDIN:
        own += [os.fspath(output), os.fspath(output) + ".part"]
    return own


def _total_bytes(sources: list[_Source]) -> int | None:
    """Input size for the progress bar, when it is known before reading."""
    if any(s.stdin or s.gz or s.error for s in sources):
        return None
    try:
        return sum(os.path.getsize(s.name) for s in sources)
    except OSError:
        return None


# ---- the run ----------------------------------------------------------------------

def run(paths: Iterable[str | os.PathLike], output: str | os.PathLike | BinaryIO,
        options: Options | None = None, *, workers: int = 1,
        errors: str | os.PathLike | None = None, fields: Fields = Fields(),
        stdin_format: str = "jsonl", stdin: BinaryIO | None = None,
        progress: bool | None = None, quiet: bool = False) -> Summary:
    """Clean every document under ``paths`` into JSON Lines at ``output`` (``-``: stdout).

    ``progress=None`` shows a bar when stderr is a terminal; ``quiet`` stops
    all stderr output (errors still go to the errors file). Raises
    :class:`UsageError` before any work when the run cannot start.
    """
    options = options or Options()
    workers = _worker_count(workers)
    errors_path = _errors_path(output, errors)
    sources, skipped = _expand(paths, stdin_format, exclude=_own_files(output, errors_path))
    _build_pipeline(options)
    from tqdm import tqdm
    show = sys.stderr.isatty() if progress is None else progress
    say = (lambda msg: None) if quiet else (lambda msg: tqdm.write(msg, file=sys.stderr))
    if skipped:
        say(f"cleaner run: skipped {skipped:,} files that are not {', '.join(SUFFIXES)}")
    reader = _Reader(sources, fields, stdin)
    summary = Summary(sources=len(sources))
    start = time.perf_counter()
    with _output(output) as out:
        log = _ErrorLog(errors_path, quiet, say)
        bar = tqdm(total=_total_bytes(sources), unit="B", unit_scale=True, desc="cleaning",
                   file=sys.stderr, disable=quiet or not show, dynamic_ncols=True)
        try:
            _drain(clean_records(reader, options, workers=workers), out, log, bar, summary)
        finally:
            bar.close()
            log.close()
    summary.seconds = time.perf_counter() - start
    summary.sources_read = reader.read
    summary.errors_path = errors_path if log.count and errors_path else None
    say(f"cleaner run: {summary.line()}")
    return summary


def _drain(results: Iterator[tuple[Item, Outcome]], out: BinaryIO, log: _ErrorLog,
           bar, summary: Summary) -> None:
    for item, outcome in results:
        summary.add(item, outcome)
        if outcome.line is not None:
            out.write(outcome.line)
        else:
            log.add(RecordError(item.source, item.line, item.id, outcome.reason or "unknown error"))
        bar.update(item.nbytes)


def _worker_count(workers: int) -> int:
    if workers < 0:
        raise UsageError(f"--workers must be 0 (all CPUs) or more, not {workers}")
    return workers or os.cpu_count() or 1


# ---- command line -------------------------------------------------------------------

def register(subparsers) -> None:
    """Add ``cleaner run`` to the command line."""
    parser = subparsers.add_parser(
        "run", help="clean a corpus: JSONL(.gz), text and HTML files, directories, stdin",
        description="Clean every document of a corpus into JSON Lines, in input order. "
                    "Bad records are reported and skipped; the run goes on.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .jsonl/.jsonl.gz, .txt or .html file, a directory of them, or - for stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="JSON Lines output; - for stdout")
    parser.add_argument("--errors", metavar="PATH",
                        help="where failed records are listed (default: OUTPUT.errors.jsonl; none for -o -)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (default: 1; 0: one per CPU)")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL id field (default: id)")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL text field (default: text)")
    parser.add_argument("--html-field", default="html", metavar="NAME",
                        help="JSONL HTML field, used when a record has no text (default: html)")
    parser.add_argument("--stdin-format", choices=STDIN_FORMATS, default="jsonl",
                        help="what - reads: JSON Lines (default) or one text or HTML document")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_pipeline_options(parser)
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    """``cleaner run``: 0 when the run completed, 1 when nothing could be read, 2 for usage
    errors, 130 when interrupted."""
    try:
        summary = run(args.inputs, args.output, options_from_args(args), workers=args.workers,
                      errors=args.errors, fields=Fields(args.id_field, args.text_field, args.html_field),
                      stdin_format=args.stdin_format, progress=False if args.no_progress else None)
    except UsageError as exc:
        print(f"cleaner run: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # the partial output is already removed
        print("cleaner run: interrupted; no output written", file=sys.stderr)
        return 130
    if summary.exit_code:
        print("cleaner run: error: no input could be read", file=sys.stderr)
    return summary.exit_code
