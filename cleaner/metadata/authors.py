"""Bylines: the people who wrote the article, read off one line or two.

Forms read (the label is matched case-insensitively, the names are not):

* a label and the names on one line: "By Jane Doe", "Written by Jane Doe and
  Bo Chan", "Posted by Jane Doe on March 3, 2024", "Author: Jane Doe", and the
  page language's own: "Von …", "Geschrieben von …", "Par …", "Por …", "Di …",
  "Door …", "Autor: …", "Auteur : …", "Autore: …";
* a label alone on its line ("By", "Written by", "Author") and the names on
  the next (:func:`byline_label` and :func:`names_line`);
* a name and a role: "Jane Doe, Staff Writer", "Jane Doe | Senior Editor".

A name is one to four capitalised words (initials, particles such as "van",
"de", "von" inside it); a list of names is split at "and", "&", commas and the
page language's "und", "et", "y", "e", "i", "en". What follows the names (a
publisher, a role, "on DATE", "| Updated …") is cut off. A line of more than
``MAX_WORDS`` words is prose, never a byline: "By the time the vote …" and
"By Jane's account …" are not read (no name, or a name that goes on as a
sentence).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Container

from ..patterns import budget, lazy, settle
from .dates import find_date_spans

MAX_WORDS = 60          # a byline with its tags and sources; longer is a paragraph that opens with "By"
MAX_NAMES = 6
SENTENCE_WORDS = 12     # longer and ending like a sentence: prose, not a byline

# Labels that open a byline, per language; None: every page.
_LABELS = {
    None: r"(?:written|posted|reported|compiled|words|text|story|article|interview|photos?\s+and\s+text)\s+(?:by\s*)?by|by"
          r"|authors?\s*:|byline\s*:|contributors?\s*:|writer\s*:",
    "de": r"(?:geschrieben|verfasst|erstellt|ein\s+(?:beitrag|artikel))\s+von|von|autor(?:in|en)?\s*:|text\s*:",
    "fr": r"(?:écrit|publié|rédigé|posté)\s+par|par|auteur(?:e|s)?\s*:|autrice\s*:|rédaction\s*:",
    "es": r"(?:escrito|publicado|redactado)\s+por|por|autor(?:a|es)?\s*:|redacción\s*:",
    "pt": r"(?:escrito|publicado|postado)\s+por|por|autor(?:a|es)?\s*:|redação\s*:",
    "it": r"(?:scritto|pubblicato)\s+da|a\s+cura\s+di|di|autor(?:e|i)\s*:|autrice\s*:",
    "pl": r"autor(?:ka|zy)?\s*:|napisał(?:a)?|opublikował(?:a)?|tekst\s*:",
    "nl": r"(?:geschreven|gepost|geplaatst)\s+door|door|auteur\s*:|tekst\s*:",
}
_AND = {None: r"and", "de": r"and|und", "fr": r"and|et", "es": r"and|y|e", "pt": r"and|e",
        "it": r"and|e", "pl": r"and|i", "nl": r"and|en"}
# A label alone on its line: the names are on the next line.
_ALONE = {
    None: r"by|written\s+by|posted\s+by|authors?|author\s+by|about\s+the\s+author|words\s+by|writer"
          r"|(?:article|story|text)\s+by|photo\s+of\s+(?:the\s+)?author",
    "de": r"von|geschrieben\s+von|autor(?:in)?|über\s+den\s+autor",
    "fr": r"par|écrit\s+par|auteur(?:e)?|à\s+propos\s+de\s+l'auteur",
    "es": r"por|escrito\s+por|autor(?:a)?|sobre\s+el\s+autor",
    "pt": r"por|escrito\s+por|autor(?:a)?|sobre\s+o\s+autor",
    "it": r"di|scritto\s+da|autore|autrice|l'autore",
    "pl": r"autor(?:ka)?|napisał(?:a)?|o\s+autorze",
    "nl": r"door|geschreven\s+door|auteur|over\s+de\s+auteur",
}
_PARTICLE = r"(?:de|da|das|do|dos|van|von|der|den|del|della|di|du|le|la|ten|ter|zu|al|el|bin|ibn|y)"
_NAME_WORD = rf"(?:(?:\p{{Lu}}\.){{2,3}}|\p{{Lu}}[\p{{L}}'’-]*\.?|{_PARTICLE}(?=\s+\p{{Lu}}))"
_NAME = lazy(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}")
_LEAD = lazy(r"^[\s•·*▪►»›|–—-]+")
# A label word glued to the name before it: "Jane DoePublished: …", "ByJane Doe".
_GLUED = lazy(r"(?<=\p{Ll})(?=(?:Published|Updated|Posted|Last|Reviewed|Veröffentlicht|Aktualisiert|Publié"
              r"|Publicado|Pubblicato|Opublikowano|Gepubliceerd)\b|In\s+\p{Lu}"
              r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{Ll}*\.?\s+\d)"
              r"|(?<=[\p{Ll}\d])(?=By\s+\p{Lu})")   # "Jane DoeBy Jane Doe", "27 September,2023By Jane Doe"
_GLUED_BY = lazy(r"(?:(?<![\p{L}\p{N}])(?:By|by)|^(?:Von|von|Par|par|Por|por|Door|door))(?=\p{Lu}\p{Ll})")
# Words that end the names: a publisher, a role, a date ("By Jane Doe Reuters", "… Staff Writer").
NOT_NAME = frozenset("""news research times post press media staff writer writers reporter correspondent
editor editors editorial daily magazine journal herald tribune global network agency group online today
weekly review report reports institute centre center foundation associated reuters bloomberg afp dpa
updated published posted last contributor contributing senior chief political economics special team
photo photos photographer video guest columnist analyst redaktion redakteur redakteurin autor autorin
rédaction redacción redação redazione redakcja redactie the a an in on at for with from of via read
more share follow home menu subscribe sign login comments comment minute minutes min views fact checked
reviewed medically recent posts industry type category topic""".split())
_ROLE_WORDS = frozenset("""writer reporter correspondent editor contributor columnist journalist author
staff analyst producer redakteur redakteurin journalistin journalist journaliste rédacteur rédactrice
periodista redactor redactora giornalista redattore redattrice dziennikarz dziennikarka redacteur
verslaggever founder co-founder ceo cto cfo executive director manager expert head lead president officer
specialist consultant strategist marketer gardener master professor lecturer researcher scientist
dietitian nutritionist physician""".split())
_SEPARATOR = lazy(r"\s*(?:[|•·–—]|\s-\s|,)\s*")
_SEPARATOR_MARK = re.compile(r"[|•·–—,-]")   # what each _SEPARATOR match holds
# A role word, or its plural, is one of a line's runs of word characters and hyphens: what
# stands beside it on the line (a space, a separator, "," or ".") is neither.
_ROLE_FORMS = _ROLE_WORDS | {w + "s" for w in _ROLE_WORDS}
_TOKEN = re.compile(r"[\w-]+")
# Weekdays and months end a name ("By Jane Doe March 3, 2024"); those that are also first
# names (May, June, April, August, Jan) do not.
_WEEKDAYS_MONTHS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march july september october november december feb mar apr jun jul aug sep sept oct nov dec""".split())
_CREDENTIAL = lazy(r"^(?:\p{Lu}{2,6}|Ph\.?D\.?|M\.?D\.?)$")


