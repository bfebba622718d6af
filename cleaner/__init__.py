"""cleaner: split scraped article text into main text, comments, boilerplate, metadata and flags."""
from __future__ import annotations

from datetime import date as _date

from .document import Document
from .errors import InputError
from .options import Options, OptionsError
from .result import CleanResult, LanguageFlag, ReaderComment, Removal
from .rules import RuleError

__all__ = ["clean", "clean_html", "CleanResult", "ReaderComment", "Removal", "LanguageFlag",
           "Document", "Options", "OptionsError", "RuleError", "InputError", "decode"]
__version__ = "0.1.0"


def clean(text: str | bytes, *, id: str | None = None, options: Options | None = None,
          reference_date: _date | str | None = None, **overrides: object) -> CleanResult:
    """Clean one document of plain text.

    ``overrides`` are :class:`Options` fields (``language=False``,
    ``rules=("my_rules.toml",)``, ``disable=frozenset({"comments"})`` …), so a
    caller need not build an ``Options`` for a one-off change.
    ``reference_date`` (a date, or ISO text): the day the page was fetched, which
    relative dates ("2 days ago", "vor 2 Tagen") are read against; without it they
    are not read (the wall clock would give the same input another output). It is
    the document's ``hints["reference_date"]``, where the metadata stage reads it.
    """
    from .errors import decode
    from .pipeline import cached_pipeline

    hints = {"reference_date": reference_date} if reference_date is not None else {}
    return cached_pipeline(Options.resolve(options, overrides))(Document(decode(text), id=id, hints=hints))


from .errors import decode  # noqa: E402  (public helper)


def __getattr__(name: str):
    """``clean_html`` is imported when first used: trafilatura and lxml are not needed
    to clean text, and loading them is most of the start-up of ``cleaner clean``."""
    if name == "clean_html":
        try:
            from .html import clean_html
        except ImportError as exc:  # trafilatura or lxml missing: no HTML path, as hasattr() tells
            raise AttributeError(f"cleaner.clean_html is not available: {exc}") from exc
        globals()["clean_html"] = clean_html
        return clean_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
