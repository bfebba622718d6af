"""The ``metadata`` stage: title, authors and date read off the article's head and tail.

The article's head is found from the earlier stages' work (:mod:`cleaner.metadata.region`):
the lines before its first paragraph of prose, chrome included, since a
headline or a byline on its own looks like a menu item. There the stage reads
bylines (one line, or a label line and a names line), datelines and the
headline (:mod:`cleaner.metadata.authors`, :mod:`cleaner.metadata.dates`,
:mod:`cleaner.metadata.title`); where the head has no byline, the lines after
the article's last paragraph ("Written by …", "Posted by … on …").

What it labels: byline lines ``metadata``/``byline`` (``meta.byline``), date
lines ``metadata``/``dateline`` (``meta.dateline``), topic tags glued to a
byline ``navigation`` (``meta.taxonomy``). A line a rule already claimed keeps
its rule. The title is reported as ``title``; its line stays in the main text
where the structure stage kept it, and where that stage took it whole for the
page's head it becomes ``metadata``/``title`` (``meta.title``).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from ..document import BOILERPLATE, METADATA, Document
from ..language.page import page_language
from ..metadata.authors import (bare_name, byline_authors, byline_label, clean_line, names_line, person_name,
                                pictured_name, said_twice, team_name)
from ..metadata.dates import find_date_spans, has_year, in_doubt, is_date_word, order_named, read_date
from ..metadata.region import DATE_TAIL_LINES, INTO_ARTICLE, Page, read_page, text_key
from ..metadata.title import choose_title
from ..patterns import budget, lazy, settle

_TAXONOMY = lazy(r"\s(?:Region|Theme|Topics?|Tags?|Categor(?:y|ies)|Filed\s+under|Sections?|In-depth\s+Report)\s*:")
# Words a dateline may hold besides the date: "Posted on Monday, March 3, 2024 at 8:15 am".
_DATE_WORDS = frozenset("""published posted updated last first date on at by am pm a.m. p.m. gmt utc
est edt pst pdt cet cest bst of the th st nd rd modified originally released
veröffentlicht aktualisiert zuletzt am um uhr stand publié mis à jour le publicado actualizado el
de a las pubblicato aggiornato il alle opublikowano zaktualizowano dnia gepubliceerd bijgewerkt op
om""".split())
DATELINE_OTHER_WORDS = 3   # more words than this besides the date: a headline that ends with one
DATELINE_MAX_WORDS = 14
_FIELDS = lazy(r"\s+[·•|–—-]\s+|\s*[·•|]\s*")
_WORD = lazy(r"\p{L}[\p{L}.]*")
_LETTER = lazy(r"\p{L}")
_UPDATED = lazy(r"(?i)\b(?:updated|modified|aktualisiert|mis\s+à\s+jour|actualizado|atualizado|aggiornato"
                r"|zaktualizowano|bijgewerkt)(?:\b|(?-i:(?=\p{Lu})))")   # also glued: "UpdatedJanuary 25, 2026"
# "Last updated": a revision stamp a page keeps fresh, apart from its first publication.
_LAST_UPDATED = lazy(r"(?i)\b(?:last|latest|zuletzt|dernière)\s+(?:updated|modified|aktualisiert|mise?)\b")
# A label that opens a dateline: "Posted on", "Published:", "Veröffentlicht am", "Publié le".
_PUBLISHED_LABEL = lazy(r"(?i)\W*(?:posted|published|released|veröffentlicht|publiziert|publié|publicado"
                        r"|pubblicato|opublikowano|gepubliceerd)(?:\s+(?:on|am|le|el|em|il|op|dnia))?(?:\s+the)?\s*:?\s*")

# A publication label alone on its line, the date on the next: "Published" / "Feb 2, 2023".
_DATE_LABEL_ALONE = lazy(r"(?i)\W*(?:(?:date\s+)?(?:posted|published|released)(?:\s+(?:on|date))?|publish\s+date"
                         r"|publication\s+date|date|content\s+current\s+as\s+of|veröffentlicht(?:\s+am)?"
                         r"|publié\s+le|publicado(?:\s+el)?|pubblicato(?:\s+il)?|opublikowano|gepubliceerd(?:\s+op)?)"
                         r"\s*:?\s*")

# An update label alone on its line, the date on the next: "Last update:" / "July 16, 2025".
_UPDATE_LABEL_ALONE = lazy(r"(?i)\W*(?:(?:last|latest|zuletzt)\s+)?(?:updated?|modified|revised|aktualisiert"
                           r"|mis\s+à\s+jour|actualizado|atualizado|aggiornato|zaktualizowano|bijgewerkt)"
                           r"(?:\s+(?:on|date|am|le|el|em|il|op))?\s*:?\s*")

# A post's own footer beside its date: "… 2025 at 11:00 am | Categories: …", "June 9, 2020 · 6 Comments".
_POST_META = lazy(r"(?i)(?:^|[|•·,–—]\s*)(?:categories|categorized\s+in|filed\s+under|tags|tagged)\s*:"
                  r"|(?:^|[|•·–—]\s*)(?:\d+|no)\s+comments?\b|\bleave\s+a\s+comment\b")


@dataclass
class Found:
    """What the head and tail showed: bylines, date lines, and where they are."""

    authors: list[tuple[int, list[str]]] = field(default_factory=list)   # (position, names)
    byline_lines: set[int] = field(default_factory=set)
    dates: list[tuple[int, str, bool]] = field(default_factory=list)      # (position, iso, updated)
    date_lines: set[int] = field(default_factory=set)
    # update stamps taken when nothing else is dated: the byline's own ("By Jane Doe · Updated
    # March 5, 2025") and one under an update label alone ("Last update:" / "March 5, 2025")
    signed_updates: set[int] = field(default_factory=set)
    labelled: set[int] = field(default_factory=set)   # date lines a publication label names as such


class HeadMetadata:
    """Reads title, authors and date from the article's head (and tail); labels byline and date lines."""

    name = "metadata"

    def __call__(self, doc: Document) -> None:
        lang = page_language(doc)
        reference = _reference(doc.hints.get("reference_date"))
        page = read_page(doc)
        if not page.lines:
            return
        found = Found()
        _scan(page, page.head(), found, lang, reference)
        title = None if _extracted(doc) else choose_title(page, found.byline_lines | found.date_lines)
        if not found.authors:
            _bare_names(page, found, title.position if title else None, lang)
        if not found.authors or not found.dates:
            _tail(page, found, lang, reference)
        if not found.dates:
            _after_promo(page, found, lang, reference)
        _originally_published(page, found, lang)
        anchor = title.position if title else (page.first if page.first is not None else 0)
        if found.authors:
            position, names = min(found.authors, key=lambda item: _distance(item[0], anchor))
            doc.meta["authors"] = names
            found.byline_lines.update(_names_again(page, names, position))
            _author_bios(page, names, position)
        _bios_under_heading(doc)
        if date := _published(found, anchor):
            doc.meta["published"] = date
        if title:
            doc.meta["title"] = title.text
            _label_title(page, title)
        _label(page, found)


