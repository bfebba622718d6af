"""Regular expressions compiled when first used.

The stages hold many patterns, and most serve a few lines of a few pages;
compiling them all when the package is imported (the ``regex`` module compiles
in Python) was most of the command line's start-up. ``lazy(source)`` stands in
for ``regex.compile(source)``; ``settle(globals())`` at the end of a module lets
each pattern, once compiled, take its own place among the module's names, so a
pattern in use costs nothing more than a compiled one.
"""
from __future__ import annotations

from typing import Any

import regex


class Lazy:
    """A pattern compiled on first use (any attribute: ``search``, ``sub``, ``pattern``…)."""

    __slots__ = ("args", "compiled", "home", "name")

    def __init__(self, *args: Any):
        self.args, self.compiled, self.home, self.name = args, None, None, None

    def __getattr__(self, attr: str) -> Any:
        if self.compiled is None:
            self.compiled = regex.compile(*self.args)
            if self.home is not None:
                self.home[self.name] = self.compiled
        return getattr(self.compiled, attr)


def lazy(*args: Any) -> Any:
    """``regex.compile(*args)``, when the pattern is first used."""
    return Lazy(*args)


def settle(namespace: dict[str, Any]) -> None:
    """Let the module's lazy patterns replace themselves by name once compiled."""
    for name, value in namespace.items():
        if isinstance(value, Lazy):
            value.home, value.name = namespace, name
