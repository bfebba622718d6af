"""Dates as bylines, datelines and comment headers write them, read into ISO form.

Two readers:

* a fast one (regular expressions) for the common forms: "March 3, 2021",
  "3 March 2021", "12. März 2023", "3 mars 2023", "1er mars 2023", "3 de marzo
  de 2023", "12 marca 2023", "3 maart 2023", "19-Dec-2025", "25.Jun.2019",
  "Jul. 11. 2025", "2023 Jan 7" (a
  citation's; the month capitalised), "2023-03-04", "2023/3/4", "2025•01•08",
  "12.03.2023", "2023年3月4日", "2023년 3월 4일". Month names of en, de, fr, es,
  pt, it, pl and nl are always known in full; the short forms that are also
  common words elsewhere ("set", "ago", "out", "gen") only for a page in their
  language, or between hyphens or dots ("04-ago-2021") on any page. Day-first
  numeric dates with slashes or hyphens ("03/04/2023") are read only when the
  order is certain (a part over 12, or both the same) or the page language
  writes the day first; with dots ("09.10.2024"), day first but on an English
  page (which writes "06.18.2025" too);
* :func:`read_date` falls back to ``dateparser`` (imported when first needed:
  it costs about 50 ms) for a short candidate the fast reader could not read,
  in the page's language, with every part of the date required, so a bare
  number or a month alone is never a date.

Relative dates ("vor 2 Tagen", "2 days ago") are read only against a
``reference`` date the caller passes (from the record, never the wall clock:
the same input must give the same output).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..patterns import budget, engine, lazy, settle

# Full month names, every language at once: none is a common word elsewhere.
_FULL = {
    1: "january januar jänner janvier enero janeiro gennaio stycznia styczeń januari",
    2: "february februar février fevrier febrero fevereiro febbraio lutego luty februari",
    3: "march märz maerz mars marzo março marco marca marzec maart",
    4: "april avril abril aprile kwietnia kwiecień",
    5: "may mai mayo maio maggio maja maj mei",
    6: "june juni juin junio junho giugno czerwca czerwiec",
    7: "july juli juillet julio julho luglio lipca lipiec",
    8: "august août aout agosto sierpnia sierpień augustus",
    9: "september septembre septiembre setiembre setembro settembre września wrzesień",
    10: "october oktober octobre octubre outubro ottobre października październik",
    11: "november novembre noviembre novembro listopada listopad",
    12: "december dezember décembre decembre diciembre dezembro dicembre grudnia grudzień",
}
# Short forms every page may use (English and the ones no language reads otherwise).
_SHORT = {1: "jan", 2: "feb", 3: "mar", 4: "apr", 6: "jun", 7: "jul", 8: "aug", 9: "sep sept",
          10: "oct okt", 11: "nov", 12: "dec dez"}
# Short forms read only on a page in their language ("set", "ago", "out" are English words).
_SHORT_BY_LANGUAGE = {
    "de": {3: "mär", 5: "mai"},
    "fr": {1: "janv", 2: "févr fevr", 4: "avr", 7: "juil", 12: "déc"},
    "es": {1: "ene", 4: "abr", 8: "ago", 12: "dic"},
    "pt": {2: "fev", 4: "abr", 5: "mai", 8: "ago", 9: "set", 10: "out"},
    "it": {1: "gen", 5: "mag", 6: "giu", 7: "lug", 8: "ago", 9: "set", 10: "ott", 12: "dic"},
    "pl": {1: "sty", 2: "lut", 4: "kwi", 6: "cze", 7: "lip", 8: "sie", 9: "wrz", 10: "paź", 11: "lis",
           12: "gru"},
    "nl": {3: "mrt", 5: "mei"},
}
#: Languages that write a numeric date day first ("03/04/2023" is 3 April).
DAY_FIRST = frozenset({"de", "fr", "es", "pt", "it", "pl", "nl"})
YEARS = (1900, 2100)


def _names(table: dict[int, str]) -> dict[str, int]:
    return {name: month for month, names in table.items() for name in names.split()}


@lru_cache(maxsize=16)
def _months(lang: str | None) -> dict[str, int]:
    months = _names(_FULL) | _names(_SHORT)
    if lang in _SHORT_BY_LANGUAGE:
        months |= _names(_SHORT_BY_LANGUAGE[lang])
    return months


@lru_cache(maxsize=1)
def _any_short() -> dict[str, int]:
    """Every language's short month names: between hyphens or dots with a day and a year
    ("04-ago-2021", "12.set.2020") none of them is the common word it is elsewhere."""
    return {name: month for table in _SHORT_BY_LANGUAGE.values() for name, month in _names(table).items()}


@lru_cache(maxsize=16)
def _lookup(lang: str | None) -> dict[str, int]:
    """The month names a pattern may have matched on a page in ``lang`` (each pattern holds the
    names it reads there)."""
    return _months(lang) | _any_short()


@lru_cache(maxsize=16)
def _patterns(lang: str | None) -> tuple:
    import regex

    names = sorted(_months(lang), key=len, reverse=True)
    month = r"(?P<month>" + "|".join(regex.escape(n) for n in names) + r")\.?(?!\p{L})"
    day = r"(?P<day>\d{1,2})"
    # also glued to a time or a count: "October 17, 20236:01 PM", "January 14, 202620 Mins Read"
    year = r"(?P<year>\d{4})(?:(?!\d)|(?=\d{1,2}:\d\d|\d{1,3}\s*(?:mins?|minutes?|comments?|views?|replies|likes)\b))"
    flags = regex.IGNORECASE
    return (
        # March 3, 2021 · Mar. 3rd 2021 · marzo 3, 2023 · March 3,2021 · Jul. 11. 2025
        # (also glued after a word in lower case, the month capitalised: "Mental HealthDECEMBER 22,
        # 2022", "calendarApr 16, 2024", "Jane DoeJanuary 14, 2026": two pieces of a page run together)
        regex.compile(rf"(?:(?<!\p{{L}})|(?-i:(?<=\p{{Ll}})(?=\p{{Lu}})))"
                      rf"{month}\s+{day}(?:st|nd|rd|th)?(?:,\s*|\.?\s+){year}", flags),
        # 2023 Jan 7 · 2023 January 7th (a citation's date), the month capitalised: "by 2030 may 10 …" is none
        regex.compile(rf"(?<![\d.,]){year}\s+(?-i:(?=\p{{Lu}})){month}\s+{day}(?:st|nd|rd|th)?(?!\d|[:.,]\d)", flags),
        # 3 March 2021 · 12. März 2023 · 1er mars 2023 · 3 de marzo de 2023 · 3rd of March, 2021 · 27 September,2023
        # · 19-Dec-2025 · 25.Jun.2019
        regex.compile(rf"(?<![\d.]){day}(?:st|nd|rd|th|er|º|°)?(?:\.?\s*|-)(?:of\s+|de\s+)?{month}(?:,\s*|\s+|-|(?<=\.))"
                      rf"(?:de\s+|del\s+)?{year}", flags),
        # 04-ago-2021 · 12.set.2020: any language's short month, on a page in any language
        regex.compile(rf"(?<![\d.]){day}(?P<sep>[-.])(?P<month>{'|'.join(sorted(_any_short(), key=len, reverse=True))})"
                      rf"(?P=sep){year}", flags),
        # 2023-03-04 (also with a time after it), 2023/3/4, 2023.03.04, 2025•01•08; not inside a longer
        # run of numbers ("image-Jan-17-2021-02-16-00-09-PM", a file's name)
        regex.compile(r"(?<![\d.]|\d-)(?P<year>\d{4})(?P<sep>[-/.•·])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
                      r"(?!\d|(?P=sep)\d)"),
        # 12.03.2023: day first wherever it is written with dots (06.18.2025: month first, see _iso),
        # but for an English page, which writes them both ways: there as "03/04/2023" (_either_way)
        regex.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)"),
        # 2023年3月4日 · 2023년 3월 4일
        regex.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"),
    )


@lru_cache(maxsize=16)
def _gates(lang: str | None) -> tuple:
    """For each of ``_patterns(lang)``, the engine's gate (:meth:`cleaner.patterns.Engine.may_search`:
    the pattern loosened into a superset that finite automata run, lookaround dropped): a text
    the gate turns away holds no match, found in a fraction of the time the ``regex`` module
    takes to look (a month's name may start anywhere)."""
    import regex

    return tuple(engine(("(?i)" if pattern.flags & regex.IGNORECASE else "") + pattern.pattern).may_search
                 for pattern in _patterns(lang))


_YEAR = re.compile(r"\d{4}")
NAMED = 4   # the first patterns of ``_patterns`` read a month's name (and are the slow ones)
# A letter beyond ASCII (or a number written as a letter: "ⅻ"): past one, a month's name in
# other cases or other letters may stand in the text.
_BEYOND_ASCII = re.compile(r"[^\W\d_\x00-\x7f]")


@lru_cache(maxsize=16)
def _ascii_months(lang: str | None) -> re.Pattern:
    """The ASCII names of ``_lookup(lang)``, each with no letter after it (as the patterns read one)."""
    names = sorted((name for name in _lookup(lang) if name.isascii()), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")(?![a-z])")


def _may_name_month(text: str, lang: str | None) -> bool:
    """False only when no month's name stands in ``text``: its letters are all ASCII (so a name
    there is an ASCII name in some case) and none of those names is among them."""
    return bool(_BEYOND_ASCII.search(text)) or _ascii_months(lang).search(text.lower()) is not None


_NUMERIC = lazy(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/.-]\d)")
_AMBIGUOUS = lazy(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/-])")


