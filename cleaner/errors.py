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


SAMPLE = 8192          # bytes or characters looked at to tell binary data from a document
MAX_CONTROL_SHARE = 0.03  # real text, in any encoding, has next to no control characters
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}
_CONTROL_TEXT = str.maketrans({c: None for c in [*_CONTROL, *range(0x80, 0xA0)]})


def refuse_binary(data: bytes, what: str) -> None:
    """NUL bytes or control characters near the start: an image, an archive, random bytes,
    not ``what``."""
    head = data[:SAMPLE]
    if b"\x00" in head:
        raise InputError(f"binary input (NUL bytes): not {what}")
    if head and sum(map(_CONTROL.__contains__, head)) > MAX_CONTROL_SHARE * len(head):
        raise InputError(f"binary input (control bytes): not {what}")


def refuse_garbage(text: str, what: str) -> None:
    """A text whose start is full of control characters is binary data decoded by mistake."""
    head = text[:SAMPLE]
    if head and len(head) - len(head.translate(_CONTROL_TEXT)) > MAX_CONTROL_SHARE * len(head):
        raise InputError(f"binary input (control characters): not {what}")


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
