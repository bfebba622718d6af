"""Evidence per line of a whole-page text: what a line looks like, on its own and in its block.

Everything here is converter-neutral: markdown that html2text leaves (``* [x](url)``
lists, ``#`` headings, ``![img](src)``) is read as list / heading / link evidence and
stripped before the words are counted, so the same page made by another converter
gives much the same features.

A line becomes a list of *active feature names* (indicator features: a numeric
quantity is cut into bins). The model (:mod:`cleaner.structure.model`) adds up a
weight per active feature; names, not positions, tie the weights to the code.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document

# ---------------------------------------------------------------- markup shapes

# One pass finds every markdown link or image: ``[text](target)`` / ``![alt](src)``.
# Bounded repetition keeps the scan linear on hostile text.
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,400}\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_TARGET = re.compile(r"\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_UNDERSCORE = re.compile(r"(?<![\w_])_+(?=\S)|(?<=\S)(?<!_)_+(?![\w_])")
_BULLET = re.compile(r"^(?:[*+\-•·▪►◦‣▸–—]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]*)(?:\s|$)")
_DATE = re.compile(r"(?i)\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b")
_GLUED = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")  # "NoticeTerms", "historyEnergy": menu items run together
# A capitalised word between two lower-case ones with no punctuation before it ("… as a caregiver
# How we make memories Treating mild …"): where one teaser title ends and the next begins once a
# converter runs them together; prose has it only before a name.
_TITLE_BREAK = re.compile(r"(?<=[a-z\d]) (?=[A-Z][a-z]+ [a-z]{2,})")
_GLUED_TOKEN = re.compile(r"(?<!\S)(?=\S{4})\S*?[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]\S*")
_LETTER = re.compile(r"[^\W\d_]")
_INITIAL = re.compile(r"(?<!\S)[^\W\d_]")  # first character of a token, when it is a letter
_DIGITS = re.compile(r"\d+")
_TERM = re.compile(r"[^\W\d_]{3,}")  # a content word, once stopwords are out
_AGO = re.compile(r"(?i)\b(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|\d+\s*min(?:ute)?s?\s+read)\b")

# Words that name page chrome. Short, English-first lists: they are evidence the
# model weighs, not rules; the shape features carry pages in other languages.
_CUES = {
    "cookie": ("cookie", "cookies", "consent", "gdpr", "tracking"),
    "legal": ("copyright", "rights", "reserved", "privacy", "terms", "policy", "disclaimer", "imprint", "impressum"),
    "account": ("login", "log", "sign", "signin", "subscribe", "subscription", "register", "account", "newsletter", "password", "email"),
    "share": ("share", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "instagram", "youtube", "reddit", "telegram", "email", "print", "copy", "link"),
    "related": ("related", "recommended", "popular", "trending", "latest", "more", "read", "also", "next", "previous", "prev", "see", "similar", "top", "stories", "articles", "posts", "most"),
    "ad": ("advertisement", "advertising", "sponsored", "ad", "ads", "promoted", "partner", "affiliate", "commission"),
    "nav": ("home", "menu", "search", "skip", "navigation", "contact", "about", "us", "back", "top", "close", "open", "toggle", "main", "content", "sitemap", "categories", "tags", "archives", "faq", "help"),
}
_CUE_OF: dict[str, tuple[str, ...]] = {}
for _cue, _words in _CUES.items():
    for _w in _words:
        _CUE_OF[_w] = _CUE_OF.get(_w, ()) + (_cue,)
_SYMBOLS = ("|", "»", "›", "•", "·", "/", "©", ">", "→", "←")

# ---------------------------------------------------------------- bins

def _binner(edges: tuple[float, ...], name: str):
    labels = [f"{name}<{edges[0]}"] + [f"{name}>={e}" for e in edges]
    return lambda value: labels[bisect_right(edges, value)]


def _int_binner(edges: tuple[int, ...], name: str, size: int = 256):
    """The same labels as :func:`_binner`, looked up in a table for small integers."""
    slow = _binner(edges, name)
    table = [slow(k) for k in range(size)]
    return lambda value: table[value] if 0 <= value < size else slow(value)


NWORDS = _int_binner((1, 2, 3, 4, 5, 7, 9, 12, 16, 22, 30, 45, 70, 120), "nw")
STOP = _binner((0.05, 0.15, 0.25, 0.35, 0.45, 0.6), "stop")
CAPS = _binner((0.2, 0.4, 0.6, 0.8, 0.95), "caps")
DIGIT = _binner((0.05, 0.15, 0.3, 0.5), "digit")
LINKS = _binner((0.05, 0.3, 0.6, 0.9), "link")
SENTS = _int_binner((1, 2, 3, 5), "sents")
MEANLEN = _binner((3.0, 4.0, 5.0, 6.0, 7.5, 10.0), "wlen")
REPEAT = _binner((2, 3, 5), "rep")
POS = _binner((0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95), "pos")
BLINES = _binner((2, 3, 5, 9, 17), "blines")
BWORDS = _binner((4, 10, 25, 60, 150, 400), "bwords")
BSHORT = _binner((0.2, 0.5, 0.8, 0.99), "bshort")
GLUED = _binner((0.1, 0.3), "glued")
BREAKS = _binner((0.02, 0.05, 0.1), "breaks")
_FLAT_CROSSED = ("nw", "sents", "end_", "breaks", "date_in_long", "prose")
PREFIX = _binner((3, 5, 10), "prefix")


FLAT = 1500          # a line longer than this is a flattened page: cut it into sentences
_SENT_GAP = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """The piece the model labels: a line, or a sentence-like piece of a flattened line."""

    start: int
    end: int
    block: int      # block (or pseudo-block) that holds it
    flat: bool      # cut out of a flattened line


def _is_cap(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return True  # symbols and numbers read like menu items, not like prose


def _is_low(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return ch.islower()
    return False


@lru_cache(maxsize=16)  # a few lines of the documents in hand; the key holds the text
def split_flat(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Cut a flattened line into sentence-like pieces, and cut a run of title-case menu
    words off the sentence it runs into ("… Weight Loss Diets Protein continues to be huge.").
    Cached: the rules and the structure stage cut the same lines of one document."""
    pieces: list[tuple[int, int]] = []
    chunk = text[start:end]
    pos = 0
    for m in _SENT_GAP.finditer(chunk):
        nxt = chunk[m.end():m.end() + 2]
        if nxt[:1].isupper() or nxt[:1].isdigit() or (nxt[:1] in "\"'“‘«([" and nxt[1:2].isupper()):
            pieces.append((pos, m.end()))
            pos = m.end()
    pieces.append((pos, len(chunk)))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        out.extend(_split_menu_run(chunk, a, b))
    return tuple((start + a + (len(chunk[a:b]) - len(chunk[a:b].lstrip())), start + a + len(chunk[a:b].rstrip()))
                 for a, b in out if chunk[a:b].strip())