# The ASCII openings of the labels above (``_LABELS``, ``_ALONE``), per language: a line that
# opens in ASCII with none of them matches no label, and most head lines are such lines. A label
# with a letter beyond ASCII among its first letters ("écrit", "napisał") opens no ASCII line.
_OPENINGS = {
    None: ("written", "posted", "reported", "compiled", "words", "text", "story", "article", "interview",
           "photo", "by", "author", "contributor", "writer", "about"),
    "de": ("geschrieben", "verfasst", "erstellt", "ein", "von", "autor", "text"),
    "fr": ("par", "auteur", "autrice"),
    "es": ("escrito", "publicado", "redactado", "por", "autor", "sobre"),
    "pt": ("escrito", "publicado", "postado", "por", "autor", "sobre"),
    "it": ("scritto", "pubblicato", "a", "di", "autor", "autrice", "l'autore"),
    "pl": ("autor", "tekst", "o"),
    "nl": ("geschreven", "gepost", "geplaatst", "door", "auteur", "tekst", "over"),
}
OPENING_CHARS = 16   # longer than every opening, and than the ASCII letters before a label's first other letter


@lru_cache(maxsize=16)
def _openings(lang: str | None) -> tuple[str, ...]:
    return _OPENINGS[None] + (_OPENINGS[lang] if lang in _OPENINGS and lang else ())