def _reference(value) -> dt.date | None:
    """The date relative dates are read against, when the record gives one (a date or ISO text)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _extracted(doc: Document) -> bool:
    """HTML input an extractor already cut to the article: the page's markup names the title
    (``<title>``, ``og:title``) better than a line of the extraction, which is often a
    subheading. On the WCXB pages: 81 % right with the markup's title alone, 76 % when a
    headline opening the extraction came first, 72 % with the scored line."""
    return doc.hints.get("input") == "html" and doc.hints.get("path") != "plain-text"


def _distance(position: int, anchor: int) -> float:
    """How far a byline or date stands from the title: after it is nearer than before it."""
    return position - anchor if position >= anchor else (anchor - position) * 2.5


def _published(found: Found, anchor: int) -> str | None:
    """The date nearest the title. A date marked "updated" is not the publication date: on the
    development pages it was later than the gold date more often than not. Nor is a date line
    among other date lines with other dates a few lines away: that is a list of teasers or
    posts, each with its own date."""
    plain = [d for d in found.dates if not d[2] and not _in_list(d, found)]
    if not plain:   # no publication date printed: the byline's own "Updated …" stamp
        plain = [d for d in found.dates if d[0] in found.signed_updates]
    if not plain:
        return None
    position, iso, _ = min(plain, key=lambda d: _distance(d[0], anchor))
    return iso


LIST_GAP = 4   # lines between two date lines of one list of teasers


def _in_list(date: tuple[int, str, bool], found: Found) -> bool:
    """A date line (not a byline) with two other date lines holding other dates nearby, each at
    most ``LIST_GAP`` lines from the next. Dates marked "updated" do not count: "Published …" over
    "Updated …" is one article's stamp, and so is a pair of dates."""
    position, iso, _ = date
    if position in found.byline_lines:
        return False
    others = {(p, other) for p, other, updated in found.dates
              if not updated and p not in found.byline_lines and p != position}
    near, edge = 0, [position, position]
    for p, other in sorted(others, key=lambda o: (abs(o[0] - position), o)):
        if p < edge[0] - LIST_GAP or p > edge[1] + LIST_GAP:
            break
        edge = [min(edge[0], p), max(edge[1], p)]
        near += other != iso
    return near >= 2


def _tail(page: Page, found: Found, lang: str | None, reference) -> None:
    """Bylines and datelines after the article's last paragraph, for the fields the head did not
    give: "Written by Jane Doe" / "April 8, 2024", "Published On: 15 August 2025". A date there
    that is one of a list of dated teasers ("Recent posts") is not the article's. The tail's
    date lines are read, not labelled: the structure stage has judged those lines already; and
    read by the fast reader alone (``dateparser`` costs too much for what it finds there)."""
    tail = Found()
    near = page.tail()
    _scan(page, near, tail, lang, reference, dates=not found.dates, parse=False)
    if not found.authors:   # a byline further down is a teaser's more often than the article's
        found.authors += tail.authors
        found.byline_lines |= tail.byline_lines
        photo = next(((k, name) for k in near if (name := _captioned_photo(page, k))), None)
        if not found.authors and photo:   # the author box: "Picture of Jane Doe" / "Jane Doe"
            found.authors.append((photo[0], [photo[1]]))
    if not found.dates:
        for k in range(near.stop, page.tail(DATE_TAIL_LINES).stop):   # further down: labelled dates only
            _claimed_dateline(page, k, tail, lang)
        authors = [names for _, names in found.authors]
        found.dates += [d for d in tail.dates
                        if _signed_or_labelled(page, d[0], tail, authors) and not _in_list(d, tail)]
        found.signed_updates |= tail.signed_updates
        if not found.dates and (footer := _over_post_navigation(page, lang)):
            found.dates.append(footer)


