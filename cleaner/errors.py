"""Input validation: bad input is a clear error for one record, never a crash of the batch."""
from __future__ import annotations

MAX_CHARS = 20_000_000  # a document larger than this is refused, not half-processed


class InputError(ValueError):
    """A document that cannot be cleaned, with a reason a user can act on."""


def decode(data: str | bytes) -> str:
    """Return text for ``data`` or raise :class:`InputError` saying what is wrong."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise InputError("binary input (NUL bytes): not a text document")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None
    if not isinstance(data, str):
        raise InputError(f"expected text, got {type(data).__name__}")
    if "\x00" in data:
        raise InputError("text contains NUL characters: binary data, not a document")
    if len(data) > MAX_CHARS:
        raise InputError(f"document of {len(data):,} characters exceeds the limit of {MAX_CHARS:,}")
    return data  # offsets refer to this string: no newline or other rewriting here
