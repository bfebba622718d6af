"""The structure stage's per-page walks in the engine give what their Python references give.

``cleaner.structure.removals`` names and cuts what the stage removes in one
engine call; ``categorise`` (``structure_reference.py``) and the loop below (the
stage's former ``_removals``) are the reference, run here on made-up pages with any kept
units, names given by a later step and spans claimed by earlier stages.
"""
from __future__ import annotations

from bisect import bisect_right

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.document import BOILERPLATE, Document
from cleaner.stages.structure import _Claimed
from cleaner.structure.categories import ADVERTISEMENT, DUPLICATE, NAVIGATION, RELATED
from cleaner.structure.features import analyse, markup_spans
from cleaner.structure.model import load_weights
from cleaner.structure.removals import CATEGORIES, removals

from structure_reference import categorise, contents, echoes, previews, self_echoes

LINES = [
    "Home", "News", "Sport", "About us", "Contact | Privacy Policy | Terms of Use", "© 2024 Acme Inc. All rights reserved.",
    "We use cookies to improve your experience. By continuing you accept our use of cookies.", "Cookies",
    "Advertisement", "Share this article", "Facebook Twitter Email", "Sign up for our newsletter",
    "Related stories", "More from the Times", "Read more", "Latest", "Most popular",
    "The council approved the budget on Tuesday after a long debate about schools.",
    "Residents said they were surprised by the decision, which came late in the evening.",
    "How to grow tomatoes in a small garden", "Ten recipes for a summer evening",
    "* [Politics](https://example.com/politics)", "![A photo](https://example.com/a.jpg)",
    "some_snake_case word", "_emphasis_ here", "Click [here](http://x.y/z \"title\") now.",
    "1. First item", "- bullet item", "# Heading", "Posted 3 hours ago", "Jane Doe is a food writer.",
    "   ", "\u00a0spaced\u2003line\u00a0", "Über uns", "Impressum", "Datenschutz & Cookies", "r&d and more",
    "Ελληνικά κείμενα εδώ.", "İstanbul", "x" * 30, "FOLLOW US ON INSTAGRAM", "print", "email this story",
]

_weights = load_weights()