PROMO_LINES = 6     # prose lines before a run of chrome: a promotion's blurb, not the article's opening
CHROME_RUN = 8      # lines rules or the structure stage claimed, in a run after it
PROMO_SPAN = 150    # lines past the first paragraph where the article may begin after a promotion
LATER_HEAD = 8      # lines over the paragraph after the run where the article's head stands


def _after_promo(page: Page, found: Found, lang: str | None, reference) -> None:
    """Datelines over the paragraph that follows a promotion in the page's menus: the first
    paragraph of prose the page shows may be a blurb ("Get the new report on …", "We just
    surveyed 500 event pros …") followed by more menus, the article's headline, byline and
    date after them. Read (not labelled) when the head and tail gave no date: a few short
    prose lines, then a run of ``CHROME_RUN`` claimed lines, then the next paragraph, whose
    ``LATER_HEAD`` lines above are read as a head. A long opening is the article's own, and
    the dates over a paragraph further on are a teaser's."""
    if page.first is None:
        return
    prose = run = 0
    for k in range(page.first, min(len(page.lines), page.first + PROMO_SPAN)):
        if k in page.prose:
            if run >= CHROME_RUN:
                later = Found()
                _scan(page, range(max(0, k - LATER_HEAD), k), later, lang, reference)
                found.dates += [d for d in later.dates if not d[2] and not _in_list(d, later)]
                return
            prose, run = prose + 1, 0
            if prose > PROMO_LINES:
                return
        elif page.rules(k):
            run += 1


# "This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated …"
_ORIGINALLY = lazy(r"(?i)\boriginally\s+(?:published|posted)\s+(?:on\s+)?(?:the\s+)?$")


def _originally_published(page: Page, found: Found, lang: str | None) -> None:
    """A note under the article that gives its first publication ("This article was originally
    published on 26 Sep 2019 at 4:12pm but has been regularly updated …"): a date the head
    prints without a label is then the revision's. A labelled one ("Posted on April 13,
    2023") stands: a site that posts an article anew dates it anew; and where the head prints
    no date the note is not taken either (a page's markup dates such a post anew)."""
    if not found.dates or any(_date_labelled(page, k, find_date_spans(page.texts[k], lang))
                              for k, _, _ in found.dates):
        return
    for k in page.tail():
        text = page.texts[k]
        if "riginally" not in text:
            continue
        for start, _, iso in find_date_spans(text, lang):
            if _ORIGINALLY.search(text[:start], timeout=budget(text[:start])):
                found.dates = [(k, iso, False)]
                return


# The links to the posts before and after this one: "Previous", "Next Post »", "« Older Post".
_POST_NAVIGATION = lazy(r"(?i)\W*(?:previous|next|older|newer)(?:\s+(?:post|article|entry|story))?\W*")
POST_FOOTER_LINES = 2   # lines between the post's own footer and the links to its neighbours


def _over_post_navigation(page: Page, lang: str | None) -> tuple[int, str, bool] | None:
    """The date of the post's own footer, printed just over the links to the posts before and
    after it ("Jane DoeAugust 5, 2024" / "Facebook0 Twitter 0 Likes" / "Previous"): the first
    such links below the article, the date at most ``POST_FOOTER_LINES`` lines over them.
    Dates under the links are the neighbouring posts'."""
    below = page.tail(DATE_TAIL_LINES)
    for k in below:
        if len(page.texts[k]) <= 30 and _POST_NAVIGATION.fullmatch(page.texts[k], timeout=budget(page.texts[k])):
            for j in range(k - 1, max(below.start, k - POST_FOOTER_LINES) - 1, -1):
                if spans := find_date_spans(page.texts[j], lang):
                    return (j, *_line_date(page.texts[j], spans))
            return None
    return None


def _signed_or_labelled(page: Page, k: int, found: Found, authors: list[list[str]] = ()) -> bool:
    """A date line below the article that says whose or what it is: a publication label on it or
    over it ("Published On: 15 August 2025", "Published" / "Feb 2, 2023"), or a byline on it
    or on the line next to it ("Written by Jane Doe" / "April 8, 2024", "Jane Doe" / "01 May
    2025"), one naming the article's ``authors`` when the head named them: a date signed by
    someone else there is a teaser's ("Related content" / "By Bo Chan" / "Mar 13, 2026"); or
    the post's own footer beside it ("… | Categories: …", "· 6 Comments"). A bare date there is
    more often a teaser's or a comment's."""
    if k in found.labelled or _POST_META.search(page.texts[k], timeout=budget(page.texts[k])):
        return True
    signers = [names for j, names in found.authors if j in (k - 1, k, k + 1)]
    signers += [[name] for j in (k - 1, k + 1) if 0 <= j < len(page.texts) and j not in found.byline_lines
                and (name := bare_name(page.texts[j], page.lower_words))]
    if not authors:
        return bool(signers) or k in found.byline_lines
    return any(_same_people(names, article) for names in signers for article in authors)


