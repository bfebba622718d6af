"""Page structure: remove navigation, menus, footers and teasers from whole-page text.

Scraped corpora keep the plain text a converter made of the whole page. The
article is a contiguous run of prose with short headings inside it, and the
chrome (menus, breadcrumbs, share bars, cookie banners, "related" lists,
footers) surrounds it. This stage reads that shape without HTML:

* every line (or sentence-like piece of a flattened page) gets evidence from
  its own shape: length, sentence punctuation, stopword density,
  capitalisation, list / heading / link markup, chrome words, repetition in the
  page, position, and its block (:mod:`cleaner.structure.features`);
* a second pass adds what the neighbours scored and where the line stands
  against the article region, and the page is decoded at once by a two-state
  sequence model (:mod:`cleaner.structure.model`);
* removed runs are named by what they look like and where they sit
  (:mod:`cleaner.structure.categories`).

On HTML input the stage runs only where the extraction is not already the
article: on the plain-text path, and on the recall fallback, where the region
the stricter extraction printed (``hints["trusted"]``) is kept and only what
lies around it is judged.

Only lines the rule stage left unclaimed are marked. The stage runs after the
comment stage and skips the discussion it found (short informal comments look
like chrome). A text that is already mostly prose (an extraction, not a page)
is left alone, except that past its discussion only prose is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress, count
from operator import gt
from typing import Callable, Collection, Sequence

from .. import _core
from ..document import BOILERPLATE, MAIN, Document
from ..patterns import lazy_re, settle
from ..structure.categories import DUPLICATE, NAVIGATION, RELATED, related_head_rest
from ..structure.doubles import doubles
from ..structure.features import Units, analyse, page_indexes
from ..structure.model import load_weights, local_scores
from ..structure.removals import CATEGORIES, removals

RULE_PREFIX = "structure."
# "Already extracted" gate: a page of chrome has short, unpunctuated lines in runs.
CHROME_SHARE = 0.25   # share of the text's words in non-prose lines below which ...
CHROME_RUN = 5        # ... and no run of this many short non-prose lines: leave the text alone
SENTENCE_WORDS = 12   # a line this long is a sentence, punctuated or not, never a menu item
SHORT_ARTICLE = 150   # words: a decoded article shorter than this may have lost its lead ...
LEAD_WORDS = 15       # ... a prose paragraph of this many words or more before it ...
LEADS = 2             # ... that reads as article on its own, when no more than this many do
LEAD_TOPIC = 0.3      # before a longer article, a lead shares this much of its content words with it ...
LEAD_REACH = 40       # ... and stands no more than this many units before it
LONE_PROSE = 30       # words: a decoding that kept fewer keeps the page's longest prose block, if this long
# A site's or an author's description of itself ("We are sisters who love to travel", "An
# online design resource dedicated to …", "Jane Doe is a food writer …") is a sidebar's
# "About" box, not a standfirst.
_SELF_DESCRIPTION = lazy_re(
    r"^\W*(?:(?:we|i)\s+(?:are|am|have\s+been)\b|(?:we|i)['’](?:re|m|ve\s+been)\b"
    r"|(?:an?|the|your)\s+(?:[\w'’&-]+\s+){0,3}(?:resource|site|website|blog|blogger|magazine|publication"
    r"|platform|community|destination)\b"
    r"|[\w.'’-]+(?:\s+[\w.'’-]+)?\s+is\s+(?:an?|the)\s+(?:[\w'’&-]+\s+){0,3}(?:writer|blogger|journalist|editor"
    r"|author|traveler|traveller|photographer|copywriter|designer|expert|consultant|founder)\b)")
GAP_CONTEXT = 15      # words of kept article on each side that make a lone dropped line the article's
INGREDIENTS = 3       # a run of at least this many quantity lines ("250 g Mehl") is a recipe's list ...
INGREDIENT_SHARE = 0.4  # ... when they are this share of the run (the rest short lines: "Belag:", "Butter")
INGREDIENT_WORDS = 6  # words of a short line inside the run
INGREDIENT_REACH = 8  # units between the run and the kept article (the method)
STAMP_RUN = 12        # a live ticker's entries are apart by at most this many short units, a third of them time stamps ...
STAMP_WORDS = 5       # ... each of this many words or fewer ("88'", "12:45", "Sortie de Pierre-Yves Hamel") ...
TICKER_ENTRIES = 3    # ... in a ticker of this many entries or more (those kept at the article's edge and after)
HEAD_WORDS = 5        # a "Related" heading over teasers has at most this many words ...
TEASER_WORDS = 20     # ... and the teasers under it at most this many, with no sentence end


class _Claimed:
    """What earlier stages claimed (any label but main), for overlap tests in log time."""

    def __init__(self, doc: Document):
        spans = sorted((a.start, a.end) for a in doc.annotations if a.label != MAIN)
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def uncovered(self, infos) -> Sequence[int]:
        """The positions of the units of ``infos`` (in text order) that no one claimed span
        holds whole, found in one walk along both: all of them as a range when nothing is
        claimed (a list and a set of every position were a tenth of the stage's memory on
        a page of short lines)."""
        if not self.starts or not infos:
            return range(len(infos))
        return _core.unclaimed(*page_indexes(infos), self.starts, self.ends)

    def free(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        if k >= 0 and self.ends[k] > start:
            return False
        return not (k + 1 < len(self.starts) and self.starts[k + 1] < end)


def _inside(info, region: tuple[int, int]) -> bool:
    return region[0] <= info.line.start and info.line.end <= region[1]


def _trusted(infos, keep: list[bool], region: tuple[int, int]) -> list[bool]:
    return [on or _inside(i, region) for i, on in zip(infos, keep)]


@lru_cache(maxsize=None)
def _rule_id(category: str) -> str:
    """One string per category, not one per removed line: a page of many short lines
    removed would keep a copy of it in each annotation."""
    return RULE_PREFIX + category


_RULES = tuple(map(_rule_id, CATEGORIES))  # the rule of each category code


class PageStructure:
    """Marks page chrome in whole-page plain text as boilerplate, by category."""

    name = "structure"

    def __init__(self, weights_path: str | None = None):
        self.weights = load_weights(weights_path)

    def __call__(self, doc: Document) -> None:
        trusted = doc.hints.get("trusted")  # the region a stricter extraction printed: not in question
        if doc.hints.get("input") == "html" and doc.hints.get("path") != "plain-text" and trusted is None:
            return  # an HTML extractor already took the article out of the page
        w = self.weights
        heads, noun_caps = _language_reading(doc)
        infos = analyse(doc, w.stopwords, heads, noun_caps)
        # what an upstream extractor marked as the discussion is the comment stage's to decide
        limit = doc.hints.get("comments_start")
        if limit is not None:
            infos = Units(i for i in infos if i.line.end <= limit)
        after = len(infos)  # units past the discussion, if there is one
        if (span := doc.discussion_span) is not None:  # the comment stage's: short comments look like chrome
            start, end = span
            infos = Units(i for i in infos if i.line.end <= start or i.line.start >= end)
            after = next((k for k, i in enumerate(infos) if i.line.start >= end), len(infos))
        claimed = _Claimed(doc)
        if not infos:
            return
        free = claimed.uncovered(infos)
        judged = free if trusted is None else [k for k in free if not _inside(infos[k], trusted)]
        if self.already_clean([infos[k] for k in judged[:bisect_left(judged, after)]]):
            # an extraction with its discussion: past the discussion only prose is kept
            keep = [True] * after + [i.prose for i in infos[after:]]
        else:
            keep = w.decode(infos)
        if not any(keep):
            # Known boilerplate drags its neighbours down; judge the page as cleaning it
            # again would see it, without what the rules removed.
            kept = set(k for k, on in zip(free, w.decode([infos[k] for k in free])) if on)
            keep = [k in kept for k in range(len(infos))]
        free_set = free if isinstance(free, range) else set(free)
        decoded = next((k for k, on in enumerate(keep) if on), None)
        keep = lead_paragraphs(infos, keep, free_set, w)
        keep = ticker_entries(infos, keep, free_set)
        if decoded is not None and any(keep[:decoded]):
            doc.article_start = infos[decoded].line.start  # the lead before it belongs to the head
        listed = teasers_under_heading(infos, keep, free_set, heads)
        teasers = set(compress(count(), map(gt, keep, listed)))  # kept, then not
        keep = listed
        keep = ingredient_lists(infos, keep, free_set)
        if not any(keep):
            return  # nothing reads like an article: not this stage's call to empty the page
        keep = lone_prose(infos, keep, free)
        keep = fill_gaps(doc.text, infos, keep, free_set)
        named = repeated_lines(doc, infos, keep)
        named.update((k, RELATED) for k in teasers if k not in named)
        keep = list(keep)
        for k in named:
            keep[k] = False
        if trusted is not None:  # the article region a stricter extraction printed stays
            keep = _trusted(infos, keep, trusted)
        removed = removals(doc.text, infos, keep, named, claimed.starts, claimed.ends, claimed.free)
        del infos  # and with them the engine's page: the annotations are made without them
        doc.annotate_all(removed.spans(_RULES), BOILERPLATE)

    @staticmethod
    def already_clean(infos) -> bool:
        """True for text that is already an extraction: few words in short non-sentence
        lines (menu items, labels, teasers), and no run of them.

        ``infos`` are the units no earlier stage claimed. A flattened page (a line
        cut into sentences) is never an extraction.
        """
        return not infos or _core.already_clean(*page_indexes(infos))


def lead_paragraphs(infos, keep: list[bool], free: Collection[int], weights) -> list[bool]:
    """The one or two prose paragraphs before the decoded article that read as article on
    their own evidence are the article's too: the lead (standfirst) of a news page, which
    sits between the headline and the byline, share bar or paywall, and scores as article
    but not by enough to pay for switching into the article state and out again among
    the chrome around it. Only paragraphs no earlier stage claimed count (``LEAD_WORDS``
    words or more, not pieces of a flattened line); a page with more such
    paragraphs than ``LEADS`` before its article has teasers there, not a lead.

    When the decoded article is short (under ``SHORT_ARTICLE`` words, or none: a
    paywalled, video or download page) that is enough. Before a longer article a lead
    must also keep to its topic (``LEAD_TOPIC`` of its content words in the article) and
    stand near it (``LEAD_REACH`` units): an author's bio, a site's self-description or a
    notice before the article reads as prose too, but about something else. A list item
    is never a lead: a standfirst is not a bullet of a menu, a share bar or a list of
    teasers; nor is a site's or an author's description of itself (``_SELF_DESCRIPTION``),
    a sidebar's "About" box."""
    first = _first(keep)
    before = free[:bisect_left(free, first)] if isinstance(free, (range, list)) else [k for k in free if k < first]
    # prose of LEAD_WORDS or more, no piece of a flattened line, no list item: the engine's
    candidates = sorted(k for k in (_core.may_be_leads(*page_indexes(infos), before) if before else ())
                        if not _SELF_DESCRIPTION.match(infos[k].text))
    if not candidates:
        return keep
    own = local_scores([infos[k] for k in candidates], weights.local, weights.local_bias)
    leads = [k for k, v in zip(candidates, own) if v > 0.0]
    if not leads or len(leads) > LEADS:
        return keep
    if sum(infos[k].words for k in free if keep[k]) >= SHORT_ARTICLE:  # the decoded article's words
        topic = _article_terms(infos, keep, free)
        leads = [k for k in leads if first - k <= LEAD_REACH and _shared(infos[k].terms, topic) >= LEAD_TOPIC]
    out = list(keep)
    for k in leads:
        out[k] = True
    return out


