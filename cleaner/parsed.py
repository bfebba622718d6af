"""The package's own data files, parsed once and then read back as ``marshal``.

The built-in rule files (and the chrome words) are read on every start-up;
parsing them with ``tomllib``, which is pure Python, was about a tenth of the CPU
time of ``cleaner clean`` on a short file. Their parsed form is kept the
way Python keeps byte code: in ``__pycache__`` beside the file (or under
``sys.pycache_prefix``), marked with a hash of the file's text, and trusted only
while that hash matches. The file stays the source of truth: an edited file is
parsed again, and a cache that cannot be read, written or trusted is ignored.
Only the package's own files go through here; a user's file is parsed as given.
Paths are strings (``os.path``): ``pathlib`` costs as much to import as the
parse of a rule file.
"""
from __future__ import annotations

import marshal
import os
import sys

try:  # the hash alone: importing hashlib loads OpenSSL, which costs more than the parse saves
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the built-in module
    from hashlib import blake2b


def toml(path: str | os.PathLike) -> dict:
    """``tomllib.loads`` of ``path``'s text; raises what it raises."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    key = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    target = _cache_path(path)
    found = _read(target, key)
    if found is not None:
        return found[0]
    data = _parse(text)
    _write(target, key, data)
    return data


def _parse(text: str) -> dict:
    import tomllib
    return tomllib.loads(text)


def _cache_path(path: str | os.PathLike) -> str:
    """Where byte code of a module beside ``path`` would go, named after the file."""
    folder, name = os.path.split(os.path.abspath(path))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, folder.lstrip(os.sep))
    else:
        folder = os.path.join(folder, "__pycache__")
    return os.path.join(folder, f"{name}.{sys.implementation.cache_tag}.marshal")


def _read(target: str, key: bytes) -> tuple[object] | None:
    """The cached data in a one-tuple, or None when there is none for this text."""
    try:
        with open(target, "rb") as handle:
            stored_key, data = marshal.loads(handle.read())
    except Exception:  # missing, unreadable, truncated or of another shape: parse instead
        return None
    return (data,) if stored_key == key else None


def _write(target: str, key: bytes, data: object) -> None:
    """Store ``data`` for the text hashed as ``key``; a place that cannot be written (a
    read-only install) or data marshal cannot hold leaves things as they were."""
    if sys.dont_write_bytecode:
        return
    partial = f"{target}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps((key, data))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(blob)
        os.replace(partial, target)  # whole or not at all, for a process reading it meanwhile
    except (OSError, ValueError):
        try:
            os.unlink(partial)
        except OSError:
            pass