def _same_people(names: list[str], others: list[str]) -> bool:
    """Two lists of names share a name (by its words: "Jane Doe" is "Jane A. Doe")."""
    def words(name: str) -> frozenset[str]:
        return frozenset(w.casefold().strip(".") for w in name.split() if len(w.strip(".")) > 1)

    return any(words(a) and (words(a) <= words(b) or words(b) <= words(a)) for a in names for b in others)


def _line_date(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, bool]:
    """The date a line gives and whether it is marked "updated". Each date is marked by the
    words just before it (after the previous date): "Published: Mar 8, 2024 · Modified: May 19,
    2025". Of the dates not so marked, the earliest: a page printing two dates unlabelled
    prints the publication and the revision, and a revision never comes first. Only dates with
    nothing but spaces and punctuation between them count as such a pair: "January 24, 2023
    InfoBrics 23 January 2023" is this page's date and then its source's."""
    marked = []
    for i, (start, _, iso) in enumerate(spans):
        before = text[spans[i - 1][1] if i else 0:start]
        updated = bool(_UPDATED.search(before, timeout=budget(before)))
        glued = i > 0 and not _LETTER.search(before, timeout=budget(before))
        marked.append((iso, updated, glued))
    plain = [k for k, (_, updated, _) in enumerate(marked) if not updated]
    if not plain:
        return marked[0][0], True
    first = plain[0]
    if first + 1 in plain and marked[first + 1][2]:
        return min(marked[first][0], marked[first + 1][0]), False
    return marked[first][0], False


def _claimed_dateline(page: Page, k: int, found: Found, lang: str | None) -> None:
    """A line another rule claimed that opens with a publication label and the date
    ("Published: Mar 8, 2024 · … This post may contain affiliate links"): the label says what
    the date is, whatever the rest of the line made the rule take it for. Read, not labelled.
    (Also how a labelled date far below the article is read: "Published" / "Feb 2, 2023".)"""
    text = page.texts[k]
    if not (spans := find_date_spans(text, lang)) or not _date_labelled(page, k, spans):
        return
    iso, updated = _line_date(text, spans)
    found.dates.append((k, iso, updated))
    found.labelled.add(k)


def _date_labelled(page: Page, k: int, spans: list[tuple[int, int, str]], text: str | None = None) -> bool:
    """Date line ``k`` (its dates at ``spans`` of ``text``, the line as read) says it is the
    publication date: it opens with a publication label (:func:`_labelled`), or a label alone
    stands over it and the line holds little besides the date (:func:`_label_over`)."""
    text = page.texts[k] if text is None else text
    return bool(spans) and (_labelled(text, spans) or _others(text, spans) <= DATELINE_OTHER_WORDS
                            and _label_over(page, k))


def _label_over(page: Page, k: int) -> bool:
    """The line over a date line is a publication label alone ("Published", "Publish date",
    "Content current as of:"). ("Last updated:" alone over a date is not taken as marking it
    a revision: on the development pages that date was the publication date seven times in
    eight.)"""
    return k > 0 and len(page.texts[k - 1]) <= 40 and \
        _DATE_LABEL_ALONE.fullmatch(page.texts[k - 1], timeout=budget(page.texts[k - 1])) is not None


def _update_over(page: Page, k: int) -> bool:
    """The line over a date line is an update label alone ("Last update:", "Updated on"): the
    date is a revision. Taken only when nothing else is dated (:class:`Found`): on the
    development pages a page printing one date so was dated by it seven times in eight, but
    under a publication date it is the later of the two."""
    return k > 0 and len(page.texts[k - 1]) <= 40 and \
        _UPDATE_LABEL_ALONE.fullmatch(page.texts[k - 1], timeout=budget(page.texts[k - 1])) is not None


def _labelled(text: str, spans: list[tuple[int, int, str]]) -> bool:
    """A line that opens with a publication label and the date: "Posted on December 20, 2025
    by … - 5 Comments on …". Whatever follows, the label says what the date is."""
    return bool(spans) and _PUBLISHED_LABEL.fullmatch(text[:spans[0][0]], timeout=budget(text[:spans[0][0]])) is not None


