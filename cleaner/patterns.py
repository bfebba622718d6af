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


class Engine:
    """A pattern the engine matches (``cleaner._core.Pattern``: finite automata, time linear
    in the text), compiled on first use, for the hot yes-or-no tests of the comment stages.

    ``search`` and ``match`` answer as the ``regex`` module does on the same source. Text
    with a line end is read by the ``regex`` module: there ``$`` also matches before a
    final line end, as the engine's does not (the comment stages mostly read display
    text, which has none)."""

    __slots__ = ("source", "_search", "_match", "_python")

    def __init__(self, source: str):
        self.source = source
        self._search = self._match = self._python = None

    def search(self, text: str) -> bool:
        if "\n" in text:
            return bool(self.python.search(text))
        if self._search is None:
            from ._core import Pattern
            self._search = Pattern(self.source)
        return self._search.search(text)

    def match(self, text: str) -> bool:
        if "\n" in text:
            return bool(self.python.match(text))
        if self._match is None:
            from ._core import Pattern
            self._match = Pattern(rf"^(?:{self.source})")
        return self._match.search(text)

    @property
    def python(self) -> regex.Pattern:
        """The same pattern in the ``regex`` module (the reference the tests compare with)."""
        if self._python is None:
            self._python = regex.compile(self.source)
        return self._python


def engine(source: str) -> Engine:
    """``source`` (Python ``regex`` syntax) for yes-or-no tests run by the engine."""
    return Engine(source)