# A live ticker's time stamp: a match minute ("88'", "45+2'") or a clock time ("12:45", "9.30 pm"),
# not a date ("12.05.2021": a list of dated teasers is no ticker).
_STAMP = lazy_re(r"^\W*(?:\d{1,3}(?:\s*\+\s*\d{1,2})?\s*['’′]|\d{1,2}[:.]\d{2}(?![.:/-]?\d|\.)(?:\s*(?:[ap]\.?m\.?|uhr|h))?)(?:\W|$)", re.I)


def ticker_entries(infos, keep: list[bool], free: Collection[int]) -> list[bool]:
    """A live ticker or live blog is prose entries, each under its time stamp ("88'",
    "12:45"): the stamps read as menu items, and every entry pays the decoding two switches,
    so it keeps some entries and drops others. Entries that run on from the kept article,
    each apart from the next by a few short units (``STAMP_RUN``, ``STAMP_WORDS``) of which
    a third or more are time stamps (the rest "Substitution: Jane Doe", "Half time"), are
    the article's too, when the ticker they make with the kept entries so apart at the
    article's edge has ``TICKER_ENTRIES`` entries or more; the stamps stay dropped. Only
    units no earlier stage claimed run on."""
    kept = [k for k, on in enumerate(keep) if on]
    if not kept:
        return keep
    out = list(keep)

    def dropped(k: int) -> bool:
        return k in free and not keep[k]

    for edge, step in ((kept[0], -1), (kept[-1], 1)):
        if not infos[edge].prose:
            continue
        entries = _entries(infos, dropped, edge, step)
        if entries and 1 + len(entries) + len(_entries(infos, keep.__getitem__, edge, -step)) >= TICKER_ENTRIES:
            for k in entries:
                out[k] = True
    return out