def gaps(starts: list[int], ends: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of [start, end) that no claimed span (``starts``/``ends``, merged and
    sorted) covers: the stage's former ``_Claimed.gaps``."""
    k = bisect_right(starts, start) - 1
    if start < end and (k < 0 or ends[k] <= start) and (k + 1 == len(starts) or starts[k + 1] >= end):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    k = max(k, 0)
    pos = start
    while k < len(starts) and starts[k] < end:
        if ends[k] > pos:
            if starts[k] > pos:
                out.append((pos, starts[k]))
            pos = max(pos, ends[k])
        k += 1
    if pos < end:
        out.append((pos, end))
    return out


def reference(text: str, infos, keep, named, claimed) -> list[tuple[int, int, str]]:
    """What the stage removed before the engine walked the page."""
    out = []
    for info, category in categorise(None, infos, keep, named):
        unit = info.line
        if category is None:
            if text.find("](", unit.start, unit.end) >= 0 or text.find("_", unit.start, unit.end) >= 0:
                for a, b in markup_spans(text[unit.start:unit.end]):
                    if claimed.free(unit.start + a, unit.start + b):
                        out.append((unit.start + a, unit.start + b, "markup"))
            continue
        for a, b in gaps(claimed.starts, claimed.ends, unit.start, unit.end):
            if text[a:b].strip():
                out.append((a, b, category))
    return out


def engine(text: str, infos, keep, named, claimed) -> list[tuple[int, int, str]]:
    found = removals(text, infos, keep, named, claimed.starts, claimed.ends, claimed.free)
    return [(a, b, CATEGORIES[c]) for a, b, c in zip(found.starts, found.ends, found.codes)]


@st.composite
def pages(draw):
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=25))
    gaps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n  \n"]), min_size=len(lines), max_size=len(lines)))
    text = "".join(line + gap for line, gap in zip(lines, gaps))
    doc = Document(text)
    for a, b in draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 40)), max_size=4)):
        doc.annotate(a, min(len(text), a + b), BOILERPLATE)
    infos = analyse(doc, _weights.stopwords)
    if infos and draw(st.booleans()):  # the stage judges a subset (the page less its discussion)
        drop = draw(st.sets(st.integers(0, len(infos) - 1)))
        infos = [info for k, info in enumerate(infos) if k not in drop]
    keep = draw(st.lists(st.booleans(), min_size=len(infos), max_size=len(infos)))
    named = {}
    if infos:
        for k in draw(st.sets(st.integers(0, len(infos) - 1), max_size=3)):
            if not keep[k]:
                named[k] = draw(st.sampled_from([NAVIGATION, DUPLICATE, RELATED, ADVERTISEMENT]))
    return text, infos, keep, named, _Claimed(doc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_removals_are_the_references(case):
    assert engine(*case) == reference(*case)


def test_a_page_of_chrome_is_named_as_the_reference_names_it():
    text = "\n".join(LINES) + "\n"
    doc = Document(text)
    doc.annotate(10, 60, BOILERPLATE)
    infos = analyse(doc, _weights.stopwords)
    claimed = _Claimed(doc)
    for keep in ([False] * len(infos), [k % 3 == 0 for k in range(len(infos))], [k > 20 for k in range(len(infos))]):
        case = (text, infos, keep, {1: DUPLICATE}, claimed)
        found = engine(*case)
        assert found == reference(*case)
        assert {"cookie_notice", "social_share", "newsletter"} <= {c for _, _, c in found}


DOUBLE_LINES = [
    "Table of Contents", "In this article", "Jump to", "What's inside", "Contents hide", "1. Introduction",
    "2.1 The method", "• Results", "Introduction", "The method", "Results", "Shamrock Saturday is here, the shamrocks",
    "Shamrock Saturday is here, t Shamrock Saturday is here, the shamrocks are out.",
    "Thermal Imaging Camera Thermal imaging cameras detect heat.", "A caption of the photo, twenty chars",
    "A caption of the photo, twenty chars", "  A caption of the photo, twenty chars ",
    "with nothing but a pack on your back and a trail...", "With nothing but a pack on your back and a trail in front of you.",
    "How To Write a Lawn Care & Landsca…", "How to write a lawn care & landscaping business plan today",
    "Name\tName\tName\tName\tName\tName\tName\tName", "ΟΔΟΣ ΣΑ ΟΔΟΣ ΣΑ ΟΔΟΣ ΣΑ ΟΔΟΣ ΣΑ ΟΔΟΣ ΣΑ ΟΔΟΣ ΣΑ ΟΔΟΣ...",
    "İstanbul İstanbul İstanbul İstanbul İstanbul İstanbul", "[Results](http://x.y/r)", "Results ...",
    "The council approved the budget on Tuesday after a long debate about schools.", "Reply", "Menu",
]


@st.composite
def double_pages(draw):
    lines = draw(st.lists(st.sampled_from(DOUBLE_LINES), min_size=1, max_size=25))
    text = "\n".join(lines) + "\n"
    infos = analyse(Document(text), _weights.stopwords)
    if infos and draw(st.booleans()):
        drop = draw(st.sets(st.integers(0, len(infos) - 1)))
        infos = [info for k, info in enumerate(infos) if k not in drop]
    keep = draw(st.lists(st.booleans(), min_size=len(infos), max_size=len(infos)))
    return text, infos, keep


def reference_doubles(text, infos, keep):
    doc = Document(text)
    toc = contents(infos)
    kept = [on and k not in toc for k, on in enumerate(keep)]
    return sorted(toc), sorted(echoes(doc, infos, kept) | self_echoes(doc, infos, kept) | previews(infos, kept))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(double_pages())
def test_doubles_are_the_references(case):
    from cleaner.structure.doubles import doubles
    assert doubles(*case) == reference_doubles(*case)


def test_every_shape_of_double_is_found_as_the_reference_finds_it():
    from cleaner.structure.doubles import doubles
    text = "\n".join(DOUBLE_LINES[:8] + DOUBLE_LINES) + "\n"
    infos = analyse(Document(text), _weights.stopwords)
    toc, twice = doubles(text, infos, [True] * len(infos))
    assert (toc, twice) == reference_doubles(text, infos, [True] * len(infos))
    assert toc and len(twice) >= 4


# ---------------------------------------------------------------- the stage's walks

PASS_LINES = LINES + [
    "Related Coverage", "Read more: the title of it", "Latest News", "More from the Times:", "Mehr zum Thema",
    "250 g Mehl", "2 EL Zucker", "½ cup sugar", "• 1 Pck. Vanillezucker", "Belag:", "Butter", "3 eggs",
    "١٢ g salt", "(2) tbsp oil", "Step 1: mix everything well and bake it for twenty minutes until golden.",
]


def reference_uncovered(claimed, infos):
    starts, ends = claimed.starts, claimed.ends
    if not starts:
        return list(range(len(infos)))
    out, k, last = [], -1, len(starts) - 1
    for i, info in enumerate(infos):
        unit = info.line
        while k < last and starts[k + 1] <= unit.start:
            k += 1
        if k < 0 or ends[k] < unit.end:
            out.append(i)
    return out


def reference_already_clean(infos) -> bool:
    total = sum(i.words for i in infos) or 1
    chrome = run = longest = 0
    for info in infos:
        if info.line.flat:
            return False
        if info.prose or info.words >= 12:
            run = 0
            continue
        chrome += info.words
        if info.words <= 6:
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return chrome / total < 0.25 and longest < 5


def reference_teasers(infos, keep, free, heads):
    from cleaner.stages.structure import _bare_heading, _drop_teasers, _related_head
    out, n = list(keep), len(infos)
    first = next((k for k, on in enumerate(keep) if on), n)
    k = first + 1
    while k < n - 1:
        if not keep[k + 1] or not _bare_heading(infos[k]) or not _related_head(infos[k].text, heads):
            k += 1
            continue
        k = max(_drop_teasers(infos, keep, free, k, out), k + 1)
    return out


def reference_ingredients(infos, keep, free):
    from cleaner.stages.structure import _kept_within, _quantity
    n = len(infos)
    kept = [k for k, on in enumerate(keep) if on]
    if not kept:
        return keep
    quantity = [k in free and not keep[k] and _quantity(infos[k]) for k in range(n)]
    out, k = list(keep), 0
    while k < n:
        if not quantity[k]:
            k += 1
            continue
        j = k
        while j < n and not keep[j] and j in free and (quantity[j] or infos[j].words <= 6):
            j += 1
        run = range(k, j)
        amounts = sum(quantity[m] for m in run)
        near = _kept_within(kept, k - 8, k) or _kept_within(kept, j - 1, j - 1 + 8)
        if amounts >= 3 and amounts >= 0.4 * len(run) and near:
            for m in run:
                out[m] = True
        k = max(j, k + 1)
    return out


@st.composite
def walk_pages(draw):
    lines = draw(st.lists(st.sampled_from(PASS_LINES), min_size=1, max_size=30))
    text = "\n".join(lines) + "\n"
    doc = Document(text)
    for a, b in draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 60)), max_size=4)):
        doc.annotate(a, min(len(text), a + b), BOILERPLATE)
    infos = analyse(doc, _weights.stopwords, ("mehr zum thema",))
    if infos and draw(st.booleans()):
        drop = draw(st.sets(st.integers(0, len(infos) - 1)))
        infos = [info for k, info in enumerate(infos) if k not in drop]
    keep = draw(st.lists(st.booleans(), min_size=len(infos), max_size=len(infos)))
    return doc, infos, keep


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(walk_pages())
def test_the_stage_walks_are_the_references(case):
    from cleaner.stages.structure import PageStructure, ingredient_lists, teasers_under_heading
    doc, infos, keep = case
    claimed = _Claimed(doc)
    free = claimed.uncovered(infos)
    assert list(free) == reference_uncovered(claimed, infos)
    for units in (infos, [infos[k] for k in free]):
        assert PageStructure.already_clean(units) == reference_already_clean(units)
    for where in (free, set(free)):
        heads = ("mehr zum thema",)
        assert teasers_under_heading(infos, keep, where, heads) == reference_teasers(infos, keep, where, heads)
        assert ingredient_lists(infos, keep, where) == reference_ingredients(infos, keep, where)


