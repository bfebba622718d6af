"""One corpus run: inputs through the worker pool into the output, with checkpoints."""
from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from typing import BinaryIO, Iterable, Iterator

from ..options import Options
from . import resume as _resume
from .inputs import COMPRESSED, Reader, Source, UsageError, expand, SUFFIXES
from .outputs import ErrorLog, OutputError, Sink, errors_path, is_path, is_special, part_path
from .pool import clean_records
from .records import Fields, Item, Outcome, RecordError, reason

DEFAULT_TIMEOUT = 30.0   # seconds a record may take in `cleaner run`

# Exit codes of `cleaner run`.
EXIT_OK = 0
EXIT_FAILURES = 1        # more failed records than --max-failures allows
EXIT_USAGE = 2
EXIT_OUTPUT = 3          # the output or errors file cannot be written
EXIT_NO_INPUT = 4        # no input could be read at all
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: the run stops as it does on Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


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
    timeouts: int = 0

    COUNTS = ("docs_in", "docs_out", "failed", "empty", "bytes_in", "timeouts")

    @property
    def mb(self) -> float:
        return self.bytes_in / 1e6

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds if self.seconds > 0 else 0.0

    def exit_code(self, max_failures: int | None = None) -> int:
        """0 when the run completed (failed records included, unless more than
        ``max_failures`` failed), :data:`EXIT_NO_INPUT` when nothing could be read."""
        if not self.sources_read:
            return EXIT_NO_INPUT
        if max_failures is not None and self.failed > max_failures:
            return EXIT_FAILURES
        return EXIT_OK

    def add(self, item: Item, outcome: Outcome) -> None:
        self.docs_in += 1
        self.bytes_in += item.nbytes
        if outcome.line is None:
            self.failed += 1
            self.timeouts += (outcome.reason or "").startswith("timeout:")
        else:
            self.docs_out += 1
            self.empty += outcome.empty

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.COUNTS}

    def line(self) -> str:
        timeouts = f" ({self.timeouts:,} timed out)" if self.timeouts else ""
        text = (f"{self.docs_in:,} documents in, {self.docs_out:,} out ({self.empty:,} empty), "
                f"{self.failed:,} failed{timeouts}; {self.mb:,.2f} MB in {self.seconds:,.1f} s "
                f"({self.mb_per_s:,.1f} MB/s)")
        return text + (f"; errors in {self.errors_path}" if self.errors_path else "")


def run(paths: Iterable[str | os.PathLike], output: str | os.PathLike | BinaryIO,
        options: Options | None = None, *, workers: int = 1,
        errors: str | os.PathLike | None = None, fields: Fields = Fields(),
        stdin_format: str = "jsonl", stdin: BinaryIO | None = None,
        progress: bool | None = None, quiet: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT, resume: bool = False,
        max_memory: int | None = None) -> Summary:
    """Clean every document under ``paths`` into JSON Lines at ``output`` (``-``: stdout).

    ``timeout``: seconds a record may take (None or 0: no limit; a limit
    runs the cleaning in worker processes). ``max_memory``: bytes of heap a
    worker may hold (None: no limit). ``resume``: continue an
    interrupted run into the same output from its checkpoint.
    ``progress=None`` shows a bar when stderr is a terminal; ``quiet`` stops
    all stderr output (errors still go to the errors file). Raises
    :class:`UsageError` before any work when the run cannot start,
    :class:`OutputError` when the output cannot be written, and
    ``KeyboardInterrupt`` or :class:`Interrupted` on a signal (the
    checkpoint stays for ``resume``).
    """
    options = options or Options()
    workers = worker_count(workers)
    if timeout is not None and timeout < 0:
        raise UsageError(f"--timeout must be 0 (no limit) or more, not {timeout:g}")
    if max_memory is not None and max_memory < 0:
        raise UsageError(f"--max-memory must be 0 (no limit) or more, not {max_memory}")
    err_path = errors_path(output, errors)
    sources, skipped = expand(paths, stdin_format, exclude=own_files(output, err_path))
    build_pipeline(options)
    from tqdm import tqdm
    say = (lambda msg: None) if quiet else (lambda msg: tqdm.write(msg, file=sys.stderr))
    if skipped:
        say(f"cleaner run: skipped {skipped:,} files that are not {', '.join(SUFFIXES)}")
    state = _resume.state_path(output) if is_path(output) and not is_special(output) else None
    sig = _resume.signature(sources, {"options": _settings(options), "fields": asdict(fields),
                                      "stdin_format": stdin_format, "errors": err_path})
    checkpoint = _checkpoint(state, sources, sig, say) if resume else None
    if state and checkpoint is None:
        _resume.remove(state)  # an interrupted run's checkpoint, not continued: start anew
    done = checkpoint.records if checkpoint else 0
    summary = Summary(sources=len(sources), **(checkpoint.counts if checkpoint else {}))
    sink = Sink.open(output, keep=checkpoint.output_bytes if checkpoint else None)
    log = ErrorLog(err_path, quiet, say, keep=checkpoint.errors_bytes if checkpoint else None,
                   count=summary.failed)
    reader = Reader(sources, fields, stdin)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=_total_bytes(sources), initial=summary.bytes_in, unit="B", unit_scale=True,
               desc="cleaning", file=sys.stderr, disable=quiet or not show, dynamic_ncols=True)
    start = time.perf_counter()
    try:
        with _signals_interrupt():
            results = clean_records(itertools.islice(reader, done, None), options,
                                    workers=workers, timeout=timeout, max_memory=max_memory)
            with closing(results):  # ends the workers now, whatever stops the run
                _drain(results, sink, log, bar, summary, state, sig)
        sink.close()
        log.close()
        log.commit()
        sink.commit()
    except BaseException:
        sink.abandon()
        log.abandon()
        if isinstance(sys.exc_info()[1], (KeyboardInterrupt, Interrupted, OutputError)) and state \
                and os.path.exists(state):
            say(f"cleaner run: stopped; the records done so far are kept in {part_path(output)}: "
                "run again with --resume to continue")
        elif state:
            _discard(output, err_path, state)
        raise
    finally:
        bar.close()
    if state:
        _resume.remove(state)
    summary.seconds = time.perf_counter() - start
    summary.sources_read = reader.read
    summary.errors_path = err_path if log.count and err_path else None
    say(f"cleaner run: {summary.line()}")
    return summary


