"""Input validation: bad input is a clear error for one record, never a crash of the batch."""
from __future__ import annotations

MAX_CHARS = 20_000_000  # a document larger than this is refused, not half-processed


class InputError(ValueError):
    """A document that cannot be cleaned, with a reason a user can act on."""


def decode(data: str | bytes) -> str:
    """Return text for ``data`` or raise :class:`InputError` saying what is wrong."""
    if isinstance(data, bytes):
        refuse_binary(data, "a text document")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None
    return check_text(data, "text")  # offsets refer to this string: no newline or other rewriting here


def refuse_binary(data: bytes, what: str) -> None:
    """NUL bytes near the start: an image or an archive, not ``what``."""
    if b"\x00" in data[:8192]:
        raise InputError(f"binary input (NUL bytes): not {what}")


def check_text(data: object, expected: str) -> str:
    """``data`` if it is a string that can be a document, else :class:`InputError`."""
    if not isinstance(data, str):
        raise InputError(f"expected {expected}, got {type(data).__name__}")
    if "\x00" in data:
        raise InputError("text contains NUL characters: binary data, not a document")
    check_size(len(data), "characters")
    return data


def check_size(size: int, unit: str) -> None:
    """Refuse a document over the size limit (``unit``: what ``size`` counts)."""
    if size > MAX_CHARS:
        raise InputError(f"document of {size:,} {unit} exceeds the limit of {MAX_CHARS:,}")
