"""Cleaning records in worker processes, each record under a hard time budget.

A worker takes a batch, cleans its records one by one and sends each result
back as soon as it is ready. The parent knows what every worker is working on
and since when: a worker that has not answered within the time budget is
killed, its record fails as ``timeout``, the rest of its batch goes to the
other workers and a fresh worker takes its place. A worker that dies (out of
memory, a crash in native code) fails only the record it was cleaning.
Results come out in input order; at most ``IN_FLIGHT_PER_WORKER`` records
(and ``IN_FLIGHT_BYTES_PER_WORKER`` bytes) a worker are read ahead, so memory
stays flat whatever the corpus size.

Workers ignore SIGINT (the parent decides what an interruption means), and
ask the kernel to kill them when the parent dies, so no worker outlives its
run, even one ended with SIGKILL.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator

from ..options import Options
from .records import Item, Outcome, clean_record, reason

BATCH_DOCS = 16             # records sent to a worker at once
BATCH_BYTES = 4_000_000     # ... or fewer, so a batch of large documents stays small
IN_FLIGHT_PER_WORKER = 64   # records read but not yet written, per worker ...
IN_FLIGHT_BYTES_PER_WORKER = 2 * BATCH_BYTES  # ... and their bytes (one larger record still goes)
WORKER_DIED = "worker process died while cleaning this record (out of memory or a crash in native code)"
PARENT_CHECK = 1.0          # seconds between a worker's checks that its parent is alive


def timeout_reason(seconds: float) -> str:
    return f"timeout: cleaning took more than {seconds:g} s"


def clean_records(items: Iterable[Item], options: Options | None = None, *,
                  workers: int = 1, timeout: float | None = None,
                  max_memory: int | None = None) -> Iterator[tuple[Item, Outcome]]:
    """Clean a stream of records, yielding ``(item, outcome)`` in input order.

    ``timeout`` (seconds a record; None or 0: no limit) and ``max_memory``
    (bytes of heap a worker may hold) are enforced in worker processes, so
    either needs one even with ``workers=1``; with neither and one worker,
    records are cleaned in this process.
    """
    options = options or Options()
    if workers <= 1 and not timeout and not max_memory:
        return ((item, clean_record(item, options)) for item in items)
    return _Pool(max(workers, 1), options, timeout or None, max_memory or None).run(items)


class _Worker:
    """One worker process, the records sent to it and not yet answered, and since when the
    first of them has been worked on."""

    def __init__(self, context, options: Options, max_memory: int | None):
        parent, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, os.getpid(), max_memory),
                                       daemon=True)
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.queue: deque[tuple[int, Item]] = deque()
        self.since = time.monotonic()

    def send(self, batch: list[tuple[int, Item]]) -> None:
        self.queue.extend(batch)
        self.since = time.monotonic()
        self.conn.send(batch)

    def stop(self) -> None:
        """Kill at once: a stuck worker does not answer, an idle one has nothing to lose."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Pool:
    def __init__(self, count: int, options: Options, timeout: float | None, max_memory: int | None):
        self.count, self.options, self.timeout, self.max_memory = count, options, timeout, max_memory
        self.context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                   else "spawn")
        self.workers: list[_Worker] = []
        self.retry: deque[tuple[int, Item]] = deque()  # records a stopped worker had not started
        self.done: dict[int, Outcome] = {}   # outcomes not yet yielded, by sequence number
        self.held: dict[int, Item] = {}      # records read and not yet yielded
        self.read = 0                        # records read so far (the next sequence number)
        self.held_bytes = 0
        self.source: Iterator[Item] | None = None  # None once the input has run out

    def run(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome]]:
        self.source = iter(items)
        written = 0
        limit = IN_FLIGHT_PER_WORKER * self.count
        try:
            self.workers = [self._start() for _ in range(self.count)]
            while True:
                for worker in list(self.workers):
                    if not worker.queue and (batch := self._next_batch(limit - (self.read - written))):
                        try:
                            worker.send(batch)
                        except OSError:  # it died since its last result: none of these was started
                            self._replace(worker, None)
                while written in self.done:
                    item = self.held.pop(written)
                    self.held_bytes -= item.nbytes
                    yield item, self.done.pop(written)
                    written += 1
                if self.source is None and not self.retry and written == self.read:
                    return
                self._wait()
        finally:
            for worker in self.workers:
                worker.stop()

    def _next_batch(self, room: int) -> list[tuple[int, Item]]:
        """Records to retry first; else new records while there is room (``room``: how many
        more may be read ahead)."""
        batch: list[tuple[int, Item]] = []
        while self.retry and len(batch) < BATCH_DOCS:
            batch.append(self.retry.popleft())
        size = 0
        max_bytes = IN_FLIGHT_BYTES_PER_WORKER * self.count
        while not batch or (len(batch) < BATCH_DOCS and size < BATCH_BYTES):
            if self.source is None or len(batch) >= room or (self.held and self.held_bytes >= max_bytes):
                break
            item = next(self.source, None)
            if item is None:
                self.source = None
                break
            batch.append((self.read, item))
            self.held[self.read] = item
            self.held_bytes += item.nbytes
            self.read += 1
            size += item.nbytes
        return batch

    def _wait(self) -> None:
        """Collect what is ready; stop the workers past their budget or dead."""
        busy = [w for w in self.workers if w.queue]
        if not busy:
            return
        now = time.monotonic()
        budget = None if self.timeout is None else max(0.0, min(w.since for w in busy) + self.timeout - now)
        ready = wait([w.conn for w in busy], budget)
        for worker in busy:
            if worker.conn in ready or worker.conn.poll():  # a result may have come since wait()
                self._receive(worker)
            elif self.timeout is not None and time.monotonic() - worker.since >= self.timeout:
                self._replace(worker, timeout_reason(self.timeout))

    def _receive(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                seq, outcome = worker.conn.recv()
                worker.queue.popleft()
                self.done[seq] = outcome
                worker.since = time.monotonic()
                if not worker.queue:
                    break
        except (EOFError, OSError):
            self._replace(worker, WORKER_DIED)
        except Exception as exc:  # an outcome that could not be unpickled
            seq, _ = worker.queue.popleft()
            self.done[seq] = Outcome(None, reason(exc))

    def _replace(self, worker: _Worker, why: str | None) -> None:
        """The worker's current record fails with ``why`` (None: it never started); the records
        after it are retried."""
        worker.stop()
        if worker.queue and why is not None:
            seq, _ = worker.queue.popleft()
            self.done[seq] = Outcome(None, why)
        self.retry.extendleft(reversed(worker.queue))
        self.workers[self.workers.index(worker)] = self._start()

    def _start(self) -> _Worker:
        return _Worker(self.context, self.options, self.max_memory)


def _work(conn: Connection, options: Options, parent: int, max_memory: int | None) -> None:
    """A worker's life: batches in, one result out per record, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    if max_memory:
        _limit_memory(max_memory)
    while True:
        if not conn.poll(PARENT_CHECK):
            if os.getppid() != parent:
                return
            continue
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        for seq, item in batch:
            conn.send((seq, clean_record(item, options)))


def _limit_memory(limit: int) -> None:
    """Cap the worker's heap (RLIMIT_DATA: what Python allocates, not the shared libraries):
    a record that needs more fails with MemoryError, or kills only this worker."""
    import resource
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _die_with(parent: int) -> None:
    """Ask Linux to send SIGKILL when the parent dies (elsewhere the poll loop notices)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(0)