def _scan(page: Page, positions: range, found: Found, lang: str | None, reference,
          dates: bool = True, parse: bool = True) -> None:
    """Bylines and datelines on the lines at ``positions`` (with ``parse``, dates the fast
    reader cannot read are given to ``dateparser``)."""
    label_at = None
    for k in positions:
        prose = _in_paragraph(page, k)
        if prose or not _byline_rule(page, k):  # the article's paragraphs hold no byline
            # a label alone a rule took ("Photo of author" as an image's alt text) still names the next line
            label_at = k if not prose and len(page.texts[k]) <= 40 and byline_label(page.texts[k], lang) else None
            if dates and not prose:
                _claimed_dateline(page, k, found, lang)
            continue
        text = page.texts[k]
        names = byline_authors(text, lang)
        if not names and label_at is not None and k == label_at + 1:
            names = names_line(text, lang)
            if names:
                found.byline_lines.add(label_at)
        label_at = k if byline_label(text, lang) else None
        spans = find_date_spans(text, lang)
        if not spans and ("/" in text or "-" in text or "." in text) and has_year(text):
            spans = _numeric_in_doubt(page, text, lang)
        if not names and (spans or "By" in text or "by " in text or "BY" in text):
            names = _byline_after_date(text, spans, lang)
        if not names and spans and (closing := _closing_byline(text, spans, lang)):
            names, text, spans = closing[0], closing[1], find_date_spans(closing[1], lang)
        if names:
            found.authors.append((k, names))
            found.byline_lines.add(k)
            if not spans and (line := clean_line(text)) != text:   # "AnthonyBy AnthonyJanuary 4, 2026"
                text, spans = line, find_date_spans(line, lang)
        if not dates:
            continue
        if spans or (names and len(text) <= 80 and parse):
            iso, updated = _line_date(text, spans) if spans else (read_date(text, lang, reference), None)
            if updated is None:
                updated = bool(_UPDATED.search(text, timeout=budget(text)))
            if not updated and spans and _update_over(page, k) and _others(text, spans) <= DATELINE_OTHER_WORDS:
                updated = True
                found.signed_updates.add(k)
            labelled = _date_labelled(page, k, spans, text)
            if iso and (names or _is_dateline(text, spans) or labelled):
                found.dates.append((k, iso, updated))
                if labelled:
                    found.labelled.add(k)
                if names and updated and not _LAST_UPDATED.search(text, timeout=budget(text)):
                    found.signed_updates.add(k)
                if not names:
                    found.date_lines.add(k)
        elif parse and len(text) <= 60 and (lang not in (None, "en") or reference) and any(c.isdigit() for c in text):
            if (iso := read_date(text, lang, reference)) and len(text.split()) <= 8:
                found.dates.append((k, iso, bool(_UPDATED.search(text, timeout=budget(text)))))
                found.date_lines.add(k)