def _may_open_with_label(text: str, lang: str | None) -> bool:
    """False only when ``text`` matches no byline label (``_compiled("byline")`` or
    ``("alone")``): its opening is ASCII, so a label there matches it letter for letter in
    either case, and it starts with no label's ASCII opening."""
    head = text[:OPENING_CHARS]
    return not head.isascii() or head.lower().startswith(_openings(lang))


def _pattern(table: dict, lang: str | None, tail: str) -> object:
    import regex

    alternatives = table[None] + (f"|{table[lang]}" if lang in table and lang else "")
    return regex.compile(rf"^(?:{alternatives}){tail}", regex.IGNORECASE)


_COMPILED: dict = {}


def _compiled(kind: str, lang: str | None):
    key = (kind, lang)
    if key not in _COMPILED:
        if kind == "byline":
            _COMPILED[key] = _pattern(_LABELS, lang, r"\s*[:\-–]?\s+(?P<rest>\S.*)$")
        elif kind == "alone":
            _COMPILED[key] = _pattern(_ALONE, lang, r"\s*:?\s*$")
        else:
            import regex

            words = _AND[None] + (f"|{_AND[lang]}" if lang in _AND and lang else "")
            _COMPILED[key] = regex.compile(rf"\s*(?:,\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+|\s*&\s*|\s*;\s*)")
    return _COMPILED[key]


@lru_cache(maxsize=1024)
def clean_line(text: str) -> str:
    """The line without list bullets and with glued labels pulled apart (kept for the line's
    other readings: a head line is read as a byline, a label and a name)."""
    text = text.strip()
    if text[:1] in _LEAD_MARKS:
        rest = text.lstrip(_LEAD_CHARS)   # what _LEAD removes, unless a space other than " " follows
        text = rest if not rest[:1].isspace() else _LEAD.sub("", text, timeout=budget(text))
    if ("By" in text or "by" in text) and _GLUED_BY_HINT.search(text) \
            or text[:1] in "VvPpDd" and _GLUED_OPENING.match(text):
        text = _GLUED_BY.sub(r"\g<0> ", text, timeout=budget(text))
    return _GLUED.sub(" ", text, timeout=budget(text)) if _GLUED_HINT.search(text) else text


# What a match of each pattern clean_line runs needs, looked for first (most lines hold none):
# a _LEAD mark first (``strip`` leaves no space there); a _GLUED_BY label and what follows it;
# the capital a _GLUED word starts with after a letter or a digit, and a second letter one of
# those words has.
_LEAD_MARKS = frozenset("•·*▪►»›|–—-")
_LEAD_CHARS = "".join(sorted(_LEAD_MARKS)) + " "
# A _GLUED_BY label with two characters after it that are not spaces (a capital and a small letter).
_GLUED_BY_HINT = re.compile(r"[Bb]y\S\S")
_GLUED_OPENING = re.compile(r"(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\S\S")
_GLUED_HINT = re.compile(r"[PULRVAOGIJFMSNDB](?<=\S[PULRVAOGIJFMSNDB])[upoaekncy]")


