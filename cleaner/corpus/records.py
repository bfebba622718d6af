"""What flows through a run: records as read, errors, and the outcome of cleaning one."""
from __future__ import annotations

from dataclasses import asdict, dataclass, is_dataclass
from typing import NamedTuple, Union

import orjson
import regex

import cleaner

from .. import errors as _errors
from ..document import Document
from ..errors import InputError
from ..fields import merge, select
from ..options import Options
from ..result import CleanResult


@dataclass(frozen=True, slots=True)
class Fields:
    """JSONL field names: configurable because every corpus names them differently."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    output: tuple[str, ...] | None = None  # ``--fields``: what each output line holds (None: all)


@dataclass(frozen=True, slots=True)
class Record:
    """One document as read, before decoding: decoding happens per record, in the worker."""

    source: str
    line: int | None        # 1-based line of a JSONL record; None for a one-document file
    id: str | None
    content: str | bytes
    kind: str = "text"      # "text" or "html"
    nbytes: int = 0         # input bytes it took, for the MB counts
    extra: dict | None = None               # input fields passed through (cleaner.fields.merge)
    output: tuple[str, ...] | None = None   # the fields to write (cleaner.fields.select)


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
    empty: bool = False     # the output has no text (an empty input, or nothing was kept)


OUT_OF_MEMORY = "out of memory: cleaning this record needs more than the worker's memory limit"


def clean_record(item: Item, options: Options | None = None) -> Outcome:
    """Clean one record into its output line; any failure becomes a reason, never an exception."""
    if isinstance(item, RecordError):
        return Outcome(None, item.reason)
    try:
        return _clean(item, options or Options())
    except MemoryError:
        return Outcome(None, OUT_OF_MEMORY)
    except Exception as exc:  # one hostile document must not stop the batch
        return Outcome(None, reason(exc))


def _clean(record: Record, options: Options) -> Outcome:
    text = _errors.decode(record.content)
    if not text.strip():
        result = CleanResult(Document(text, id=record.id))
        return Outcome(dump(_fields(result.to_dict(), record)), empty=True)
    clean = _html_cleaner() if record.kind == "html" else cleaner.clean
    out = clean(text, id=record.id, options=options).to_dict(typed=True)  # dump() reads the dataclasses
    return Outcome(dump(_fields(out, record)), empty=not (out.get("text") or "").strip())


def _fields(out: dict, record: Record) -> dict:
    """The input's other fields added (never over the cleaner's), then the chosen ones kept."""
    if record.extra:
        out = merge(out, record.extra)
    return select(out, record.output)


def _html_cleaner():
    """``cleaner.clean_html``, looked up late: it arrives with another module."""
    clean_html = getattr(cleaner, "clean_html", None)
    if clean_html is None:
        raise InputError("HTML input needs cleaner.clean_html, which this installation does not provide")
    return clean_html


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def dump(obj: dict) -> bytes:
    """One JSON line. A lone surrogate (text that came in as broken UTF-16) is not valid
    UTF-8: it becomes U+FFFD, one character for one, so every offset still holds."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return orjson.dumps(_replace_surrogates(obj), option=orjson.OPT_APPEND_NEWLINE)


def _replace_surrogates(value):
    if is_dataclass(value):
        return _replace_surrogates(asdict(value))  # a typed record's segments and removals
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replace_surrogates(v) for v in value]
    return value


def reason(exc: BaseException) -> str:
    """One line a user can act on: the message of an input error, else the exception's name
    and first line."""
    if isinstance(exc, InputError):
        return str(exc)
    message = str(exc).strip().split("\n", 1)[0]
    return f"{type(exc).__name__}: {message}"[:500] if message else type(exc).__name__


def describe(exc: BaseException) -> str:
    """An OS error's own words ("No space left on device"), else its message."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