def _entries(infos, may: Callable[[int], bool], edge: int, step: int) -> list[int]:
    """The prose units after (``step`` 1) or before (-1) the entry ``edge`` that follow it
    as a ticker's entries, among the units ``may`` accepts."""
    entries: list[int] = []
    k, n = edge + step, len(infos)
    while 0 <= k < n:
        gap = stamps = 0
        while 0 <= k < n and may(k) and not infos[k].prose and infos[k].words <= STAMP_WORDS:
            stamps += _STAMP.match(infos[k].text) is not None
            gap, k = gap + 1, k + step
        if not stamps or 3 * stamps < gap or gap > STAMP_RUN or not (0 <= k < n and may(k) and infos[k].prose):
            break
        while 0 <= k < n and may(k) and infos[k].prose:
            entries.append(k)
            k += step
    return entries


def _article_terms(infos, keep: list[bool], free: Collection[int]) -> frozenset[str]:
    """The content words of the decoded article: what it is about."""
    terms: set[str] = set()
    for k in free:
        if keep[k]:
            terms |= infos[k].terms
    return frozenset(terms)


def _shared(terms: frozenset[str], topic: frozenset[str]) -> float:
    """Share of ``terms`` that ``topic`` uses too (0 for a unit without content words)."""
    return len(terms & topic) / len(terms) if terms else 0.0