def _split_menu_run(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split before a capitalised word that ends a title-case run and starts lower-case prose."""
    piece = chunk[a:b]
    tokens: list[tuple[int, str]] = [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)]
    if len(tokens) < 8:
        return [(a, b)]
    caps = [_is_cap(t) for _, t in tokens]
    low = [_is_low(t) for _, t in tokens]
    cuts: list[int] = []
    last = 0
    for j in range(4, len(tokens) - 2):
        window_low = sum(low[j - 4:j])
        if window_low <= 1 and caps[j] and low[j + 1] and low[j + 2] and j - last >= 4:
            cuts.append(tokens[j][0])
            last = j
    if not cuts:
        return [(a, b)]
    bounds = [0] + cuts + [len(piece)]
    return [(a + x, a + y) for x, y in zip(bounds, bounds[1:])]


@dataclass(slots=True)
class LineInfo:
    """What one unit shows once its markup is read."""

    line: Unit
    words: int          # display words
    chars: int          # display characters
    text: str           # display text (markup stripped), lower-cased
    prose: bool         # a sentence-like line: long, stopwords, sentence punctuation
    features: list[str]
    terms: frozenset[str] = frozenset()  # content words: what the line is about


def markup_spans(raw: str) -> list[tuple[int, int]]:
    """Spans of ``raw`` that are markdown markup with words in it: images (``![alt](src)``),
    links' brackets and targets (all of ``[text](url)`` but its text) and ``_emphasis_``
    underscores.
    Dropping them leaves the words a reader sees; other markup carries no words."""
    spans: list[tuple[int, int]] = []
    if "](" in raw:
        if "![" in raw:
            spans.extend(m.span() for m in _MD_IMAGE.finditer(raw))
        pos = 0
        for m in _MD_TARGET.finditer(raw):
            opening = raw.rfind("[", pos, m.start())  # the link's "[": a reader sees its words only
            if opening >= 0:
                spans.append((opening, opening + 1))
            spans.append(m.span())
            pos = m.end()
    if "_" in raw:
        spans.extend(m.span() for m in _MD_UNDERSCORE.finditer(raw))
    if len(spans) > 1:
        spans.sort()
        merged = [spans[0]]
        for a, b in spans[1:]:
            if a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        spans = merged
    return spans


def display(raw: str) -> tuple[str, int, bool, bool, int, int]:
    """(display text, link-text chars, list item?, heading?, links, images) of one raw line."""
    is_list = is_heading = False
    if raw[:1] == "#":
        m = _HEADING.match(raw)
        if m:
            is_heading = True
            raw = raw[m.end():]
    m = _BULLET.match(raw)
    if m:
        is_list = True
        raw = raw[m.end():]
    link_chars = links = images = 0
    if "](" in raw:
        if "![" in raw:
            raw, images = _MD_IMAGE.subn(" ", raw)
        parts: list[str] = []
        pos = 0
        for m in _MD_TARGET.finditer(raw):
            lb = raw.rfind("[", pos, m.start())
            if lb >= 0:
                links += 1
                link_chars += len(raw[lb + 1:m.start()].strip())
                parts.append(raw[pos:lb])
                parts.append(raw[lb + 1:m.start()])
            else:
                parts.append(raw[pos:m.start()])
            pos = m.end()
        parts.append(raw[pos:])
        raw = "".join(parts)
    if "*" in raw or "_" in raw:
        raw = raw.replace("**", "").replace("__", "")
        if "_" in raw:
            raw = _MD_UNDERSCORE.sub("", raw)
    if "http" in raw or "www." in raw:
        raw = _URL.sub(" ", raw)
    return raw.strip(), link_chars, is_list, is_heading, links, images


def _text_features(raw: str, stopwords: frozenset[str]
                   ) -> tuple[int, int, str, bool, tuple[str, ...], str, frozenset[str]]:
    """(words, chars, display text lower-cased, prose?, features, repetition key, content words)
    of one unit's text."""
    shown, link_chars, is_list, is_heading, links, images = display(raw)
    low = shown.lower()
    tokens = low.split()
    words = _WORD.findall(low)
    nw = len(tokens)
    chars = len(shown)
    f: list[str] = [NWORDS(nw)]
    alpha = _LETTER.search(low) is not None
    if words:
        stop = sum(map(stopwords.__contains__, words)) / len(words)
        f.append(STOP(stop))
        f.append(MEANLEN(sum(map(len, words)) / len(words)))
    else:
        stop = 0.0
        f.append("nowords")
    # capitalisation over the display tokens, not the lower-cased ones
    if alpha:
        initials = _INITIAL.findall(shown)
        if initials:
            f.append(CAPS(sum(map(str.isupper, initials)) / len(initials)))
        first = shown.lstrip("\"'“‘«(¿¡[")[:1]
        if first.islower():
            f.append("starts_lower")
    if nw and _GLUED.search(shown):
        glued = len(_GLUED_TOKEN.findall(shown))
        if glued:
            f.append(GLUED(glued / nw))
    if nw >= 8:
        f.append(BREAKS(len(_TITLE_BREAK.findall(shown)) / nw))
    digits = 0
    if chars:
        digits = sum(map(len, _DIGITS.findall(shown)))
        f.append(DIGIT(digits / chars))
    end = shown[-1:] if shown else ""
    if end in ".!?…":
        f.append("end_stop")
    elif end in "\"'”’»)":
        f.append("end_quote" if shown[-2:-1] in ".!?," else "end_close")
    elif end == ":":
        f.append("end_colon")
    elif end in ",;":
        f.append("end_comma")
    elif end:
        f.append("end_other")
    sents = len(_SENTENCE_END.findall(shown)) if nw >= 3 else 0
    f.append(SENTS(sents))
    if is_list:
        f.append("list")
    if is_heading:
        f.append("md_heading")
    if links:
        f.append(LINKS(link_chars / max(chars, 1)))
        if links >= 3:
            f.append("links>=3")
    if images:
        f.append("image")
    if not shown:
        f.append("markup_only")
    for sym in _SYMBOLS:
        if sym in shown:
            f.append("sym" + sym)
    cues: set[str] = set()
    for w in words[:12]:
        hit = _CUE_OF.get(w)
        if hit:
            cues.update(hit)
    for cue in cues:
        f.append(("cue_short_" if nw <= 12 else "cue_long_") + cue)
    if "©" in shown or "(c)" in low:
        f.append("copyright")
    if digits and _DATE.search(shown):
        # a date line, or a teaser's date inside a longer one ("Airlines Dec 19, 2025 Cathay …")
        f.append("date" if nw <= 12 else "date_in_long")
    if nw <= 12 and digits and _AGO.search(low):
        f.append("ago")
    if nw <= 3 and chars <= 25:
        f.append("tiny")
    prose = nw >= 8 and stop >= 0.2 and (sents >= 1 or end in ".!?…\"”’")
    if prose:
        f.append("prose")
    if nw >= 20 and stop >= 0.25:
        f.append("long_stop")
    terms = frozenset(w for w in _TERM.findall(low) if w not in stopwords)
    return nw, chars, low, prose, tuple(f), " ".join(words), terms


def analyse(doc: Document, stopwords: frozenset[str]) -> list[LineInfo]:
    """Features of every line of ``doc``, with its block and the page around it."""
    text = doc.text
    size = max(len(text), 1)
    infos: list[LineInfo] = []
    keys: list[str] = []
    units = page_units(doc)
    cache: dict[str, tuple] = {}
    for group in units:
        for line in group:
            raw = text[line.start:line.end]
            known = cache.get(raw)
            if known is None:
                known = cache[raw] = _text_features(raw, stopwords)
            nw, chars, low, prose, own, key, terms = known
            f = list(own)
            # position in the page and in the block
            f.append(POS(line.start / size))
            if line.flat:
                # a piece of a flattened line is cut at sentence ends: its length and its
                # punctuation mean something else than a line's (a long piece with no sentence
                # end is a menu run)
                f.append("flat")
                f.extend(["flat_" + x for x in own if x.startswith(_FLAT_CROSSED)])
            if len(group) == 1:
                f.append("single_line_block")
            elif line is group[0]:
                f.append("block_first")
            elif line is group[-1]:
                f.append("block_last")
            else:
                f.append("block_mid")
            infos.append(LineInfo(line, nw, chars, low, prose, f, terms))
            keys.append(key)
    _page_features(units, infos, keys)
    return infos


def page_units(doc: Document) -> list[list[Unit]]:
    """Units grouped by (pseudo-)block: a block's lines, or each piece of a flattened line alone."""
    text = doc.text
    groups: list[list[Unit]] = []
    for block in doc.blocks:
        if all(line.end - line.start <= FLAT for line in block.lines):
            b = len(groups)
            groups.append([Unit(line.start, line.end, b, False) for line in block.lines])
            continue
        for line in block.lines:
            if line.end - line.start <= FLAT:
                groups.append([Unit(line.start, line.end, len(groups), False)])
            else:
                for a, e in split_flat(text, line.start, line.end):
                    groups.append([Unit(a, e, len(groups), True)])
    return groups


def _page_features(units: list[list[Unit]], infos: list[LineInfo], keys: list[str]) -> None:
    """Repetition inside the page and the shape of each line's block."""
    counts: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    heads = []
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
        parts = k.split(" ", 2)
        head = " ".join(parts[:2]) if len(parts) >= 3 else ""
        heads.append(head)
        if head:
            prefixes[head] = prefixes.get(head, 0) + 1
    for info, k, head in zip(infos, keys, heads):
        n = counts.get(k, 0)
        if n >= 2:
            info.features.append(REPEAT(n))
            if info.words >= 8:
                info.features.append("repeat_long")
        if head and prefixes[head] >= 3:
            info.features.append(PREFIX(prefixes[head]))
    # block shape
    i = 0
    total = len(infos)
    for group in units:
        n = len(group)
        members = infos[i:i + n]
        bw = sum(m.words for m in members)
        short = sum(1 for m in members if m.words <= 4) / n
        listish = sum(1 for m in members if "list" in m.features) / n
        feats = [BLINES(n), BWORDS(bw), BSHORT(short)]
        if listish >= 0.5:
            feats.append("block_listy")
        if any(m.prose for m in members):
            feats.append("block_has_prose")
        for m in members:
            m.features.extend(feats)
        i += n
    assert i == total


def visible(raw: str) -> str:
    """``raw`` without its :func:`markup_spans`: the words the main text will show."""
    spans = markup_spans(raw)
    if not spans:
        return raw
    parts, pos = [], 0
    for a, b in spans:
        parts.append(raw[pos:a])
        pos = b
    parts.append(raw[pos:])
    return " ".join(parts)