def _settings(options: Options) -> dict:
    """The options as the same JSON in every process (sets sorted: their order is hashed)."""
    return {name: sorted(value) if isinstance(value, frozenset) else value
            for name, value in asdict(options).items()}


def _checkpoint(state: str | None, sources: list[Source], sig: dict, say) -> _resume.Checkpoint | None:
    if state is None:
        raise UsageError("--resume needs an output file (not stdout, a device or a pipe)")
    if any(s.stdin for s in sources):
        raise UsageError("--resume cannot read stdin again: give the input as a file")
    checkpoint = _resume.Checkpoint.load(state, sig)
    if checkpoint is None:
        say("cleaner run: no checkpoint to resume from; starting from the beginning")
    return checkpoint


def _drain(results: Iterator[tuple[Item, Outcome]], sink: Sink, log: ErrorLog, bar,
           summary: Summary, state: str | None, sig: dict) -> None:
    last = time.monotonic()
    for item, outcome in results:
        summary.add(item, outcome)
        if outcome.line is not None:
            sink.write(outcome.line)
        else:
            log.add(RecordError(item.source, item.line, item.id, outcome.reason or "unknown error"))
        bar.update(item.nbytes)
        if state and time.monotonic() - last >= _resume.EVERY_SECONDS:
            _save(sink, log, summary, state, sig)
            last = time.monotonic()


def _save(sink: Sink, log: ErrorLog, summary: Summary, state: str, sig: dict) -> None:
    """Flush both files, then record how far they go: the checkpoint never names bytes
    that were not handed to the OS."""
    sink.flush()
    log.flush()
    _resume.Checkpoint(sig, summary.docs_in, sink.written, log.written, summary.counts()).save(state)


def _discard(output, err_path: str | None, state: str) -> None:
    """A run that failed for another reason leaves nothing behind."""
    for path in (part_path(output), part_path(err_path) if err_path else None):
        if path:
            try:
                os.unlink(path)
            except OSError:
                pass
    _resume.remove(state)


@contextmanager
def _signals_interrupt():
    """SIGTERM (what job schedulers send) and SIGHUP stop the run as Ctrl-C does: workers
    ended, checkpoint kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Interrupted(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def build_pipeline(options: Options) -> None:
    """Build the pipeline before reading: a bad rules file is one clear error, not one per
    record, and forked workers inherit the compiled rules."""
    try:
        from ..pipeline import cached_pipeline
        cached_pipeline(options)
    except Exception as exc:
        raise UsageError(f"cannot build the cleaning pipeline: {reason(exc)}") from exc


def own_files(output: object, err_path: str | None) -> list[str]:
    """Paths this run writes: never to be read as input from a directory walk."""
    own = [err_path, part_path(err_path)] if err_path else []
    if is_path(output):
        name = os.fspath(output)
        own += [name, part_path(name), _resume.state_path(name)]
    return own


def _total_bytes(sources: list[Source]) -> int | None:
    """Input size for the progress bar, when it is known before reading."""
    if any(s.stdin or s.error or s.name.lower().endswith(COMPRESSED) for s in sources):
        return None
    try:
        return sum(os.path.getsize(s.name) for s in sources)
    except OSError:
        return None


def worker_count(workers: int) -> int:
    if workers < 0:
        raise UsageError(f"--workers must be 0 (all CPUs) or more, not {workers}")
    return workers or os.cpu_count() or 1
