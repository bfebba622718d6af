"""Regular expressions compiled when first used.

The stages hold many patterns, and most serve a few lines of a few pages;
compiling them all when the package is imported (the ``regex`` module compiles
in Python) was most of the command line's start-up. ``lazy(source)`` stands in
for ``regex.compile(source)``, ``lazy_re(source)`` for ``re.compile(source)``;
``settle(globals())`` at the end of a module lets each pattern, once compiled,
take its own place among the module's names, so a pattern in use costs nothing
more than a compiled one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex


def _regex_compile(*args: Any) -> Any:
    """``regex.compile``: the module is imported with the first pattern compiled, as a
    short text may need none (importing it was a tenth of a start-up)."""
    import regex
    return regex.compile(*args)


class Lazy:
    """A pattern compiled on first use (any attribute: ``search``, ``sub``, ``pattern``…)."""

    __slots__ = ("args", "compiled", "home", "name")
    compile = staticmethod(_regex_compile)

    def __init__(self, *args: Any):
        self.args, self.compiled, self.home, self.name = args, None, None, None

    def __getattr__(self, attr: str) -> Any:
        if self.compiled is None:
            self.compiled = self.compile(*self.args)
            if self.home is not None:
                self.home[self.name] = self.compiled
        return getattr(self.compiled, attr)


class LazyRe(Lazy):
    """A pattern of the standard library's ``re``, compiled on first use."""

    __slots__ = ()
    compile = staticmethod(re.compile)


def lazy(*args: Any) -> Any:
    """``regex.compile(*args)``, when the pattern is first used."""
    return Lazy(*args)


def lazy_re(*args: Any) -> Any:
    """``re.compile(*args)``, when the pattern is first used."""
    return LazyRe(*args)


#: Seconds a pattern of the ``regex`` module may take per character of its text, beyond
#: its base limit. A pattern written to run in linear time still takes time in proportion
#: to its text: the slowest date pattern reads about 4 MB/s, so a fixed limit of 0.2 s
#: failed the document of a page printed on one line of 1 MB. Forty times that speed
#: leaves room for a loaded machine; only catastrophic backtracking reaches the limit.
PER_CHARACTER = 1e-5


def budget(text: str, base: float = 0.2) -> float:
    """The time limit (``timeout=``) for one call of a ``regex`` pattern on ``text``."""
    return base + len(text) * PER_CHARACTER


def settle(namespace: dict[str, Any]) -> None:
    """Let the module's lazy patterns replace themselves by name once compiled."""
    for name, value in namespace.items():
        if isinstance(value, Lazy):
            value.home, value.name = namespace, name


class Engine:
    """A pattern the engine matches (``cleaner._core.Pattern``: finite automata, time linear
    in the text), compiled on first use, for the hot yes-or-no tests of the comment stages.

    ``search`` and ``match`` answer as the ``regex`` module does on ``source``: the
    engine's gate (the pattern loosened into a superset the fast automata run) first,
    the pattern itself only past it. ``linear``, when given, is the same pattern written
    for the automata, used by ``search`` (``match`` reads ``source``): a word boundary as
    the character beside it, since Unicode boundaries keep the automata off their fast
    path; the tests hold it to ``source``. Text with a line
    end is read by the ``regex`` module: there ``$`` also matches before a final line
    end, as the engine's does not (the comment stages mostly read display text, which
    has none)."""

    __slots__ = ("source", "linear", "_search", "_match", "_python")

    def __init__(self, source: str, linear: str | None = None):
        self.source, self.linear = source, linear or source
        self._search = self._match = self._python = None

    def _searcher(self):
        if self._search is None:
            from ._core import Pattern
            self._search = Pattern(self.linear)
        return self._search

    def _matcher(self):
        if self._match is None:
            from ._core import Pattern
            self._match = Pattern(rf"^(?:{self.source})")  # a rewrite is made for search only
        return self._match

    def search(self, text: str) -> bool:
        if "\n" in text:
            return bool(self.python.search(text))
        return (self._search or self._searcher()).test(text)

    def match(self, text: str) -> bool:
        if "\n" in text:
            return bool(self.python.match(text))
        return (self._match or self._matcher()).test(text)

    def may_search(self, text: str) -> bool:
        """False only when ``search`` finds nothing for certain: the engine's gate, a
        loosened superset of the pattern (lookaround and word boundaries dropped), so a
        caller that wants the match itself runs the ``regex`` module only past it."""
        return "\n" in text or (self._search or self._searcher()).gate(text)

    def may_match(self, text: str) -> bool:
        """As :meth:`may_search`, for a match at the start."""
        return "\n" in text or (self._match or self._matcher()).gate(text)

    def passing(self, texts: list[str]) -> set[int]:
        """The positions of the texts that ``search`` finds the pattern in: many texts (the
        lines of a page) in one call to the engine."""
        found = set((self._search or self._searcher()).passing(texts))
        if "\n" in "".join(texts):  # read by the regex module, as ``search`` reads them (one scan)
            found = {k for k, text in enumerate(texts) if ("\n" in text and self.search(text))
                     or ("\n" not in text and k in found)}
        return found

    def may_passing(self, texts: list[str]) -> set[int]:
        """As :meth:`passing`, for :meth:`may_search`: the positions of the texts that get
        past the gate, many texts in one call to the engine."""
        found = set((self._search or self._searcher()).passing_gate(texts))
        return found | {k for k, text in enumerate(texts) if "\n" in text} if "\n" in "".join(texts) else found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every match, as ``regex.finditer`` finds them, for a pattern
        that never matches the empty string and has no ``linear`` rewrite: found by the
        engine, or by the ``regex`` module where the engine cannot tell (a line end, too
        much backtracking)."""
        found = None if "\n" in text else (self._search or self._searcher()).spans(text)
        if found is None:
            return [m.span() for m in self.python.finditer(text, timeout=budget(text))]
        return found

    def findall(self, text: str) -> list[str]:
        """``regex.findall`` for a pattern without groups or anchors that never matches
        the empty string (the engine's automata find the same matches)."""
        return (self._search or self._searcher()).findall(text)

    @property
    def python(self) -> regex.Pattern:
        """The same pattern in the ``regex`` module (the reference the tests compare with)."""
        if self._python is None:
            self._python = _regex_compile(self.source)
        return self._python


def engine(source: str, linear: str | None = None) -> Engine:
    """``source`` (Python ``regex`` syntax) for yes-or-no tests run by the engine; ``linear``:
    the same pattern written for the automata."""
    return Engine(source, linear)