def byline_authors(text: str, lang: str | None = None) -> list[str]:
    """The names of a byline line ("By Jane Doe", "Von Max Mustermann", "Jane Doe, Staff Writer"), or []."""
    text = clean_line(text)
    words = len(text.split())
    if not text or words > MAX_WORDS or words > SENTENCE_WORDS and text.endswith((".", "!", "?")):
        return []  # a paragraph that opens with "By Anna Berg, who …" is the article's
    m = _compiled("byline", lang).match(text, timeout=budget(text)) if _may_open_with_label(text, lang) else None
    if m:
        if team := team_name(m["rest"]):
            return [team]
        names = names_in(m["rest"], lang)
        label = text[:m.start("rest")]
        if len(names) == 1 and len(names[0].split()) == 1 and not any(c.isdigit() for c in text) \
                and len(label.split()) < 2 and ":" not in label:
            return []  # "By Industry": a menu's filter; "Written by Kristin", "Author: Ben": a pen name
        return names
    return _name_and_role(text, lang)


# A desk that signs an article after a byline label: "By The Investopedia Team", "by Marketing
# Team", "written by Our Editors", "By Podium Staff". Without the label such a line is a menu
# item ("Meet the Team") and is not read.
_TEAM_WORD = r"\p{Lu}[\p{L}\p{N}&'’.-]*\s+"
_TEAM = lazy(rf"^(?:(?:[Tt]he|[Oo]ur)\s+(?:{_TEAM_WORD}){{0,3}}|(?:{_TEAM_WORD}){{1,3}})"
             r"(?i:team|staff|editors|editorial(?:\s+(?:team|staff|board))?|desk|newsroom)"
             r"(?=$|\s*[|•·,–—]|\s+-\s|\s+(?:on|in|updated|published)\b|\s+\d)")


def team_name(rest: str) -> str | None:
    """The desk or team at the start of ``rest`` ("The Investopedia Team", "Podium Staff"), or None."""
    m = _TEAM.match(rest.strip(), timeout=budget(rest.strip()))
    return m.group().strip() if m else None


def byline_label(text: str, lang: str | None = None) -> bool:
    """True for a label alone on its line ("By", "Written by", "Author:"): the names follow."""
    text = clean_line(text)
    return bool(text) and _may_open_with_label(text, lang) \
        and _compiled("alone", lang).match(text, timeout=budget(text)) is not None


def names_line(text: str, lang: str | None = None) -> list[str]:
    """The names of a line that holds only names (and perhaps a role after them), or the names
    before a separator ("Jane Doe | The Texas Newsroom"): the line after a byline label."""
    text = clean_line(text)
    if not text or len(text.split()) > 12:
        return []
    if (team := team_name(text)) and team == text.strip(" ."):
        return [team]
    names = names_in(text, lang)
    if names and _only_names(text, names):
        return names
    first = _SEPARATOR.split(text, maxsplit=1, timeout=budget(text))[0]   # "Jane Doe | The Texas Newsroom"
    names = names_in(first, lang) if first != text else []
    return names if names and _only_names(first, names) else []


def _only_names(text: str, names: list[str]) -> bool:
    """The names make up the line, but for separators, a role or a date after them."""
    rest = text
    for name in names:
        rest = rest.replace(name, " ", 1)
    words = [w for w in regex_words(rest) if w.lower() not in {"and", "und", "et", "y", "e", "i", "en"}
             and not _CREDENTIAL.match(w.strip("."))]
    if not words:
        return True
    return any(w.lower() in _ROLE_WORDS for w in words) or any(c.isdigit() for c in rest)


def regex_words(text: str) -> list[str]:
    import regex

    return regex.findall(r"\p{L}[\p{L}'’.-]*", text)


def _name_and_role(text: str, lang: str | None) -> list[str]:
    """ "Jane Doe, Staff Writer" / "Jane Doe | Senior Editor | July 2, 2025" / "Jane Doe and Bo
    Chan | Guest Columnists": names, a separator, a role (what follows the role is dropped)."""
    if not _SEPARATOR_MARK.search(text) or _ROLE_FORMS.isdisjoint(_TOKEN.findall(text.lower())):
        return []   # no _SEPARATOR, or no role word (most lines)
    parts = _SEPARATOR.split(text, maxsplit=2, timeout=budget(text))
    if len(parts) < 2:
        return []
    role = [w.strip(",.") for w in parts[1].lower().split()]
    if not role or len(role) > 5 or len(parts) == 3 and len(parts[2].split()) > 3 and not find_date_spans(parts[2]):
        return []   # "Jane Doe, the director, stands with her panels": a caption
    if any(w in _ROLE_WORDS for w in role) and (name := person_name(parts[0])):
        return [name]
    if not any(w.endswith("s") and w[:-1] in _ROLE_WORDS for w in role):
        return []
    names = names_in(parts[0], lang)   # a role in the plural: two names or more
    return names if len(names) >= 2 and _only_names(parts[0], names) else []