def teasers_under_heading(infos, keep: list[bool], free: Collection[int], heads: tuple[str, ...] = ()) -> list[bool]:
    """A "Related" heading (the page language's too: "Mehr zum Thema", "Lesen Sie auch")
    and the headlines right under it are a teaser list, even where the decoding kept them
    because they sit inside the article ("Related Coverage" and one headline between two
    paragraphs, or a list the decoding kept under a heading a rule claimed). The heading
    stands after the start of the kept article (a menu's "Latest" above the headline
    opens no teaser list), has at most ``HEAD_WORDS`` words and no words after a colon
    ("Read more: the title" is one link, and some pages keep it as part of the article);
    the teasers are the units after it that are not prose and have at most
    ``TEASER_WORDS`` words and no sentence end, up to the next prose or a unit the
    decoding dropped. Only a heading followed by at least one such teaser counts, and
    only units no earlier stage claimed are dropped. ``heads``: the page language's
    teaser-list headings, besides the English ones."""
    out = list(keep)
    n = len(infos)
    first = _first(keep)
    if first + 1 >= n - 1:
        return out
    k = first + 1
    # only a bare heading with a kept unit after it may open the list: the engine finds
    # those, the pattern reads them
    for k0 in _core.bare_headings(*page_indexes(infos), keep, first):
        if k0 < k or not _related_head(infos[k0].text, heads):
            continue
        # a heading inside the run would drop a tail of it again: go on past it (linear time)
        k = max(_drop_teasers(infos, keep, free, k0, out), k0 + 1)
    return out


def _drop_teasers(infos, keep: list[bool], free: Collection[int], k: int, out: list[bool]) -> int:
    """Drop (in ``out``) the heading at ``k`` and the run of kept teasers under it, those
    units no earlier stage claimed; none when no teaser follows. Where the run ends."""
    j = k + 1
    while j < len(infos) and keep[j] and _teaser(infos[j]):
        j += 1
    for m in range(k, j if j > k + 1 else k):
        if m in free:
            out[m] = False
    return j


