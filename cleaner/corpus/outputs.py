"""Where a run writes: the output lines, the errors file, and how they reach the disk.

* A **regular file** (or a new path) is written as ``PATH.part`` and renamed
  onto ``PATH`` when the run completes: an interrupted run never leaves a
  file that looks complete. The errors file beside it is written the same
  way and renamed just before the output, so the pair on disk always comes
  from one run.
* A **device or pipe** (``/dev/null``, ``/dev/full``, ``>(gzip > x.gz)``, a
  FIFO) is written directly: renaming a file onto it would replace the device
  node. So is ``-`` (stdout).
* **Compression** follows the output's name: ``.gz`` (gzip) or ``.zst``
  (zstd, with the ``zstandard`` package). Output is compressed a chunk at a
  time, each chunk a complete gzip member or zstd frame: a run resumed after
  a kill can cut the file at the last complete chunk and go on, and every
  tool reads the concatenation as one stream.
* Any failure to write (disk full, a read-only file system, a closed pipe)
  is an :class:`OutputError`: one line for the user, its own exit code.
"""
from __future__ import annotations

import gzip
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Callable

from .inputs import STDIN, UsageError
from .records import RecordError, describe, dump

FLUSH_BYTES = 1 << 20      # output buffered before it is compressed and written to a file
STREAM_FLUSH_BYTES = 1 << 16  # ... and to stdout, a pipe or a device, whose reader is waiting
MAX_STDERR_ERRORS = 100    # beyond this, failures go only to the errors file


class OutputError(OSError):
    """The output or errors file cannot be written (exit code 3)."""


def is_path(output: object) -> bool:
    return isinstance(output, (str, os.PathLike)) and os.fspath(output) != STDIN


def is_special(path: str | os.PathLike) -> bool:
    """An existing path that is not a regular file: a device, a pipe, a socket."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def part_path(path: str | os.PathLike) -> str:
    return os.fspath(path) + ".part"


def compressor(name: str) -> Callable[[bytes], bytes] | None:
    """How a chunk of output is encoded, chosen by the file name's suffix."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        return lambda data: gzip.compress(data, mtime=0)
    if lowered.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise UsageError(f"{name}: writing .zst needs the zstandard package") from None
        return zstandard.ZstdCompressor().compress
    return None


