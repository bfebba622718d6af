"""The page's language, read before any stage runs.

Rules, comment markers and dates have words in several languages; a page pays
only for its own language's. The language stage decides later, passage by
passage and with a detector, what to *flag*; this decides which *words* to
look for, so it must be cheap (one count of function words over a sample of
the page, chrome included: a German page's menus are German too) and it may
say "don't know" (``None``), which means English and the language-neutral
rules only.

A caller that knows the language (an HTML ``lang`` attribute, a corpus field)
passes it as ``hints["page_language"]`` and nothing is counted.
"""
from __future__ import annotations

from .words import count_words

#: Languages whose chrome words, comment markers and dates the rules know.
CHROME_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "pl", "nl")
SAMPLE = 20_000       # characters: head and tail of the page
QUICK = 4_000         # characters from the middle of a longer page, counted first
QUICK_MARGIN = 3.0    # the winner's margin there that settles it without the full sample
ENGLISH_SHARE = 0.06  # "the", "and", "of" this often among the middle's words: English, nothing counted
MIN_WORDS = 30        # below this the function words say nothing reliable
MIN_SHARE = 0.06      # weighted hits per token the winner needs
MARGIN = 1.5          # ... and this many times the runner-up's


def detect_page_language(text: str) -> str | None:
    """The language most of the page's function words belong to, or None when unsure.

    A long page's middle (where its article usually is) is counted first: a clear
    winner there settles it at a fifth of the cost, which is what every page, English
    ones included, pays; an unclear one falls back to the head and tail."""
    if len(text) > 2 * QUICK:
        middle = len(text) // 2
        sample = text[middle - QUICK // 2:middle + QUICK // 2]
        if _plainly_english(sample):
            return "en"
        quick = _decide(sample, QUICK_MARGIN)
        if quick is not None:
            return quick
    if len(text) > SAMPLE:
        half = SAMPLE // 2
        text = text[:half] + "\n" + text[-half:]
    return _decide(text, MARGIN)


def _plainly_english(sample: str) -> bool:
    """Three words make a tenth of running English and next to nothing of any other
    language's: counted in C, they settle most English pages before any tokenising."""
    low = sample.lower()
    words = low.count(" ") + 1
    hits = low.count(" the ") + low.count(" and ") + low.count(" of ")
    return words >= 2 * MIN_WORDS and hits >= ENGLISH_SHARE * words


def _decide(text: str, margin: float) -> str | None:
    words = count_words(text)
    if words.words < MIN_WORDS:
        return None
    ranked = words.ranked()
    if not ranked:
        return None
    (best, share), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if share < MIN_SHARE or share < margin * runner_up:
        return None
    return best


def page_language(doc) -> str | None:
    """The page language of ``doc``: the caller's hint, else counted once and kept in the hints."""
    hints = doc.hints
    if "page_language" not in hints:
        hints["page_language"] = detect_page_language(doc.text)
    return hints["page_language"]