# A quantity and a unit of measure at the start of a line: "250 g", "1 Pck.", "2 EL", "1/2 cup".
_QUANTITY = lazy_re(
    r"^\W{0,3}(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔])\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:g|gr|kg|mg|ml|cl|dl|l|el|tl|msp|pck|päckchen|pkg|prise|prisen|stück|stk|bund|zehen?|dosen?|becher|"
    r"tassen?|scheiben?|cups?|c|tbsp|tsp|tablespoons?|teaspoons?|oz|ounces?|lbs?|pounds?|pinch|cloves?|cans?|"
    r"slices?|sticks?|cs|cc|cuillères?|cucharadas?|cucharaditas?|gramos|litros?|tazas?)\b\.?")


def ingredient_lists(infos, keep: list[bool], free: Collection[int]) -> list[bool]:
    """A recipe's ingredient list is the article's, though its lines ("250 g Weizenmehl",
    "Belag:", "2 Eier") read like menu items: a run of dropped units of which at least
    ``INGREDIENTS`` (and ``INGREDIENT_SHARE`` of the run) open with a quantity and a unit
    of measure, the rest short lines (``INGREDIENT_WORDS`` words or fewer), standing within
    ``INGREDIENT_REACH`` units of the kept article (the method). Menus rarely open three
    lines with "g", "EL" or "cup"; only units no earlier stage claimed are given back."""
    n = len(infos)
    kept = list(compress(range(n), keep))
    if not kept:
        return keep
    # the dropped units that may open with a quantity (the engine's), read by the pattern
    quantity = {k for k in _core.may_be_quantities(*page_indexes(infos), keep) if k in free and _quantity(infos[k])}
    out = list(keep)
    k = 0
    for q in sorted(quantity):  # the units between them open no run
        if q < k:
            continue
        k = q
        j = k
        while j < n and not keep[j] and j in free and (j in quantity or infos[j].words <= INGREDIENT_WORDS):
            j += 1
        run = range(k, j)
        amounts = sum(1 for m in run if m in quantity)
        near = _kept_within(kept, k - INGREDIENT_REACH, k) or _kept_within(kept, j - 1, j - 1 + INGREDIENT_REACH)
        if amounts >= INGREDIENTS and amounts >= INGREDIENT_SHARE * len(run) and near:
            for m in run:
                out[m] = True
        k = max(j, k + 1)
    return out


def _first(keep: list[bool]) -> int:
    """The first kept position (``len(keep)`` when none is)."""
    return keep.index(True) if True in keep else len(keep)


def _kept_within(kept: list[int], low: int, high: int) -> bool:
    """A kept unit among positions ``low`` to ``high`` (``kept`` sorted): a binary search,
    so a page of many quantity lines costs no scan of the article for each."""
    i = bisect_right(kept, high) - 1
    return i >= 0 and kept[i] >= low


def _quantity(info) -> bool:
    # a line that opens with a letter opens with no quantity (a letter is no \W, \d or fraction)
    return not info.text[:1].isalpha() and bool(_QUANTITY.match(info.text))


_MORE_HEADS = ("similar", "more posts")  # the engine's English heads the categories' pattern lacks


# What an English teaser heading's word needs after it: what the teasers are ("Related
# Coverage", "Latest News", "Recommended China Reading") or where they come from ("More
# from the Times", "Popular in Sport"). "Recommended configuration" and "Popular concepts
# include:" head the article's own lists.
_TEASER_NOUNS = frozenset("""posts post articles article stories story news reads read reading content links
videos video guides guide coverage topics items products resources recipes questions searches tags picks
updates headlines podcasts episodes reviews categories books deals jobs events this you now today""".split())
_TEASER_LINKS = frozenset("on from in for by about like to and & at of with".split())


def _related_head(text: str, heads: tuple[str, ...]) -> bool:
    """The unit opens with a teaser-list heading: English ("Related", "More from") or the
    page language's (``heads``), as the engine's ``related_head`` feature reads them. After
    an English heading word, nothing, what the teasers are or where they come from must
    follow (:data:`_TEASER_NOUNS`, :data:`_TEASER_LINKS`)."""
    head, rest = related_head_rest(text)
    if head:
        if head.split()[-1] in _TEASER_LINKS:  # "More from", "More on": any source follows
            return True
        words = [w.strip(".,:;!?()[]\"'") for w in rest.split()]
        return not any(words) or words[0] in _TEASER_LINKS or any(w in _TEASER_NOUNS for w in words)
    rest = re.sub(r"^[\W_]+", "", text)
    return any(rest.startswith(h) and not rest[len(h):len(h) + 1].isalnum() for h in heads + _MORE_HEADS)