def reference_leads(infos, keep, free, weights):
    from cleaner.stages.structure import (LEAD_REACH, LEAD_TOPIC, LEADS, SHORT_ARTICLE, _SELF_DESCRIPTION,
                                          _article_terms, _shared)
    from cleaner.structure.model import local_scores
    kept = sum(infos[k].words for k in free if keep[k])
    first = next((k for k, on in enumerate(keep) if on), len(keep))
    candidates = sorted(k for k in free if k < first and infos[k].prose and not infos[k].line.flat
                        and infos[k].words >= 15 and not infos[k].listed
                        and not _SELF_DESCRIPTION.match(infos[k].text))
    if not candidates:
        return keep
    own = local_scores([infos[k] for k in candidates], weights.local, weights.local_bias)
    leads = [k for k, v in zip(candidates, own) if v > 0.0]
    if not leads or len(leads) > LEADS:
        return keep
    if kept >= SHORT_ARTICLE:
        topic = _article_terms(infos, keep, free)
        leads = [k for k in leads if first - k <= LEAD_REACH and _shared(infos[k].terms, topic) >= LEAD_TOPIC]
    out = list(keep)
    for k in leads:
        out[k] = True
    return out


LEAD_LINES = PASS_LINES + [
    "- The council approved the budget on Tuesday after a long debate about schools and roads.",
    "We are sisters who love to travel and write about the places we see on the way home.",
    "The mayor said the plan would cut costs for the city and its residents over the next ten years.",
    "Schools will get new buildings, and the roads will be repaired before the winter comes to town.",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LEAD_LINES), min_size=1, max_size=30), st.data())
def test_leads_are_the_references(lines, data):
    from cleaner.stages.structure import lead_paragraphs
    doc = Document("\n\n".join(lines) + "\n")
    infos = analyse(doc, _weights.stopwords)
    keep = data.draw(st.lists(st.booleans(), min_size=len(infos), max_size=len(infos)))
    for free in (range(len(infos)), [k for k in range(len(infos)) if k % 3], {k for k in range(len(infos)) if k % 2}):
        assert lead_paragraphs(infos, keep, free, _weights) == reference_leads(infos, keep, free, _weights)