def _numeric_in_doubt(page: Page, text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """The dates of a line whose numeric date may be read either way ("8/1/2025", "09.10.2024",
    "02-12-2025"), read in the order the page shows: the order of its other numeric dates, else
    the one that gives a day the page prints with a month's name too."""
    order = page.numeric_order
    if order is None and in_doubt(text, lang):   # the page's named days are read only then
        years = {iso[:4] for o in ("mdy", "dmy") for _, _, iso in find_date_spans(text, lang, o)}
        order = order_named(text, lang, frozenset().union(*(page.named_days(lang, year) for year in years)))
    return find_date_spans(text, lang, order) if order else []


SHORT_LINE = 10   # words: a line this short at the top of a paragraph is not its prose


def _in_paragraph(page: Page, k: int) -> bool:
    """Line ``k`` is the article's prose. A short line among the article's first lines is not,
    though its block reads as prose: the standfirst, "By Jane Doe" and the date printed
    without blank lines between them make one block. Nor is a dateline of fields there, however
    many words its fields hold ("Dec. 19, 2025 · Jane Doe on behalf of the Survey Team")."""
    if page.first is None or k < page.first or k not in page.prose:
        return False
    if k >= page.first + INTO_ARTICLE:
        return True
    text = page.texts[k]
    words = len(text.split())
    if words <= SHORT_LINE:
        return False
    signed = _SIGNED.match(text, timeout=budget(text)) is not None
    if not signed and words > DATELINE_MAX_WORDS:   # no dateline, whatever dates it holds
        return True
    spans = find_date_spans(text)
    return not (spans and (signed or _is_dateline(text, spans)))


# A line that opens with who posted it and holds the date is a byline however long it runs:
# "Posted by Jane on Friday December 19, 2025 @08:00PM from the skewed-job-market dept."
_SIGNED = lazy(r"(?i)(?:posted|written|published|submitted)\s+by\s")


_BY_LABELS = frozenset("author article avatar photo image picture".split())
_BY_INSIDE = lazy(r"(?:^|(?<=[\s·|•,–—\d-]))(?:[Bb]y|BY)\s*(?=\p{Lu})")


# "By" opening a sentence after another one: "… beyond the U.S. and Canada. By Lisa Jennings on …"
_CLOSING_BY = lazy(r"(?<=[.!?…\"”’]\s+)(?:[Bb]y|BY)\s+(?=\p{Lu})")
CLOSING_BYLINE_WORDS = 10
STANDFIRST_WORDS = 60   # a longer line that ends with a byline is a page run together, not a standfirst


def _closing_byline(text: str, spans: list[tuple[int, int, str]], lang: str | None) -> tuple[list[str], str] | None:
    """A byline closing a longer line, after a sentence, the date last: a standfirst and its
    byline printed as one line ("… growth beyond the U.S. and Canada. By Lisa Jennings on Dec.
    19, 2025"). The names and the byline's text; None when the line goes on after the date (a
    sentence that says "by Jane Doe on …" is the article's), the byline runs long, or the line
    is longer than a standfirst (a whole page printed as one line)."""
    if text[spans[-1][1]:].strip(" .") or len(text.split()) > STANDFIRST_WORDS:
        return None
    starts = [m.start() for m in _CLOSING_BY.finditer(text, 0, spans[-1][0], timeout=budget(text))]
    if not starts or len((closing := text[starts[-1]:]).split()) > CLOSING_BYLINE_WORDS:
        return None
    names = byline_authors(closing, lang)
    return (names, closing) if names else None


def _byline_after_date(text: str, spans: list[tuple[int, int, str]], lang: str | None) -> list[str]:
    """The names of "by NAME" inside a dateline: "September 1st, 2023 By Jane Doe", "Published
    March 3, 2024 by Jane Doe", "0 · by Jane Doe · Updated on 8 January 2026"."""
    if (line := clean_line(text)) != text:   # "Jane DoeBy Jane DoeJanuary 4, 2026"
        text, spans = line, find_date_spans(line, lang)
    if len(text.split()) > DATELINE_MAX_WORDS + 6 and not _labelled(text, spans):
        return []
    m = _BY_INSIDE.search(text, timeout=budget(text))
    if m is None or m.start() == 0:
        return []
    names = byline_authors(_FIELDS.split(text[m.start():], maxsplit=1, timeout=budget(text[m.start():]))[0], lang)
    before = text[:m.start()]
    dated = find_date_spans(before, lang)
    labels = all(w.lower().strip(".:") in _DATE_WORDS or w.lower() in _BY_LABELS
                 for w in _WORD.findall(before, timeout=budget(before)))
    if not names or not (labels or dated and _is_dateline(before, dated) or person_name(before) == names[0]):
        return []   # "… 2012. Stress by Generation URL: …": a reference, not a byline
    return names


NAME_NEAR = 3   # lines between a pictured name and the title or a dateline
NAME_DATE = 2   # lines between a bare name and a date


def _bare_names(page: Page, found: Found, title: int | None, lang: str | None) -> None:
    """A name without a label, in the head: under an author photo's alt text ("Picture of Jane
    Doe" / "Jane Doe") next to the title or a dateline; alone on its line next to a date
    ("Jane Doe" / "March 3, 2024", with perhaps a role between); or beside the date on one line
    ("Jane Doe March 3, 2024 · 5 min read", "Dec 26, 2025 • Jane Doe"); or, when none of these
    is found, printed twice (an avatar's alt text and the name) next to the title or a dateline.
    A name alone without a date beside it is not taken: menu items ("Order Now", "Industry
    Insights") look the same."""
    dated = {d[0] for d in found.dates}
    anchors = set(found.date_lines) | ({title} if title is not None else set())
    if page.first is None:
        return
    twice: tuple[int, str] | None = None
    for k in range(page.head().start, min(page.first + 1, len(page.lines))):
        if k == title or k in page.prose:
            continue
        text = page.texts[k]
        near = any(abs(k - a) <= NAME_NEAR for a in anchors)
        if not _byline_rule(page, k):   # an image's alt text a rule took: read, not labelled
            if (name := _captioned_photo(page, k)) is not None:
                _take_name(page, found, k, name)
                return
            continue
        name = pictured_name(text) if near else None
        if name is None and any(0 < abs(k - d) <= NAME_DATE for d in dated):
            name = bare_name(text, page.lower_words)
        spans = find_date_spans(text, lang)
        if name is None and spans:
            name = _name_by_date(text, spans, page)
        if name is None and twice is None and near and _printed_twice(page, k):
            if printed := _twice_name(text, page, lang):
                twice = (k, printed)
        if name is not None:
            if spans:   # the name's line dates it: "Jane Doe March 3, 2024", "Headshot of Jane Doe … on May 9, 2024."
                found.dates.append((k, *_line_date(text, spans)))
            _take_name(page, found, k, name)
            return
    if twice is not None:   # the weakest evidence: taken when nothing else names anyone
        _take_name(page, found, *twice)


def _captioned_photo(page: Page, k: int) -> str | None:
    """The name of an author's photo ("Headshot of Jane Doe, Staff Writer") whose next line
    prints the name: the photo and the name beside it, the way a byline shows its author."""
    name = pictured_name(page.texts[k])
    if name and k + 1 < len(page.texts) and clean_line(page.texts[k + 1]).startswith(name):
        return name
    return None


def _take_name(page: Page, found: Found, k: int, name: str) -> None:
    found.authors.append((k, [name]))
    found.byline_lines.add(k)
    if k + 1 < len(page.texts) and person_name(page.texts[k + 1]) == name:
        found.byline_lines.add(k + 1)


def _printed_twice(page: Page, k: int) -> bool:
    """The line says the same thing twice, or the next line says it again: an author's avatar
    (its alt text) and name ("Jane Doe" / "Jane Doe", "Jane Doe Jane Doe"). A menu item is not
    printed twice in a row."""
    text = " ".join(clean_line(page.texts[k]).casefold().split())
    if k + 1 < len(page.texts) and text == " ".join(clean_line(page.texts[k + 1]).casefold().split()):
        return True
    words = text.split()
    return len(words) in (4, 6, 8, 10, 12) and said_twice(words)


def _twice_name(text: str, page: Page, lang: str | None) -> str | None:
    """The name of a line printed twice: a bare name, a desk, or a name with credentials
    ("Jane Doe, MS, RD")."""
    words = text.split()
    if said_twice(words):
        text = " ".join(words[:len(words) // 2])
    if name := bare_name(text, page.lower_words) or team_name(text):
        return name
    names = names_line(text, lang) if "," in text else []
    return names[0] if len(names) == 1 and " " in names[0] else None


# What stands between a name and the date after it: "Jane Doe Published 10:19am 19 December 2025".
_BEFORE_DATE = lazy(r"(?i)(?:[\s|•·,–—-]|\b(?:published|posted|updated|on|at)\b|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)*$")
# What ends a name after the date: "Dec 26, 2025 • Jane Doe in Project Management".
_AFTER_NAME = lazy(r"\s+in\s+|\s*[|•·–—]\s*|\s+-\s+")


def _name_by_date(text: str, spans: list[tuple[int, int, str]], page: Page) -> str | None:
    """A bare name just before the line's date ("Jane Doe March 3, 2024 · 5 min read", "Jane Doe
    Published 10:19am 19 December 2025") or just after its last ("Dec 26, 2025 • Jane Doe in
    Project Management", "Dec 17, 2025Jane Doe"), or one of three fields or more ("5 Comments |
    Jane Doe | March 11, 2019")."""
    before = text[:spans[0][0]]
    if before.strip():
        cut = _BEFORE_DATE.search(before, timeout=budget(before))
        if name := bare_name(before[:cut.start()] if cut else before, page.lower_words):
            return name
    else:
        after = text[spans[-1][1]:].lstrip(" ,|•·–—-")
        first = _AFTER_NAME.split(after, maxsplit=1, timeout=budget(after))[0]
        if first and first[0].isupper() and (name := bare_name(first, page.lower_words)):
            return name
    fields = _FIELDS.split(text, timeout=budget(text))   # "109 Comments | Jane Doe | Last Updated: March 11, 2019"
    return next((name for f in fields[:4] if len(fields) > 2 and (name := bare_name(f, page.lower_words))), None)


def _byline_rule(page: Page, k: int) -> bool:
    """Claimed by a rule that marks bylines and dates as chrome (they are this stage's to
    read); or, above the article, by a comment-chrome rule: a bare "vor 2 Tagen" is a
    comment's stamp below an article and a dateline above it."""
    head = page.first is not None and k < page.first
    for a in page.claims(k):   # a loop, not ``all`` over a generator: asked of each head and tail line
        if not ((a.rule or "").startswith(_READ_RULES) or head and a.category == "comment_meta"):
            return False
    return True


_READ_RULES = ("structure.", "meta.", "byline.")   # rules whose lines this stage reads as its own


def _is_dateline(text: str, spans: list[tuple[int, int, str]]) -> bool:
    """A line that is a date, perhaps with a label and a time: not a sentence that holds one.
    Or a line of fields, the date one of them ("March 15, 2022 · 3 min read · By Jane Doe",
    "Essay - Published: 2025.12.17 | programming"): a headline does not set its date apart."""
    if len(text.split()) > DATELINE_MAX_WORDS:
        return False
    if _others(text, spans) <= DATELINE_OTHER_WORDS:
        return True
    fields = _FIELDS.split(text, timeout=budget(text))
    if len(fields) < 2:
        return False
    offset = 0
    for field in fields:
        start = text.index(field, offset)
        offset = start + len(field)
        inside = [(a - start, b - start, iso) for a, b, iso in spans if start <= a and b <= offset]
        if inside and _others(field, inside) <= 1:
            return True
    return False


def _others(text: str, spans: list[tuple[int, int, str]]) -> int:
    """How many words of ``text`` are not its dates, date labels, weekdays or months.
    ``spans`` in text order, apart (as :func:`find_date_spans` gives them)."""
    kept, pos = [], 0
    for start, end, _ in spans:
        kept.append(text[pos:start])
        pos = end
    rest = " ".join([*kept, text[pos:]])
    return sum(1 for w in _WORD.findall(rest, timeout=budget(rest))
               if w.lower().strip(".") not in _DATE_WORDS and not is_date_word(w))


NAME_WORDS = 5   # words of a line that holds an author's name alone


def _names_again(page: Page, names: list[str], after: int) -> list[int]:
    """Lines past the byline that hold nothing but an author's name (an author box after the
    article: "Daniel Czyżewski" over the bio or the comments): a byline too, not the article."""
    wanted = {text_key(name) for name in names}
    out = []
    for k in range(after + 1, len(page.texts)):
        text = page.texts[k]
        if len(text) < 60 and len(text.split()) <= NAME_WORDS and text_key(text.strip(" .,:;|-–—")) in wanted:
            out.append(k)
    return out


BIO_WORDS = 80   # words of a paragraph that opens with the author's name: a bio, not the article


def _author_bios(page: Page, names: list[str], after: int) -> None:
    """A short paragraph past the byline that opens with an author's full name and a verb
    ("Jane Doe is a …", "Jane Doe covers energy for …", "Jane Doe (@jane) is …", "Jane Doe /
    Jane is an associate writer …") is the author's bio: an article does not speak of its
    own author by name. So is one that opens with the first name alone and a bio's verb and
    speaks of a he or a she ("Jane has worked as a developer since 2007. She …"). Not the
    byline's own block, not a name with a title after a comma ("Jane Doe, CEO": a signed
    message or a caption), nor what another stage claimed."""
    full = tuple(name for name in names if len(name.split()) >= 2)
    if not full:
        return
    first = tuple({name.split()[0] + " " for name in full if len(name.split()[0]) > 2})
    doc, byline_block = page.doc, page.lines[after].block
    for k in range(after + 1, len(page.texts)):
        text, line = page.texts[k], page.lines[k]
        if not text.startswith(full + first) or line.block == byline_block:
            continue
        span = doc.blocks[line.block]
        if line.start != span.start or page.claims(k) or len(doc.slice(span.start, span.end).split()) > BIO_WORDS:
            continue
        name = next((n for n in full if text.startswith(n)), None)
        limit = budget(text)
        if (name is not None and _BIO_OPENING.match(text, len(name), timeout=limit)) or \
                (name is None and _BIO_VERB.match(text, text.index(" "), timeout=limit)
                 and _PERSON.search(text, timeout=limit)):
            doc.annotate(span.start, span.end, BOILERPLATE, "author_bio", "meta.author-bio")


BIO_REACH = 2   # blocks after an "About the author" heading where its bio may stand (a name between)
BIO_MIN_WORDS = 8


def _bios_under_heading(doc: Document) -> None:
    """The paragraph under an author box's heading ("About the author", rule
    ``byline.about-author``) is the bio, whether or not the page named its author: the
    first block of ``BIO_MIN_WORDS`` to ``BIO_WORDS`` words within ``BIO_REACH`` blocks
    under it, when nothing claimed it."""
    headings = [a for a in doc.annotations if a.rule == "byline.about-author"]
    if not headings:
        return
    starts = doc.block_starts()
    for heading in headings:
        index = bisect_right(starts, heading.start) - 1
        for block in doc.blocks[index + 1:index + 1 + BIO_REACH]:
            words = len(doc.slice(block.start, block.end).split())
            if words < BIO_MIN_WORDS:
                continue
            if words <= BIO_WORDS and doc.is_unclaimed(block.start, block.end):
                doc.annotate(block.start, block.end, BOILERPLATE, "author_bio", "meta.author-bio")
            break


# after the name: a verb ("is", "covers", "kam"), a handle in brackets, or a slash before the bio
_BIO_OPENING = lazy(r" \(| / |\s+\p{Ll}")
# after a first name alone, a bio's verb; and the paragraph speaks of a person
_BIO_VERB = lazy(r" (?:has (?:worked|been|written|covered|spent)|is an? |is the |writes |covers |lives |studied "
                 r"|holds |joined |ist |arbeitet|schreibt |lebt )")
_PERSON = lazy(r"(?i)\b(?:he|she|his|her|him|er|seine?|ihre?)\b")


def _label(page: Page, found: Found) -> None:
    """Byline and date lines become metadata; not those printed in the block of the article's
    first paragraph: read for the metadata, they stay where the text put them (Dragnet's gold
    main text keeps such a byline, WCXB's drops it; the main-text scores moved less so)."""
    doc = page.doc
    for k in sorted(found.byline_lines):
        line = page.lines[k]
        if not _byline_rule(page, k) or k in page.prose:
            continue
        raw = doc.slice(line.start, line.end)
        cut = _taxonomy_start(raw)
        doc.annotate(line.start, line.start + cut, METADATA, "byline", "meta.byline")
        doc.annotate(line.start + cut, line.end, BOILERPLATE, "navigation", "meta.taxonomy")
    for k in sorted(found.date_lines - found.byline_lines):
        line = page.lines[k]
        if _byline_rule(page, k) and k not in page.prose:
            doc.annotate(line.start, line.end, METADATA, "dateline", "meta.dateline")


def _label_title(page: Page, title) -> None:
    """The title's line, when the structure stage took it whole for the page's head or its
    navigation, is the title: metadata, as a byline is, not a page header. A title line the
    stages kept stays in the main text, and one cut from a longer line ("Title | Site") stays
    as it was claimed."""
    k = title.position
    line = page.lines[k]
    claims = page.claims(k)
    if k in page.prose or len(claims) != 1 or page.texts[k] != title.text:
        return
    claim = claims[0]
    if claim.start <= line.start and claim.end >= line.end and (claim.rule or "").startswith("structure."):
        page.doc.annotate(line.start, line.end, METADATA, "title", "meta.title")


def _taxonomy_start(raw: str) -> int:
    """Where topic tags glued to a byline begin ("… Region: Europe Theme: …"), else the end."""
    m = _TAXONOMY.search(raw, timeout=budget(raw))
    return m.start() if m else len(raw)


settle(globals())