def names_in(rest: str, lang: str | None = None) -> list[str]:
    """The names at the start of ``rest``; what follows the last name is dropped."""
    import regex

    if dated := find_date_spans(rest):
        rest = rest[:dated[0][0]]   # "Jane Doe August 25, 2025": the month is not her name
    rest = regex.split(r"\s*(?:[|•·–—]|\s-\s|\bon\b|\bam\b|\ble\b|\bel\b|\bupdated\b|\bpublished\b|\b[Ii]n\b)\s*",
                       rest, maxsplit=1, timeout=budget(rest))[0]
    names: list[str] = []
    for i, part in enumerate(_compiled("and", lang).split(rest, timeout=budget(rest))):
        if not part.strip() or names and _CREDENTIAL.match(part.strip(" .")):
            continue  # "Dylan Bailey, MS, RD": credentials after the name
        if names and any(w.strip(",.").lower() in _ROLE_WORDS for w in part.split()):
            break  # "Claire Wilson, Co-Founder": a role, not a second name
        name = _name(part, whole=i > 0)
        if name is None:
            break
        names.append(name)
        if len(names) == MAX_NAMES:
            break
    return names


_PICTURED = lazy(r"(?i)^(?:profile\s+)?(?:picture|photo|image|headshot|avatar|portrait)\s+of\s+(?:(?:the\s+)?author\s+)?")


_PICTURE_AFTER = lazy(r"(?i)\s+(?:profile\s+)?(?:image|photo|picture|headshot|avatar|portrait|pic)$")
# What a _PICTURED match opens with and a _PICTURE_AFTER match ends with (before a final line
# end, where ``$`` also matches), in ASCII: a line that opens or ends in ASCII without one of
# them has no such match (most lines have none).
_PICTURED_OPENINGS = ("profile", "picture", "photo", "image", "headshot", "avatar", "portrait")
_PICTURE_ENDINGS = ("image", "photo", "picture", "headshot", "avatar", "portrait", "pic")


def pictured_name(text: str) -> str | None:
    """The name in an author photo's alt text: "Picture of Jane Doe", "Headshot of Jane Doe,
    Editor", "Profile photo of author Jane Doe", "Jane Doe headshot", "Jane Doe profile image"."""
    line = clean_line(text)
    head, tail = line[:OPENING_CHARS], line.rstrip("\n")[-OPENING_CHARS:]
    opens = not head.isascii() or head.lower().startswith(_PICTURED_OPENINGS)
    m = _PICTURED.match(line, timeout=budget(line)) if opens else None
    if not m:
        ends = not tail.isascii() or tail.lower().endswith(_PICTURE_ENDINGS)
        after = _PICTURE_AFTER.search(line, timeout=budget(line)) if ends else None
        if after is None:
            return None
        name = line[:after.start()]
        return bare_name(name[:-2] if name.endswith(("'s", "’s")) else name)
    names = names_in(line[m.end():])
    return names[0] if len(names) == 1 and len(names[0].split()) >= 2 else None


# Words a person's name does not hold: a two-to-four-word line of them beside a date is a
# heading, a menu item or a category ("Table Of Contents", "Latest News", "New York").
_NOT_IN_NAME = frozenset("""of the to and for your with how what why who when where which our my we you it
is are was be this that these all any by in on at from into about more most read share print email save
top best new old latest related recent popular featured trending key quick main next previous back home
blog news post posts article articles story stories guide guides tips review reviews table contents menu
search login sign subscribe follow comment comments minute minutes min time times updated published
posted last first day week month year today live video videos podcast photo photos image gallery city
county state north south east west united university college school team company group inc llc ltd
health care business market markets world sports food travel tech technology science politics opinion
life style culture events event products product services service solutions resources support help
contact privacy terms cookie cookies policy free trial demo download pricing shop cart store logo icon
page select get started expert reviewer facebook twitter pinterest linkedin instagram youtube e-mail
""".split())