class Sink:
    """A byte stream written in chunks; knows how many bytes reached the file."""

    def __init__(self, name: str, fh: BinaryIO, encode: Callable[[bytes], bytes] | None,
                 final: str | None = None, own: bool = True):
        self.name, self.fh, self.encode, self.final, self.own = name, fh, encode, final, own
        self.buffer: list[bytes] = []
        self.buffered = 0
        self.written = 0  # bytes in the file, all of them complete chunks
        self.flush_bytes = FLUSH_BYTES if final is not None else STREAM_FLUSH_BYTES

    @classmethod
    def open(cls, output: str | os.PathLike | BinaryIO, *, keep: int | None = None) -> "Sink":
        """A sink for ``output``; ``keep`` (resuming) keeps the first ``keep`` bytes of the
        ``.part`` file of an earlier run instead of starting it anew."""
        if not is_path(output):
            fh = output if hasattr(output, "write") else sys.stdout.buffer
            return cls("<stdout>" if fh is sys.stdout.buffer else getattr(fh, "name", "<stream>"),
                       fh, None, own=False)
        name = os.fspath(output)
        encode = compressor(name)
        if is_special(name):
            return cls(name, _open(name, "wb"), encode)
        part = part_path(name)
        if keep is None:
            return cls(name, _open(part, "wb"), encode, final=name)
        fh = _open(part, "r+b")
        try:
            fh.truncate(keep)
            fh.seek(keep)
        except OSError as exc:
            raise OutputError(f"cannot write {part}: {describe(exc)}") from None
        sink = cls(name, fh, encode, final=name)
        sink.written = keep
        return sink

    @property
    def resumable(self) -> bool:
        return self.final is not None

    def write(self, data: bytes) -> None:
        self.buffer.append(data)
        self.buffered += len(data)
        if self.buffered >= self.flush_bytes:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered as one complete chunk and hand it to the OS."""
        data = b"".join(self.buffer)
        self.buffer, self.buffered = [], 0
        if self.encode is not None and data:
            data = self.encode(data)
        try:
            if data:
                self.fh.write(data)
            self.fh.flush()
        except BrokenPipeError:
            raise  # the reader went away (`cleaner run … -o - | head`): not a failure to report
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {describe(exc)}") from None
        self.written += len(data)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self.own:
                try:
                    self.fh.close()
                except OSError as exc:
                    raise OutputError(f"cannot write {self.name}: {describe(exc)}") from None

    def abandon(self) -> None:
        """Close without flushing what is buffered (an interrupted run keeps its checkpoint)."""
        if self.own:
            try:
                self.fh.close()
            except OSError:
                pass

    def commit(self) -> None:
        """Put the finished ``.part`` file in place."""
        if self.final is not None:
            _rename(part_path(self.final), self.final)


def _open(path: str, mode: str) -> BinaryIO:
    try:
        return open(path, mode)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {describe(exc)}") from None


def _rename(part: str, final: str) -> None:
    try:
        os.replace(part, final)
    except OSError as exc:
        raise OutputError(f"cannot rename {part} to {final}: {describe(exc)}") from None


class ErrorLog:
    """Failed records go to stderr and to the errors file (``ERRORS.part`` until the run ends).

    The file is created only when a failure arrives; at the end of a run
    without failures, a stale errors file from an earlier run is removed, so
    the errors file always describes the output beside it.
    """

    def __init__(self, path: str | None, quiet: bool, say: Callable[[str], None], *,
                 keep: int | None = None, count: int = 0):
        self.path, self.quiet, self.say = path, quiet, say
        self.count = count
        self.sink: Sink | None = None
        if path and (keep or count):
            self.sink = Sink.open(path, keep=keep or 0)
        elif path and os.path.exists(part_path(path)) and not is_special(path):
            Path(part_path(path)).unlink()  # left by an interrupted run that is not resumed

    @property
    def written(self) -> int:
        return self.sink.written if self.sink else 0

    def add(self, error: RecordError) -> None:
        self.count += 1
        if self.path:
            if self.sink is None:
                self.sink = Sink.open(self.path)
            self.sink.write(dump(error.to_dict()))
        if not self.quiet:
            self._show(error)

    def _show(self, error: RecordError) -> None:
        if self.path and self.count > MAX_STDERR_ERRORS:
            if self.count == MAX_STDERR_ERRORS + 1:
                self.say(f"cleaner run: further failures are listed only in {self.path}")
            return
        where = f"{error.source}:{error.line}" if error.line else error.source
        named = f" [id {error.id}]" if error.id and error.id != error.source else ""
        self.say(f"cleaner run: {where}{named}: {error.reason}")

    def flush(self) -> None:
        if self.sink is not None:
            self.sink.flush()

    def close(self) -> None:
        if self.sink is not None:
            self.sink.close()

    def abandon(self) -> None:
        if self.sink is not None:
            self.sink.abandon()

    def commit(self) -> None:
        """The errors file in place, or a stale one gone when this run had no failures."""
        if self.sink is not None:
            self.sink.commit()
        elif self.path and not is_special(self.path):
            try:
                Path(self.path).unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot remove stale errors file {self.path}: {describe(exc)}") from None


def errors_path(output: object, errors: str | os.PathLike | None) -> str | None:
    """``--errors``, else ``OUTPUT.errors.jsonl`` beside a regular output file; none beside
    stdout or a device (``/dev/null.errors.jsonl`` is no place for it)."""
    if errors is not None:
        return os.fspath(errors)
    if is_path(output) and not is_special(output):
        return os.fspath(output) + ".errors.jsonl"
    return None
