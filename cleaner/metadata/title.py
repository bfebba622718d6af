"""The article's title: the headline line that heads the article.

On whole-page text the headline is one short line among many before the
article (menus, breadcrumbs, teasers, an image caption), so no single line
tells; the evidence is where it stands and what the page does with it:

* **it heads the article**: few lines between it and the first paragraph;
* **a byline, a dateline or a reading time follows it** within a few lines;
* **the page prints it again**: in a breadcrumb ("Home » Title"), as the
  page title with the site's name after it ("Title | Site"), twice, or in
  other words a few lines lower (a heading over the article's text);
* **the article is about it**: its words recur in the first paragraphs;
* **it reads like a headline**: two to 30 words, no sentence end, a capital.
* **it stands apart**: a block of its own, blank lines around it; a subheading
  or a teaser is more often run together with the lines near it.

Each candidate gets a score (weights below, set by hand on half of the WCXB
development pages and checked on the other half); the best one above
``MIN_SCORE`` is the title. A site suffix the line itself carries ("Title |
Site") is cut off when the page prints the bare title too, or when what is cut
is a short name.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..patterns import budget, engine, lazy, settle
from .dates import find_date_spans
from .region import Page, text_key

if TYPE_CHECKING:
    import regex

MAX_WORDS = 30
MAX_CHARS = 250
AFTER_FIRST = 6       # lines after the article's first paragraph a byline may show the head goes on to
FOLLOW = 5            # lines after the title a byline or dateline may stand on
ARTICLE_WORDS = 400   # words of the article's opening the title's words are sought in

W_NEAR = 1.0          # standing right above the article, fading by ``NEAR_DECAY`` a line
NEAR_DECAY = 0.9
W_FOLLOWED = 2.0      # a byline or dateline follows
W_REPEATED = 0.5      # the page prints it again
W_CRUMB = 0.75        # ... as a list's item or with the site's name after it
W_TRAIL = 2.0         # ... as a breadcrumb's last item ("Home » Guides » Title"; "1. Home", "2. Title")
W_OVERLAP = 2.5       # content words the article's opening uses, over at least ``OVERLAP_MIN``
OVERLAP_MIN = 3
W_SHORT = (-2.5, -1.0)  # one word, two words: a menu item or a site name more often than a title
W_WORD = 0.2          # per word up to ``LONG``: a headline says something, a menu item does not
LONG = 12
W_BULLET = -2.0       # a list item ("• …", "3. …"): a menu or a breadcrumb
W_ALONE = 3.0         # a block of its own: a headline stands apart, a subheading in a run of text less often
MIN_SCORE = 0.5

_BULLET = lazy(r"^(?:[•·*▪►»›]|\d{1,2}[.)]\s|[-–—]\s)")
_SEPARATOR = re.compile(r"\s(?:[|·•»\-–—]|::)\s")  # what _SUFFIX needs: most lines have none
_CRUMB_SEPARATORS = (" » ", " › ", " > ", " / ")
_BULLET_MARKS = frozenset("•·*▪►»›")   # a _BULLET match of one of these is the mark alone
_BULLET_STARTS = _BULLET_MARKS | frozenset("-–—")  # what a _BULLET match starts with, or a digit
_SUFFIX = lazy(r"^(?P<title>.+?)\s+(?:[|·•»]|::|[-–—])\s+(?P<site>[^|·•»]{1,60})$")
_WORD = lazy(r"\p{L}[\p{L}\p{N}'’-]*")
_WORDS = engine(_WORD.args[0])   # the same words, found by the engine's automata (linear: no timeout)
# What lies outside Latin, Greek, Cyrillic and punctuation: there the engine's Unicode tables
# and the ``regex`` module's (of other Unicode versions) may class a character apart.
_BEYOND_SHARED = re.compile("[^\x00-\u0557\u2000-\u206f]")
_URL = lazy(r"https?://|www\.|\.(?:com|org|net)\b")
_CHROME = frozenset("""skip content menu home search login sign subscribe newsletter cookie cookies share
follow comments comment contact privacy terms navigation close toggle table contents advertisement back
blog download free trial demo started learn more read view all see explore book call request powered
information gadget widget""".split())
# The last word of an image's alt text or a logo's label, printed where the image was.
_PICTURE = frozenset("image images logo icon photo picture avatar thumbnail banner".split())
_STOP = frozenset("""the a an and or of to in on for with at by from is are was be as that this it its your you
our we how what why when who which der die das und den von zu mit le la les des du et en un une el los las
del y il di e o da do dos para por""".split())


@dataclass
class Candidate:
    position: int
    text: str
    score: float


def choose_title(page: Page, marks: set[int]) -> Candidate | None:
    """The best headline line before the article (``marks``: positions of byline and date lines)."""
    if page.first is None:
        return _first_headline(page)
    opening = _opening_words(page)
    counts = _line_counts(page)
    shaped: dict[int, tuple[str, float]] = {}
    notices: set[int] = set()
    site = _site_name(page)
    start, end = page.head().start, _head_end(page, marks)
    follow = marks | _reading_times(page, start, end + FOLLOW)   # what marks the line over it as a headline
    for k in range(start, end):
        if k in follow or k in site or not page.chrome_only(k) or k >= page.first and k in page.prose \
                and not (k == page.first and _title_line(page, k)):
            continue
        text = page.texts[k]
        if _notice(text):
            notices.add(k)
        elif _headline_shape(text):
            shaped[k] = (text, _score(page, k, text, follow, opening, counts))
    _far_headlines(page, shaped, site, opening, counts)
    _echoes(shaped)
    _framed(page, shaped)
    best: Candidate | None = None
    for k, (text, score) in shaped.items():
        if score >= MIN_SCORE and (best is None or score >= best.score):
            best = Candidate(k, text, score)  # ties: the later line, nearer the article
    if best is not None:
        above = best.position - 1
        while above in notices:   # "This article is more than 3 months old" between headline and deck
            above -= 1
        if _headline_over_deck(best, shaped.get(above), opening) and _apart(page, above, best.position):
            best = Candidate(above, *shaped[above])
    if best is not None:
        best.text = _without_label(_without_date(display_title(strip_site(best.text, counts))), counts)
    return best


_LABEL = lazy(r"^\p{L}+:\s+(?P<title>\S.*)$")


def _without_label(text: str, counts: dict[str, int]) -> str:
    """The title without a one-word label before it ("PROJECT: Weekend Coding Agent") when the
    page prints the title without it too: the label is the page's kicker, not the title's."""
    m = _LABEL.match(text, timeout=budget(text)) if ":" in text else None
    return m["title"] if m and counts.get(text_key(m["title"]), 0) else text


FAR_LINES = 120       # lines before the article a headline with a dated line under it may stand
DATED_WORDS = 20      # a dated line under a far headline has this many words at most


def _far_headlines(page: Page, shaped: dict[int, tuple[str, float]], site: set[int], opening: set[str],
                   counts: dict[str, int]) -> None:
    """Headlines above the head: a page may print its headline, byline and date, then a long
    run of product boxes, a table of contents or an author box before the first paragraph
    ("The Best Ergonomic Mice for 2026" / "Updated Nov 26, 2025" / … 60 lines … / the text). A
    line there is a candidate when it stands as a block of its own with a short dated line
    within ``FOLLOW`` lines under it."""
    start = page.head().start
    for k in range(max(0, page.first - FAR_LINES), start):
        if k in site or not _apart(page, k, k):
            continue
        dated = {j for j in range(k + 1, min(k + FOLLOW + 1, len(page.texts)))
                 if len(page.texts[j].split()) <= DATED_WORDS and find_date_spans(page.texts[j])}
        text = page.texts[k]
        if dated and _headline_shape(text) and not _notice(text) and page.chrome_only(k):
            shaped[k] = (text, _score(page, k, text, dated, opening, counts))


def _head_end(page: Page, marks: set[int]) -> int:
    """Where the title may stand until: the article's first paragraph, or, when no byline or
    dateline stands before it, a byline or dateline among its first lines (the first paragraph
    was a disclosure, a caption or a promotion: "Business.com aims to help …" / headline /
    "Written by …"), and the first paragraph itself when it is a headline in title case."""
    first = page.first
    if any(m < first for m in marks):
        return first
    after = [m for m in marks if first < m <= first + AFTER_FIRST]
    end = min(after) if after else first
    if first in page.prose and _title_line(page, first):
        end = max(end, first + 1)
    return end


def _title_line(page: Page, k: int) -> bool:
    """Line ``k`` is a block of its own in title case: a headline of two sentences ("What Is
    The Best Yoga Mat? Here Are My Top 3 Picks") read as the first paragraph."""
    return _apart(page, k, k) and _title_case(page.texts[k].split())


def _site_name(page: Page) -> set[int]:
    """The page's first two lines when they are the same: a logo's alt text and the site's name
    ("Cloud Database Report" / "Cloud Database Report"), not the article's headline (on the WCXB
    pages no headline opened a page printed twice like this); and the head's lines that print
    that name or a part of it ("Dan Davies - Back of Mind" twice, then "Dan Davies" over the
    date: the site's owner and the article's author, not its headline)."""
    texts = page.texts
    if len(texts) < 2 or texts[0] != texts[1]:
        return set()
    names = {text_key(texts[0])}
    if m := _suffix(texts[0]):   # "Dan Davies - Back of Mind": "Dan Davies" too
        names |= {text_key(m["title"]), text_key(m["site"])}
    return {k for k in page.head() if k < 2 or text_key(texts[k]) in names}


def _apart(page: Page, k: int, deck: int) -> bool:
    """Line ``k`` stands apart from the lines around it: a block of its own, or one with the deck
    under it alone. A category in a run of menu lines over a headline is a kicker."""
    if not 0 <= k < len(page.lines):
        return False
    block = page.lines[k].block
    size = len(page.doc.blocks[block].lines)
    return size == 1 or size == 2 and page.lines[deck].block == block


# A line that tells the reader what to do with the page or how old it is: a notice, not a
# headline ("Press enter or click to view image in full size", "The Best Deals. Click here",
# "This article is more than 3 months old"), or a search box's prompt ("Search The Software
# Report", "Search for articles and insights about …"; "Search Engine Optimization" is a topic).
_NOTICE = lazy(r"(?i)\b(?:click|tap|press)\s+(?:here|to|on|enter|or)\b"
               r"|^this (?:article|post|page|story) is (?:more than|over) \S+ (?:\S+ )?"
               r"(?:days?|weeks?|months?|years?) old\b"
               r"|^search\s+(?:for|the|this|our|all|by|in|within|across|a|an|site|articles|posts)\s")
_NOTICE_WORDS = ("click", "tap", "press", "old", "search")   # what every _NOTICE match holds


def _notice(text: str) -> bool:
    low = text.casefold()
    return any(w in low for w in _NOTICE_WORDS) and _NOTICE.search(text, timeout=budget(text)) is not None


# A reading time on its line ("4 min read", "5 minute read time", "Reading time: 3 minutes"):
# a headline's, as a byline or a dateline is.
_READING = lazy(r"(?i)^\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read(?:ing)?(?:\s+time)?$|^reading time\b")
_READING_STARTS = frozenset("0123456789Rr")   # what a _READING match starts with


def _reading_times(page: Page, start: int, end: int) -> set[int]:
    """Positions of the reading-time lines among lines ``start`` to ``end``."""
    return {j for j in range(start, min(end, len(page.texts)))
            if page.texts[j][:1] in _READING_STARTS and _READING.match(page.texts[j], timeout=budget(page.texts[j]))}


_DATE_GLUE = " -–—|·•,:"


def _without_date(text: str) -> str:
    """The title without a date printed before it on its line ("Dec 18 2025 Preparing a
    transition"): a blog's index prints each post's date and title as one line."""
    if not text[:1].isalnum():
        return text
    spans = find_date_spans(text)
    if spans and spans[0][0] == 0:
        rest = text[spans[0][1]:].lstrip(_DATE_GLUE)
        if len(rest.split()) >= 2 and (rest[:1].isupper() or rest[:1].isdigit()):
            return rest
    return text


def _score(page: Page, k: int, text: str, marks: set[int], opening: set[str],
           counts: dict[str, int]) -> float:
    words = _words(text)
    score = W_NEAR * NEAR_DECAY ** min(max(page.first - k - 1, 0), 40)
    if not marks.isdisjoint(range(k + 1, k + FOLLOW + 1)):
        score += W_FOLLOWED
    bullet = text[:1] in _BULLET_MARKS or not text[:1].isalpha() \
        and _BULLET.match(text, timeout=budget(text)) is not None   # a letter starts none
    if not bullet:
        score += _repeated(text, counts)
    content = _content(text)
    if content:
        score += W_OVERLAP * len(content & opening) / max(len(content), OVERLAP_MIN)
    score += W_WORD * min(len(words), LONG)
    if len(words) <= 2:
        score += W_SHORT[len(words) - 1] if words else W_SHORT[0]
    if bullet:
        score += W_BULLET
    if len(page.doc.blocks[page.lines[k].block].lines) == 1:
        score += W_ALONE   # 95 % of the WCXB headlines; 30 % of the lines that came second to them
    return score


W_FRAMED = 0.75       # a nearby line prints it with more around it
FRAMED_WORDS = 3      # ... when it has this many words at least (a short line is inside many)


def _framed(page: Page, shaped: dict[int, tuple[str, float]]) -> None:
    """A headline a nearby line prints again with more around it: an image's alt text ("Title
    cover", "Hero image for blog post Title", "Title (a pack of elephants …)") or a breadcrumb
    ("Careers > Title"). Lines ``ECHO_GAP`` before or after it are looked at."""
    if not shaped:
        return
    top = max(score for _, score in shaped.values())
    for k, (text, score) in list(shaped.items()):
        if score + W_FRAMED < top:   # the bonus would not make it the title
            continue
        key = text_key(display_title(text))
        if len(key.split()) < FRAMED_WORDS:
            continue
        for j in range(max(0, k - ECHO_GAP), min(len(page.texts), k + ECHO_GAP + 1)):
            other = page.keys[j]
            if j != k and len(other) > len(key) and (other.startswith(key + " ") or other.endswith(" " + key)):
                shaped[k] = (text, score + W_FRAMED)
                break


W_ECHO = 1.0          # the first of two nearby lines saying the same thing
ECHO_SHARE = 0.5      # of the longer line's content words, the two share at least this many
ECHO_GAP = 8          # lines between the two


def _echoes(shaped: dict[int, tuple[str, float]]) -> None:
    """A headline said again a few lines lower in other words ("Top 10 Shoe Companies in the
    World You Should Know About", then "Top 10 Shoe Companies in the World" over the first
    paragraph; "10 Books That Teach You to Draw", then "10 Art Books That …"): the first is
    the title, the second a heading of the article's text that stands nearer it. The first
    gets ``W_ECHO``; a line printed twice the same is not an echo (``_repeated`` counts it)."""
    content = {k: c for k, (t, _) in shaped.items() if len(c := _content(t)) >= 2}   # fewer share none
    keys = sorted(content)
    for i, first in enumerate(keys):
        for later in keys[i + 1:i + 1 + ECHO_GAP]:   # positions apart: ECHO_GAP lines hold no more
            if later - first > ECHO_GAP:
                break
            a, b = content[first], content[later]
            if len(a & b) >= ECHO_SHARE * max(len(a), len(b)) \
                    and text_key(shaped[first][0]) != text_key(shaped[later][0]):
                shaped[first] = (shaped[first][0], shaped[first][1] + W_ECHO)
                break


@lru_cache(maxsize=512)
def _words(text: str) -> tuple[str, ...]:
    """The words of a candidate line (read by its score, and again by ``_echoes``)."""
    return tuple(_find_words(text))


@lru_cache(maxsize=512)
def _content(text: str) -> frozenset[str]:
    """The content words of a candidate line, casefolded: its longer words but for stop words."""
    return frozenset(w.casefold() for w in _words(text) if len(w) > 3 and w.casefold() not in _STOP)


DECK_WORDS = 8       # a deck is a sentence under the headline
DECK_MIN_WORDS = 3    # a shorter line over the headline is a kicker ("Health", "Living Well")
DECK_LONG = 15        # a sentence this long under a line is a deck (headlines are shorter), whatever words the article uses


def _headline_over_deck(best: Candidate, above: tuple[str, float] | None, opening: set[str]) -> bool:
    """True when the chosen line is the deck under a headline and the line right above it is
    the headline. A deck stands nearer the article and uses its words more, so it outscores
    the headline; but it reads as a sentence (``DECK_WORDS`` words or more, most of them in
    lower case), while the headline above it is no longer (a headline that asks a question is
    often as long as its deck) and about the article too (half its content words in the
    article's opening). A kicker or a menu line above a headline is not."""
    if above is None or _BULLET.match(above[0], timeout=budget(above[0])) or _CRUMB_SEP.search(above[0], timeout=budget(above[0])):
        return False
    words_above = _WORD.findall(above[0], timeout=budget(above[0]))
    words = _WORD.findall(best.text, timeout=budget(best.text))
    half = len(words_above) // 2
    if half and words_above[:half] == words_above[half:]:
        return False   # "The history of coffee The history of coffee": an image's alt text and caption
    if not (DECK_MIN_WORDS <= len(words_above) <= len(words) and len(words) >= DECK_WORDS):
        return False
    if sum(w[0].islower() for w in words[1:]) < len(words[1:]) / 2:
        return False   # a title-case line: a headline itself
    content = _content(above[0])
    return bool(content) and (len(content & opening) >= len(content) / 2 or len(words) >= DECK_LONG)


_SENTENCE_INSIDE = lazy(r"\p{Ll}{3}[.][\"”’']?\s+[\"“‘']?\p{L}")
_MARKDOWN = lazy(r"^#{1,6}\s+|^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")


_CRUMB_SEP = lazy(r"\s*[»›>]\s*|\s+/\s*|\s*/\s+")
_LEAD_MARK = lazy(r"^[•·*▪►]\s+")
_LEAD_MARKS = frozenset("•·*▪►")
_CRUMB_MARK = re.compile("[»›>/]")   # what each _CRUMB_SEP match holds


def display_title(text: str) -> str:
    """The title as reported: without markdown heading marks or emphasis ("# Title", "**Title**"),
    a list bullet ("• Title"), or the breadcrumb before it ("Home » Blog » Title": the
    breadcrumb's last item, when it starts at "Home" or has three items or more)."""
    if text[:1] in "#*_" or text[-1:] in "*_" or text[-2:-1] in "*_":   # where a _MARKDOWN match stands
        text = _MARKDOWN.sub("", text, timeout=budget(text))
    text = text.strip()
    if text[:1] in _LEAD_MARKS:   # "• Title": the mark and one space are all a _LEAD_MARK match takes
        text = text[2:] if text[1:2] == " " and not text[2:3].isspace() else \
            _LEAD_MARK.sub("", text, timeout=budget(text))
    if not _CRUMB_MARK.search(text):   # no _CRUMB_SEP: the line is its one item
        return text.strip()
    items = [item for item in _CRUMB_SEP.split(text, timeout=budget(text)) if item.strip()]
    if len(items) >= 2 and (items[0].strip().casefold() == "home" or len(items) >= 3) \
            and len(items[-1].split()) >= 2:
        return items[-1].strip()
    return text.strip()


# A headline that starts with a count ("7 days of healthy meals", "10 ways to …"): the number
# stands for its capital. A list number ("3. item", "2) item") is not one.
_COUNT = lazy(r"^\d{1,3}\+?\s+\p{Ll}")
# A name written in lower case on purpose, a digit, an underscore or a capital inside it ("n8n:
# A Guide to …", "rustc_codegen_gcc: Progress Report", "iPhone 17 review"): it stands for the capital.
_LOWER_NAME = lazy(r"^\p{Ll}[\p{L}\p{N}_.-]*?[\p{N}_\p{Lu}][\p{L}\p{N}_.-]*(?=[\s:]|$)")
TITLE_CASE = 0.75    # share of the longer words capitalised in a title-case headline


def _title_case(words: list[str]) -> bool:
    """Most of the longer words capitalised ("The Hottest Real Estate Markets in the U.S."): a
    headline, though it ends with a full stop or holds two sentences; prose does not do this."""
    longer = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= TITLE_CASE * len(longer)


def _headline_shape(text: str) -> bool:
    text = display_title(text)
    words = text.split()
    if not 1 <= len(words) <= MAX_WORDS or len(text) > MAX_CHARS:
        return False
    titled = _title_case(words)
    end = text.rstrip("\"”’'")[-1:]
    if end in ",:;" or end == "." and not text.endswith("...") and not titled:
        return False
    dotted = "." in text   # what a _SENTENCE_INSIDE match holds, and a _URL match but "://"
    if not titled and dotted and _SENTENCE_INSIDE.search(text, timeout=budget(text)):
        return False  # two sentences: dialogue or a standfirst, not a headline
    if (dotted or "://" in text) and _URL.search(text, timeout=budget(text)) or not any(c.isalpha() for c in text):
        return False
    first = next((c for c in text.lstrip("•·*▪►»›-–— \"'“‘0123456789.)") if c.isalpha()), "")
    if not first or first.islower() and not _COUNT.match(text, timeout=budget(text)) \
            and not _LOWER_NAME.match(text, timeout=budget(text)):
        return False
    if words[-1].casefold().strip(".,:!?") in _PICTURE or words[-1] in words[-4:-1] and _label_twice(words):
        return False   # (a label printed twice ends with a word printed in the three before)
    if len(words) > 3:
        return True
    letters = [w.casefold().strip(".,:!?") for w in words]
    content = [w for w in letters if w not in _STOP]
    return sum(w in _CHROME for w in letters) * 2 < max(len(content), 1)


def _label_twice(words: list[str]) -> bool:
    """The line ends with its last one to three words printed twice ("An avatar representing
    Jane Doe Jane Doe", "• Picture of Kev Kev", "Facebook Green Icon Facebook Facebook"): an
    image's alt text glued to the label beside it, not a headline."""
    return any(len(words) > 2 * n and words[-n:] == words[-2 * n:-n] for n in (1, 2, 3))


def _find_words(text: str) -> list[str]:
    """``_WORD.findall(text)``; by the engine (three times as fast) where both read text alike."""
    if _BEYOND_SHARED.search(text):
        return _WORD.findall(text, timeout=budget(text))
    return _WORDS.findall(text)


def _opening_words(page: Page) -> set[str]:
    words: set[str] = set()
    count = 0
    for k in range(page.first, len(page.lines)):
        found = _find_words(page.texts[k])
        words.update(map(str.casefold, found))
        count += len(found)
        if count >= ARTICLE_WORDS:
            break
    return words


_NUMBERED = lazy(r"^(\d{1,2})[.)]\s+(\S.*)$")


def _trail_ends(page: Page, counts: dict[str, int]) -> None:
    """The last item of each numbered list of two items or more counted under ``trail:``: a
    breadcrumb printed as a list ("1. Home", "2. Guides", "3. Title") ends with the page's
    title, which is then printed again over the article."""
    expect, last, previous = 1, None, -2
    for k, text in enumerate(page.texts):
        if not text[:1].isdigit():
            continue
        m = _NUMBERED.match(text, timeout=budget(text))
        if m and k == previous + 1 and int(m[1]) == expect:
            expect, last, previous = expect + 1, m[2], k
            continue
        if last is not None and expect > 2:
            counts["trail:" + text_key(last)] = 1
        expect, last, previous = (2, m[2], k) if m and m[1] == "1" else (1, None, -2)
    if last is not None and expect > 2:
        counts["trail:" + text_key(last)] = 1


def _line_counts(page: Page) -> dict[str, int]:
    """How often the page prints each line; a line's title part counted under ``crumb:`` (a list
    item, "Title | Site") or ``trail:`` (a breadcrumb's last item)."""
    counts: Counter[str] = Counter()
    # a list starts at a line "1." or "1)" (``_NUMBERED`` reading "1"): most pages print none
    if page.lined is None or "\n1." in page.lined or "\n1)" in page.lined:
        _trail_ends(page, counts)
    counts.update(page.keys)
    if page.lined is None:
        for text in page.texts:
            _count_parts(text, counts)
        return counts
    # "• Title": the mark alone is the bullet; the item's key is the line's past it
    counts.update("crumb:" + key[1:].lstrip(" ") for key in page.keys if key[:1] in _BULLET_MARKS)
    for k in set(page.lines_with(_LISTED_FIRST)) | set(page.lines_with(_SEPARATED)):
        _count_parts(page.texts[k], counts, marks=False)
    return counts


# The lines ``_count_parts`` may count something on besides a bullet mark (lines single-spaced,
# as ``Page.lined``): a numbered or dashed item first (what a ``_BULLET`` match of a digit or a
# dash needs), or a ``_SEPARATOR`` or one of ``_CRUMB_SEPARATORS`` inside.
_LISTED_FIRST = re.compile(r"\n(?:\d\S?[.)] |[-–—] )")
_SEPARATED = re.compile(r" (?:[|·•»\-–—›>/]|::) ")


def _count_parts(text: str, counts: Counter[str], marks: bool = True) -> None:
    """Count the title part of a line: a list item's ("• Title", "3. Title"; with ``marks``, also
    after a bullet mark), "Title | Site"'s, a breadcrumb's last item."""
    first = text[:1]
    if (first in _BULLET_STARTS and (marks or first not in _BULLET_MARKS) or first.isdigit()) \
            and (bullet := _BULLET.match(text, timeout=budget(text))):  # "• Title" in a list
        counts["crumb:" + text_key(text[bullet.end():])] += 1
    if m := _suffix(text):  # "Title | Site": "Title"
        counts["crumb:" + text_key(m["title"])] += 1
    for sep in _CRUMB_SEPARATORS:              # breadcrumbs: "Home » Blog » Title"
        if sep in text:
            counts["trail:" + text_key(text.rsplit(sep, 1)[1])] += 1


def _suffix(text: str) -> regex.Match | None:
    """The ``_SUFFIX`` match of ``text`` ("Title | Site"), or None; looked for past a separator
    near the end (``SITE_REACH``), as most lines hold none there."""
    return _SUFFIX.match(text, timeout=budget(text)) if _SEPARATOR.search(text, max(0, len(text) - SITE_REACH)) \
        or _SPACES.search(text) and _SEPARATOR.search(text) else None


# Where a _SUFFIX match's separator stands: its site ({1,60}, and a final line end) and the
# white space before it, the separator (two characters at most) and a space before that end
# the text, unless that white space runs three characters or more (``_SPACES``).
SITE_REACH = 70
_SPACES = re.compile(r"\s{3}")


def _repeated(text: str, counts: dict[str, int]) -> float:
    """Evidence that the page prints the line elsewhere: as a breadcrumb or page title, or twice."""
    key = text_key(text)
    if counts.get("trail:" + key, 0):
        return W_TRAIL
    if counts.get("crumb:" + key, 0):
        return W_CRUMB
    if m := _suffix(text):
        if counts.get(text_key(m["title"]), 0) or counts.get("crumb:" + text_key(m["title"]), 0) >= 2:
            return W_CRUMB
    return W_REPEATED if counts.get(key, 0) >= 2 else 0.0


def strip_site(text: str, counts: dict[str, int] | None = None) -> str:
    """``text`` without a site name after a separator ("Title | Site"), when the page prints the
    bare title too or the part cut is a short name (four words or fewer)."""
    m = _suffix(text)
    if not m:
        return text
    bare, site = m["title"].strip(), m["site"].strip()
    if counts is not None and counts.get(text_key(bare), 0) and counts.get(text_key(text), 0) < 2:
        return bare
    if len(site.split()) <= 4 and len(bare.split()) >= 3 and "|" in text[len(bare):len(text) - len(site)]:
        return bare
    return text


def _first_headline(page: Page) -> Candidate | None:
    """No article paragraph to stand before: the first short line of the head, when it opens the
    text as its own block."""
    for k, line in enumerate(page.lines[:3]):
        block = page.doc.blocks[line.block]
        if len(block.lines) != 1 or not page.unclaimed(k):
            continue
        text = page.texts[k]
        if 2 <= len(text.split()) <= 25 and _headline_shape(text) and block.index + 1 < len(page.doc.blocks):
            return Candidate(k, text, 0.0)
        return None
    return None


settle(globals())
