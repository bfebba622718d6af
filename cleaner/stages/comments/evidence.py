"""Evidence per block: how much each block reads like part of a discussion.

From the units of each block (:mod:`.reading`): the marker it carries (a
header counts in full only with a comment body beside it), the bonus the first
paragraphs after a header borrow from it, the voice of the text, a lasting
change to more blank lines than the article uses, and against it lists and
menus. Voice alone never grows the discussion: a block without structure can
only cost. Change the weights of evidence here.
"""
from __future__ import annotations

from ...document import Block, Document
from ...patterns import lazy
from ...render import normalise_all
from ...structure.features import visible
from .reading import classify
from .units import _HEADER_PARTS, HEADERS, MIN_PAIRS, Unit, _leads_its_line
from .voice import _listies, _voices


# Evidence of one marker line, by kind.
MARKER_SCORE = {"says": 3.0, "author": 2.0, "reply": 2.0, "edited": 2.0, "date": 1.5,
                "chrome": 1.0, "heading": 1.5, "form": 0.5, "none": 0.0, "claimed_meta": 1.0}
_WORDY = lazy(r"\w")
UNPAIRED_SCORE = {"says": 1.0, "author": 0.0, "date": 0.3}  # a header with no comment beside it
ATTACH = (1.4, 0.9, 0.5)  # bonus of the first, second, third paragraph of a comment body


def block_scores(doc: Document, units: list[list[Unit]] | None = None) -> list[float]:
    """Log-odds-like evidence per block: positive reads like the discussion, negative like the article."""
    return _evidence(doc, classify(doc) if units is None else units)[0]


def _evidence(doc: Document, units: list[list[Unit]]) -> tuple[list[float], list[bool], list[bool]]:
    """Scores per block, which blocks carry structure (a marker, a header's body, a layout
    change), and which open a lasting change of layout (more blank lines than the article uses)."""
    blocks = doc.blocks
    gap = typical_gap(blocks)
    trailing = _headers_trail(units)
    own, listy = _scores(doc, units, gap)
    bonus = [0.0] * len(blocks)
    wide = [gap <= 1 and b.gap_before >= 2 for b in blocks]
    # a change of layout counts when it lasts: a discussion keeps its wider spacing
    lasting = [wide[i] and (sum(wide[i:i + 6]) >= 3 or sum(wide[max(0, i - 5):i + 1]) >= 3)
               for i in range(len(blocks))]
    structural = [any(u.kind not in ("content", "claimed") for u in us) or lasting[i] for i, us in enumerate(units)]
    order = range(len(blocks) - 1, -1, -1) if trailing else range(len(blocks))
    run = None  # paragraphs of the body seen since the header
    for i in order:
        kinds = {u.kind for u in units[i]}
        has_content = "content" in kinds
        if any(u.paired for u in units[i]):
            run = 0
            if has_content and not trailing:  # the header's own block holds the start of the body
                bonus[i] += ATTACH[0]
                run = 1
            continue
        if kinds & {"heading", "form", "none"} or any(u.marker is not None and u.marker.kind in ("heading", "form", "none")
                                                       for u in units[i]):
            run = None  # a discussion heading or the comment form: no body crosses it
            continue
        if not has_content:
            if "claimed" in kinds and "claimed_meta" not in kinds:
                run = None  # page chrome ends the body
            continue
        if run is not None and run < len(ATTACH) and not listy[i]:
            bonus[i] += ATTACH[run]
            structural[i] = True
            run += 1
        else:
            run = None
    # voice alone never grows the discussion: a block without structure can only cost
    scores = [a + b if structural[i] else min(a + b, 0.0) for i, (a, b) in enumerate(zip(own, bonus))]
    return scores, structural, lasting


def _headers_trail(units: list[list[Unit]]) -> bool:
    """True when comment headers follow their comment ("…text / by NAME on DATE")."""
    flat = [u for us in units for u in us if u.kind != "claimed"]
    kinds = [u.kind for u in flat]
    primary = "says" if "says" in kinds else "author" if "author" in kinds else "date"
    # "NAME / DATE / text": the header's other lines stand between it and its comment;
    # past[k] is the first unit after k that is not a header part (one pass: linear)
    past = [len(kinds)] * (len(kinds) + 1)
    for k in range(len(kinds) - 1, -1, -1):
        past[k] = past[k + 1] if k + 1 < len(kinds) and kinds[k + 1] in _HEADER_PARTS else k + 1
    before = after = 0
    for k, kind in enumerate(kinds):
        if kind != primary:
            continue
        j = past[k]
        before += k > 0 and kinds[k - 1] == "content"
        after += j < len(kinds) and kinds[j] == "content"
    return before > after


def typical_gap(blocks: list[Block]) -> float:
    """Blank lines between the article's paragraphs, read from the first half of the page."""
    gaps = [b.gap_before for b in blocks[1:max(2, len(blocks) // 2)]]
    return _median(gaps) if gaps else 1


def _median(values: list[int]) -> float:
    """``statistics.median``, whose module (with fractions, decimal and random) cost a
    fiftieth of a start-up to import."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _scores(doc: Document, units: list[list[Unit]], typical_gap: float) -> tuple[list[float], list[bool]]:
    """Each block's own evidence (its markers, the voice of its text, its layout), and
    whether each block with text is a list (``_listy``; False for the others). The
    paragraphs' display text, voice and list shape are read for the page at once."""
    blocks, page = doc.blocks, doc.text
    own: list[float] = []
    texts, read = [], []  # the text of each block with content, and the block
    for i, us in enumerate(units):
        content = [u for u in us if u.kind == "content"]
        marked = [u for u in us if u.kind not in ("content", "claimed")]
        # a marker speaks for its block only when it is a good share of it (one date in a menu is
        # not a header), or when it holds headers that lead their comment's line (a comment list
        # printed without blank lines, ``reading._led``)
        share = 3 * len(marked) >= len(us) or _led_headers(us) >= MIN_PAIRS
        own.append(max([_marker_score(u) for u in marked]) if marked and share else 0.0)
        if content:
            texts.append(" ".join([page[u.line.start:u.line.end] for u in content]))
            read.append(i)
    listy = [False] * len(blocks)
    shapes = _listies(doc, [blocks[i] for i in read])
    shown = normalise_all(texts)
    for i, voice, shape, text in zip(read, _voices(shown), shapes, shown):
        if text[:1] in "[!" and "\n" not in text and not _WORDY.search(visible(text)):
            continue  # a line that shows no words (a link or an image alone: an avatar): no evidence
        score = own[i] + voice
        if typical_gap <= 1 and blocks[i].gap_before >= 2:
            score += 1.2
        listy[i] = shape
        if shape:
            score -= 1.2
        own[i] = score
    return own, listy


def _led_headers(units: list[Unit]) -> int:
    """Headers that lead a line of the block, their comment's text after them on it."""
    return sum(a.kind == "says" and _leads_its_line(a, b) for a, b in zip(units, units[1:]))


def _marker_score(unit: Unit) -> float:
    if unit.kind in HEADERS and not unit.paired:
        return UNPAIRED_SCORE[unit.kind]
    return MARKER_SCORE.get(unit.kind, 0.0)