def find_date_spans(text: str, lang: str | None = None, order: str | None = None) -> list[tuple[int, int, str]]:
    """Every date the fast reader finds in ``text``: (start, end, YYYY-MM-DD), in text order.

    ``order`` ("mdy" or "dmy"): how the page writes numeric dates, when it shows it elsewhere
    (:func:`numeric_order`); "03/04/2023" is then read in that order."""
    if not has_year(text):
        return []
    return list(_spans(text, lang, order))


def has_year(text: str) -> bool:
    """``text`` holds a year's four digits, which every date the fast reader finds has (digits
    as its patterns read them): without them it finds none, in any order."""
    return _YEAR.search(text) is not None


@lru_cache(maxsize=1024)
def _spans(text: str, lang: str | None, order: str | None) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_date_spans` of a text with a year in it: the metadata stage reads a head
    line for a date more than once (as a byline, a dateline, beside a name)."""
    found: list[tuple[int, int, str]] = []
    months = _lookup(lang)
    first = 0 if _may_name_month(text, lang) else NAMED
    for pattern, gate in zip(_patterns(lang)[first:], _gates(lang)[first:]):
        if not gate(text):
            continue
        for m in pattern.finditer(text, timeout=budget(text)):
            iso = _iso(m["year"], m["month"], m["day"], months) or _month_first(m)
            if iso and lang == "en" and _either_way(m):   # "09.10.2024" on an English page
                iso = _numeric(m["day"], m["month"], m["year"], lang, order)
            if iso:
                found.append((m.start(), m.end(), iso))
    for m in _AMBIGUOUS.finditer(text, timeout=budget(text)):
        if iso := _numeric(m["a"], m["b"], m["year"], lang, order):
            found.append((m.start(), m.end(), iso))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for span in found:  # two patterns reading the same characters: the first (longest) reading
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return tuple(out)


def find_date(text: str, lang: str | None = None) -> str | None:
    """The first valid calendar date in ``text`` as YYYY-MM-DD, or None.

    Numeric dates whose order is in doubt (03/04/2023 on an English page) are
    not guessed at.
    """
    spans = find_date_spans(text, lang)
    return spans[0][2] if spans else None


_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi
vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta
sexta feira lunedì martedì mercoledì giovedì venerdì sabato domenica poniedziałek wtorek środa czwartek
piątek sobota niedziela maandag dinsdag woensdag donderdag vrijdag zaterdag zondag""".split())


def is_date_word(word: str, lang: str | None = None) -> bool:
    """A month or weekday name (a dateline's words besides the date's digits)."""
    word = word.casefold().strip(".,")
    return word in _WEEKDAYS or word in _months(lang)


def _either_way(m) -> bool:
    """A numeric date written day first that reads as well month first ("09.10.2024"): English
    pages write dotted dates both ways ("06.18.2025" is month first)."""
    day, month = m["day"], m["month"]
    return month.isdigit() and m.start("day") < m.start("month") and int(day) <= 12 and int(month) <= 12


def _numeric(a: str, b: str, year: str, lang: str | None, order: str | None = None) -> str | None:
    first, second = int(a), int(b)
    if first == second:
        return _iso(year, a, a, {})
    if first > 12 >= second or lang in DAY_FIRST or order == "dmy" and second <= 12:
        return _iso(year, b, a, {})
    if second > 12 >= first or order == "mdy" and first <= 12:
        return _iso(year, a, b, {})
    return None  # 03/04/2023 on a page that may write either order


def numeric_order(texts: list[str]) -> str | None:
    """How ``texts`` write numeric dates, when they show it: "mdy" when a date there can only
    be read month first ("8/27/2025") and none only day first, "dmy" the other way round, else
    None. A page that prints "8/27/2025" means 1 August by "8/1/2025" (and one that prints
    "11.24.2025" means 10 September by "09.10.2024")."""
    seen = set()
    for text in texts:
        if not _YEAR.search(text):
            continue
        for m in _NUMERIC.finditer(text, timeout=budget(text, 1.0)):
            first, second = int(m["a"]), int(m["b"])
            if second > 12 >= first:
                seen.add("mdy")
            elif first > 12 >= second:
                seen.add("dmy")
    return seen.pop() if len(seen) == 1 else None


def named_days(text: str, lang: str | None = None) -> frozenset[str]:
    """The days ``text`` prints with a month's name ("December 02, 2025", "3 October 2023"), as
    YYYY-MM-DD: what :func:`order_named` checks a numeric date's two readings against."""
    if not has_year(text) or not _may_name_month(text, lang):
        return frozenset()
    months = _lookup(lang)
    return frozenset(iso for pattern in _patterns(lang)[:NAMED] for m in pattern.finditer(text, timeout=budget(text, 1.0))
                     if (iso := _iso(m["year"], m["month"], m["day"], months)))


def in_doubt(text: str, lang: str | None = None) -> bool:
    """``text`` holds a numeric date that reads one day month first and another day first
    ("02-12-2025" on a page whose language does not settle it)."""
    if _NUMERIC.search(text, timeout=budget(text)) is None:   # no numeric date at all: the common case
        return False
    return find_date_spans(text, lang, "mdy") != find_date_spans(text, lang, "dmy")


def order_named(text: str, lang: str | None, named: frozenset[str]) -> str | None:
    """The order ("mdy" or "dmy") in which a numeric date of ``text`` reads as one of the
    ``named`` days (:func:`named_days` of its page) while the other order does not. A site
    that lists its own post among its recent ones prints its day both ways ("02-12-2025" under
    the headline, "December 02, 2025" in the list), which settles what "02-12-2025" means."""
    if not named:
        return None
    fits = [order for order in ("mdy", "dmy") if any(iso in named for _, _, iso in find_date_spans(text, lang, order))]
    return fits[0] if len(fits) == 1 else None


def _month_first(m) -> str | None:
    """A numeric date read day first whose "month" is over 12 and "day" is not: written month
    first ("06.18.2025"), the only order it can be in."""
    day, month = m["day"], m["month"]
    if month.isdigit() and m.start("day") < m.start("month") and int(month) > 12 >= int(day):
        return _iso(m["year"], day, month, {})
    return None


def _iso(year: str, month: str, day: str, months: dict[str, int]) -> str | None:
    number = int(month) if month.isdigit() else months.get(month.lower().rstrip("."))
    try:
        date = dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None
    return date.isoformat() if date and YEARS[0] <= date.year <= YEARS[1] else None


# ---- the fallback: dateparser, for a short candidate in the page's language ------------------

MAX_CANDIDATE = 60   # characters: dateparser reads a date, not a paragraph
_PIECES = lazy(r"\s*(?:[|•·,;—–]|\s-\s|\bat\b|\bum\b|\bà\b|\ba las\b|\balle\b|\bo\b)\s*")


def read_date(text: str, lang: str | None = None, reference: dt.date | None = None) -> str | None:
    """The date of a byline or a comment header: the fast reader, then ``dateparser``.

    ``dateparser`` is tried only on a short text with a digit in it, piece by
    piece (split at separators and times), with the words before the date
    dropped one at a time ("Veröffentlicht am 12. März 2023"). Relative dates
    are read only against ``reference``.
    """
    if date := find_date(text, lang):
        return date
    text = text.strip()
    if len(text) > MAX_CANDIDATE or not any(c.isdigit() for c in text) and reference is None:
        return None
    for piece in _PIECES.split(text, timeout=budget(text)):
        words = piece.split()
        for k in range(min(len(words), 4)):
            candidate = " ".join(words[k:])
            if candidate and (date := _dateparser(candidate, lang, reference)):
                return date
    return None


def _dateparser(text: str, lang: str | None, reference: dt.date | None) -> str | None:
    if not any(c.isalpha() for c in text) and reference is None:
        return None  # numbers alone: the fast reader's business, and no guessing at the order
    try:
        import dateparser
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                "PREFER_DATES_FROM": "past", "PARSERS": ["absolute-time"]}
    if reference is not None:
        base = dt.datetime.combine(reference, dt.time(12))
        settings = {"RELATIVE_BASE": base, "PARSERS": ["relative-time", "absolute-time"],
                    "PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(text, languages=[lang or "en"], settings=settings)
    except Exception:  # dateparser raises on odd input (overflow, unknown locale)
        return None
    if parsed is None or not YEARS[0] <= parsed.year <= YEARS[1]:
        return None
    return parsed.date().isoformat()


settle(globals())
