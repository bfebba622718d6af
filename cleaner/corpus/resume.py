"""Checkpoints: how a killed run continues where it stopped (``cleaner run --resume``).

While a run writes ``OUTPUT.part`` it keeps ``OUTPUT.resume``, a small JSON
file replaced atomically (written beside, then renamed) about once a second:
how many input records are done, how many bytes of the output and errors
files hold them (complete lines, complete compressed chunks), the counts so
far, and a signature of the inputs and options. Before each checkpoint both
files are flushed, so the bytes it names are on their way to the disk.

``--resume`` cuts both files back to the checkpoint's sizes, skips that many
records of the input (they are read again, not cleaned again) and goes on:
records after the checkpoint are cleaned again and written once. The run's
output is then byte for byte what an uninterrupted run writes. A checkpoint
from other inputs or options is refused.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from .inputs import Source, UsageError
from .records import describe

VERSION = 1
EVERY_SECONDS = 1.0


def state_path(output: str | os.PathLike) -> str:
    return os.fspath(output) + ".resume"


def signature(sources: list[Source], settings: dict[str, Any]) -> dict[str, Any]:
    """What must not change between a run and its resumption: the inputs (names, sizes,
    modification times) and every setting that changes the output."""
    inputs = []
    for source in sources:
        try:
            info = os.stat(source.name)
            inputs.append([source.name, info.st_size, info.st_mtime_ns])
        except OSError:
            inputs.append([source.name, None, None])
    return {"version": VERSION, "inputs": inputs, "settings": settings}


@dataclass
class Checkpoint:
    signature: dict[str, Any]
    records: int = 0        # input records done (written or failed)
    output_bytes: int = 0
    errors_bytes: int = 0
    counts: dict[str, Any] = field(default_factory=dict)

    def save(self, path: str) -> None:
        """Replace the checkpoint atomically: a kill at any moment leaves the old or the new."""
        tmp = path + ".tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(orjson.dumps(asdict(self)))
            os.replace(tmp, path)
        except OSError as exc:
            from .outputs import OutputError
            raise OutputError(f"cannot write {path}: {describe(exc)}") from None

    @classmethod
    def load(cls, path: str, expected: dict[str, Any]) -> "Checkpoint | None":
        """The checkpoint at ``path`` (None when there is none); refused when it belongs to
        a run of other inputs or options."""
        try:
            with open(path, "rb") as fh:
                data = orjson.loads(fh.read())
        except FileNotFoundError:
            return None
        except (OSError, orjson.JSONDecodeError) as exc:
            raise UsageError(f"cannot read checkpoint {path}: {describe(exc)}") from None
        checkpoint = cls(**data)
        if checkpoint.signature != orjson.loads(orjson.dumps(expected)):
            raise UsageError(f"{path} is the checkpoint of a run with other inputs or options "
                             "(or an input changed since): run without --resume to start again")
        return checkpoint


def remove(path: str) -> None:
    for name in (path, path + ".tmp"):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