def _bare_heading(info) -> bool:
    text = info.text.strip()
    return info.words <= HEAD_WORDS and not info.prose and ":" not in text.rstrip(":")


def _teaser(info) -> bool:
    text = info.text.rstrip()
    return not info.prose and 2 <= info.words <= TEASER_WORDS and not text.endswith((".", "!", "?", ":"))


def repeated_lines(doc: Document, infos, keep: list[bool]) -> dict[int, str]:
    """Units that only repeat what the page prints elsewhere: a table of contents is
    navigation, an echo of the line above or a preview cut short beside its line a
    duplicate (:func:`cleaner.structure.doubles.doubles`)."""
    toc, twice = doubles(doc.text, infos, keep)
    named = dict.fromkeys(toc, NAVIGATION)
    named.update(dict.fromkeys(twice, DUPLICATE))
    return named


def lone_prose(infos, keep: list[bool], free: Sequence[int]) -> list[bool]:
    """A page whose decoding kept a headline or a label, fewer than ``LONE_PROSE`` words,
    still has its article when a block of it reads as prose: the longest such block
    (``LONE_PROSE`` words or more) is kept. An article of one short paragraph under a
    title and a byline does not outweigh a page of menus and teasers in the decoding,
    and an empty article is the worst answer for it. Only lines no earlier stage claimed
    count, not the pieces of a flattened line."""
    if sum(infos[k].words for k, on in enumerate(keep) if on) >= LONE_PROSE:
        return keep   # a poem, a list, a table: an article, if not of prose
    blocks: dict[int, list[int]] = {}   # each block's prose units
    for k in free:
        if infos[k].prose and not infos[k].line.flat:   # a flattened line's pieces make no paragraph
            blocks.setdefault(infos[k].line.block, []).append(k)
    words = {block: sum(infos[k].words for k in units) for block, units in blocks.items()}
    best = max(words, key=words.__getitem__, default=None)
    if best is None or words[best] < LONE_PROSE:
        return keep
    out = list(keep)
    for k in blocks[best]:
        out[k] = True
    return out


def fill_gaps(text: str, infos, keep: list[bool], free: Collection[int]) -> list[bool]:
    """A single line dropped between two kept runs of article text (``GAP_CONTEXT`` words
    or more on each side) is the article's: a subheading, a table row or a line of code
    that reads like chrome on its own. The article is a contiguous region. Only lines no
    earlier stage claimed count, as the gap and as its sides, and only neighbours in the
    text (not across a discussion this stage does not see)."""
    n = len(infos)
    live = keep if free == range(n) else [on and k in free for k, on in enumerate(keep)]
    out = list(keep)
    gaps = [i for i in range(1, n - 1) if not keep[i] and i in free and live[i - 1] and live[i + 1]]
    if not gaps:  # most pages: no dropped line between two kept ones, no line breaks to read
        return out
    joined = [k + 1 < n and not text[infos[k].line.end:infos[k + 1].line.start].strip() for k in range(n)]
    for i in gaps:
        if not (joined[i - 1] and joined[i]):
            continue
        if _kept_words(infos, live, joined, i - 1, -1) >= GAP_CONTEXT and \
                _kept_words(infos, live, joined, i + 1, 1) >= GAP_CONTEXT:
            out[i] = True
    return out


def _kept_words(infos, live: list[bool], joined: list[bool], start: int, step: int) -> int:
    """Words of the run of kept neighbouring units from ``start`` in direction ``step``
    (counted up to GAP_CONTEXT)."""
    words, j = 0, start
    while live[j] and words < GAP_CONTEXT:
        words += infos[j].words
        nxt = j + step
        if not 0 <= nxt < len(infos) or not joined[min(j, nxt)]:
            break
        j = nxt
    return words


def _language_reading(doc: Document) -> tuple[tuple[str, ...], bool]:
    """What the features read in the page's language: its teaser-list headings (none for
    English or an unknown language) and whether it capitalises its nouns (German)."""
    from ..language.chrome import capitalises_nouns, related_heads
    from ..language.page import page_language
    language = page_language(doc)
    return related_heads(language), capitalises_nouns(language)


settle(globals())
