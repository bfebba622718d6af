"""Title, authors and date measured against a dataset's gold fields.

A record may carry ``title``, ``author`` (one string, names split by commas,
"and", "&" or ";") and ``published`` (``YYYY-MM-DD``, or ``YYYY-MM``). The
rules, chosen so that a figure means what it says:

* **title** is scored only on the pages whose input text contains the gold
  title (normalised: NFKC, casefold, quotes and dashes unified, whitespace
  collapsed): a title the text does not print cannot be read off it. It is
  *right* when the normalised prediction equals the gold title, or equals it
  with a site name on one side after a separator (``" | "``, ``" - "``,
  ``" – "``, ``" — "``, ``" :: "``, ``" · "``; "Title | Site", "Site - Title"),
  the way page titles print it. The exact matches are counted apart.
* **date** is *found* when the prediction has one on a page with a gold date
  and *right* when it is the same calendar day (the same month for a gold
  ``YYYY-MM``); precision is right over found. Dates predicted on pages
  without a gold date are counted apart (the gold may only be missing).
* **authors** are *found* when the prediction names anyone on a page with a
  gold author and *right* when every gold name is matched by a predicted name
  and every predicted name by a gold one. Names match by their tokens
  (casefolded, punctuation, honorifics and one-letter initials dropped): the
  same tokens, or one a subset of the other with two tokens or more ("Chris S.
  Penn" and "Chris Penn"). Credentials after a comma ("MS", "RD", "PhD") are
  not names.

:func:`score_metadata` scores one prediction, :class:`MetadataTally` adds them
up, :func:`measure_metadata` runs the library over records (plain-text or HTML
path). ``bench/metadata.py`` prints the figures.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex

_SEPARATORS = ("|", "-", "–", "—", "::", "·", "•", ":", "/")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_HONORIFICS = frozenset("dr mr mrs ms mx prof sir dame rev jr sr".split())
_CREDENTIAL = regex.compile(r"^(?:\p{Lu}{1,6}|Ph\.?D\.?|M\.?D\.?|[A-Z][a-z]?\.?[A-Z]\.?(?:[A-Z]\.?)?)$")
_NAME_SPLIT = regex.compile(r"\s*(?:[,;&]|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", regex.IGNORECASE)


def normalise_text(text: str) -> str:
    """NFKC, casefold, quotes and dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def title_in_text(gold: str, text_normalised: str) -> bool:
    """True when the (normalised) page text prints the gold title."""
    gold = normalise_text(gold)
    return bool(gold) and gold in text_normalised


def title_right(predicted: str | None, gold: str) -> tuple[bool, bool]:
    """(right, exact): equal after normalisation, or equal but for a separated site name."""
    if not predicted:
        return False, False
    p, g = normalise_text(predicted), normalise_text(gold)
    if not g:
        return False, False
    if p == g:
        return True, True
    for sep in _SEPARATORS:
        if p.startswith(g + " " + sep + " ") or p.endswith(" " + sep + " " + g):
            return True, False
    return False, False


def date_right(predicted: str | None, gold: str) -> bool:
    """Same calendar day (same month for a gold ``YYYY-MM``)."""
    return bool(predicted) and predicted[:len(gold)] == gold[:10]


def name_tokens(name: str) -> frozenset[str]:
    """A name's tokens: casefolded words, honorifics and one-letter initials dropped."""
    words = regex.findall(r"[\p{L}\p{N}'’-]+", unicodedata.normalize("NFKC", name))
    tokens = (w.casefold().strip("'’-") for w in words)
    return frozenset(t for t in tokens if len(t) > 1 and t not in _HONORIFICS)


def gold_names(author: str) -> list[frozenset[str]]:
    """The names of a gold ``author`` string; credentials after a comma are dropped."""
    names = []
    for part in _NAME_SPLIT.split(author or ""):
        part = part.strip(" .")
        if not part or _CREDENTIAL.match(part) and names:
            continue
        tokens = name_tokens(part)
        if tokens:
            names.append(tokens)
    return names


def names_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b:
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= large


def authors_right(predicted: list[str], gold: str) -> bool:
    """Every gold name matched by a predicted one and every predicted name by a gold one."""
    want = gold_names(gold)
    have = [t for t in (name_tokens(p) for p in predicted) if t]
    if not want or not have:
        return False
    return all(any(names_match(w, h) for h in have) for w in want) and \
        all(any(names_match(h, w) for w in want) for h in have)


@dataclass
class MetadataScore:
    """One page: which gold fields it has and what the prediction got."""

    id: str
    title_gold_in_text: bool = False
    title_right: bool = False
    title_exact: bool = False
    title_found: bool = False
    date_gold: bool = False
    date_found: bool = False
    date_right: bool = False
    authors_gold: bool = False
    authors_found: bool = False
    authors_right: bool = False
    predicted: dict = field(default_factory=dict)