_GLUED_WORDS = lazy(r"\p{Ll}{4}\p{Lu}|\p{L}{19}")   # "RobotsCommercial", a run of glued words
_ACRONYM = lazy(r"^\p{Lu}{2,4}$")


def said_twice(words: list[str]) -> bool:
    """The words are the same words twice over ("Jane Doe Jane Doe": an avatar's alt text
    and the name beside it)."""
    half = len(words) // 2
    return len(words) % 2 == 0 and words[:half] == words[half:]


def bare_name(text: str, common: Container[str] = frozenset()) -> str | None:
    """A line that is nothing but a person's name of two to four words ("Jane Doe", "JANE DOE";
    printed twice over, "Jane Doe Jane Doe", as an avatar's alt text and the name beside it).

    ``common``: the words the page writes in lower case. A name's words after the first are
    not among them: "Marketing Strategy", "Klatch Coffee", "Get Started" are a category, a
    shop or a button, and the page says "marketing", "coffee", "get" in its sentences.
    Taken by the stage only next to a date: on its own, "Order Now" or "Industry Insights"
    has the same shape."""
    text = clean_line(text).strip(" .")
    if len(text) % 2 == 0 and text[:len(text) // 2] == text[len(text) // 2:]:
        text = text[:len(text) // 2]   # "Jane DoeJane Doe"
    words = text.split()
    if len(words) in (4, 6, 8) and said_twice(words):
        words = words[:len(words) // 2]
        text = " ".join(words)
    if not 2 <= len(words) <= 4 or person_name(text) != text:
        return None
    lowered = [w.casefold().strip(".") for w in words]
    if any(w in _NOT_IN_NAME or w in NOT_NAME for w in lowered) or any(len(w) > 1 and w in common for w in lowered[1:]):
        return None
    if any(_GLUED_WORDS.search(w, timeout=budget(w)) for w in words):
        return None
    if not text.isupper() and any(_ACRONYM.match(w, timeout=budget(w)) for w in words):
        return None   # "UX Analytics", "NVIDIA GTC": a topic or a product
    return text


def person_name(text: str) -> str | None:
    """``text`` when all of it is a person's name (one to four capitalised words), else None."""
    text = clean_line(text)
    name = _name(text, whole=True)
    return name if name and len(name.split()) >= 2 or (name and len(text.split()) == 1) else None


def _name(part: str, whole: bool) -> str | None:
    """The person's name at the start of ``part``; with ``whole``, only if it is all of it."""
    part = part.strip()
    m = _NAME.match(part, timeout=budget(part))
    if not m:
        return None
    if whole and part[m.end():].strip(" .,"):
        return None
    after = part[m.end():].split()
    if len(after) >= 3 and after[0][:1].islower() and after[0].lower().strip(",.") not in NOT_NAME:
        return None  # the name goes on as a sentence: "By Jane Doe we mean …"
    words: list[str] = []
    for word in m.group().split():
        low = word.lower().strip(".,")
        if low in NOT_NAME or low in _WEEKDAYS_MONTHS:
            break
        if words and len(word.strip('.')) > 1 and word.isupper() and not all(w.isupper() for w in words):
            break  # "Brian Truitt USA TODAY": the publisher's acronym after the name
        words.append(word)
    if not 1 <= len(words) <= 4 or not words[0][0].isupper() or words[-1].lower() in {
            "de", "da", "van", "von", "der", "den", "del", "di", "du", "le", "la"}:
        return None
    if any(w.endswith(("'s", "’s")) for w in words):
        return None
    if len(words[-1]) > 3 and words[-1].endswith(".") and not words[-1].isupper():
        words[-1] = words[-1][:-1]   # "Jane Doe." at a sentence's end; "Jane Doe Jr." keeps it
    return " ".join(words)


settle(globals())
