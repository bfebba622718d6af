"""Dates as bylines and comment headers write them, read into ISO form."""
from __future__ import annotations

import datetime as dt

import regex

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    regex.compile(rf"(?i)\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    regex.compile(rf"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    regex.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    regex.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b"),
]


def find_date(text: str) -> str | None:
    """The first valid calendar date in ``text`` as YYYY-MM-DD, or None.

    Ambiguous numeric forms (03/04/2023) are not guessed at.
    """
    best: tuple[int, str] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text, timeout=0.2):
            iso = _iso(m["year"], m["month"], m["day"])
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            if iso:
                break
    return best[1] if best else None


def _iso(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        date = dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None
    return date.isoformat() if date and 1900 <= date.year <= 2100 else None