def score_metadata(doc_id: str, predicted: dict, record: dict, text: str | None) -> MetadataScore:
    """Score one prediction (``title``, ``authors``, ``published``) against one record.

    ``text`` is the input the prediction was read from (None: the title is
    scored on every page with a gold title).
    """
    score = MetadataScore(doc_id, predicted={k: predicted.get(k) for k in ("title", "authors", "published")})
    gold_title = record.get("title") or ""
    if gold_title:
        score.title_gold_in_text = text is None or title_in_text(gold_title, normalise_text(text))
        score.title_found = bool(predicted.get("title"))
        score.title_right, score.title_exact = title_right(predicted.get("title"), gold_title)
    gold_date = record.get("published") or ""
    score.date_found = bool(predicted.get("published"))
    if gold_date:
        score.date_gold = True
        score.date_right = date_right(predicted.get("published"), gold_date)
    gold_author = record.get("author") or ""
    score.authors_found = bool(predicted.get("authors"))
    if gold_author and gold_names(gold_author):
        score.authors_gold = True
        score.authors_right = authors_right(predicted.get("authors") or [], gold_author)
    return score


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class MetadataTally:
    """The figures over many pages."""

    scores: list[MetadataScore] = field(default_factory=list)

    def add(self, score: MetadataScore) -> None:
        self.scores.append(score)

    def summary(self) -> dict[str, Any]:
        s = self.scores
        titled = [x for x in s if x.title_gold_in_text]
        dated = [x for x in s if x.date_gold]
        authored = [x for x in s if x.authors_gold]
        date_found = sum(x.date_found for x in dated)
        date_right_n = sum(x.date_right for x in dated)
        auth_found = sum(x.authors_found for x in authored)
        auth_right_n = sum(x.authors_right for x in authored)
        return {
            "pages": len(s),
            "title": {"pages": len(titled), "right": sum(x.title_right for x in titled),
                      "exact": sum(x.title_exact for x in titled),
                      "recall": _share(sum(x.title_right for x in titled), len(titled))},
            "date": {"pages": len(dated), "found": date_found, "right": date_right_n,
                     "recall": _share(date_right_n, len(dated)),
                     "precision": _share(date_right_n, date_found),
                     "found_without_gold": sum(x.date_found for x in s if not x.date_gold)},
            "authors": {"pages": len(authored), "found": auth_found, "right": auth_right_n,
                        "recall": _share(auth_right_n, len(authored)),
                        "precision": _share(auth_right_n, auth_found),
                        "found_without_gold": sum(x.authors_found for x in s if not x.authors_gold)},
        }


def format_metadata(summary: dict[str, Any], label: str = "") -> str:
    """The summary as a few printed lines."""
    t, d, a = summary["title"], summary["date"], summary["authors"]
    head = f"{label} ({summary['pages']} pages)" if label else f"{summary['pages']} pages"
    return "\n".join([
        head,
        f"  title   right {t['right']}/{t['pages']} = {t['recall']:.1%} of pages whose text prints it"
        f" (exact {t['exact']})",
        f"  date    found {d['found']}/{d['pages']}, right {d['right']} = {d['recall']:.1%},"
        f" precision {d['precision']:.3f}; found on {d['found_without_gold']} pages without a gold date",
        f"  authors found {a['found']}/{a['pages']}, right {a['right']} = {a['recall']:.1%},"
        f" precision {a['precision']:.3f}; found on {a['found_without_gold']} pages without a gold author",
    ])


def has_metadata_fields(record: dict) -> bool:
    return any(k in record for k in ("title", "author", "published"))


def measure_metadata(records: Iterable[dict], *, input_kind: str = "text", converter: str = "resiliparse",
                     cache_dir: str | Path | None = None, html_field: str = "html",
                     text_field: str = "text") -> MetadataTally:
    """Clean every record (plain-text path from its converted ``html``, or ``clean_html``)
    and score its title, authors and date.

    The title counts on the pages whose converted text prints it, on both paths,
    so the two are compared on the same pages.
    """
    import cleaner as package

    from .records import Fields, record_id, record_text

    fields = Fields(text=text_field, html=html_field)
    tally = MetadataTally()
    for index, record in enumerate(records):
        doc_id = record_id(record, index)
        text, _ = record_text(record, fields, converter, cache_dir)  # both paths: the same pages count
        if input_kind == "html":
            result = package.clean_html(record[html_field], id=doc_id)
        else:
            result = package.clean(text, id=doc_id)
        tally.add(score_metadata(doc_id, result.to_dict(), record, text))
    return tally
