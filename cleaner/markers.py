"""Comment markers: the small lines comment systems print around a comment.

They are both evidence that a discussion has started and values to attach to
a comment (its author, whom it answers, when it was posted or edited), so the
section finder and the splitter share this one module.

Only short lines are parsed (``MAX_LINE`` characters): a marker is a line of
chrome, never a paragraph. Every converter prints them a little differently
(``• Jewels October 23, 2012 at 3:41 pm``, ``by [Ed Fry](http://…) on December
4, 2010 at 10:49 pm. [Reply](…)``, ``1. Lauren K says:``), so a line is first
reduced to its display words (:func:`display`): markdown link and image
syntax, list bullets and numbering, and trailing buttons go.

Kinds of marker:

* ``says``   — a comment header with an author: "NAME says: DATE",
  "by NAME on DATE", "NAME | DATE", "DATE NAME", "Posted by: NAME | DATE";
* ``date``   — a date or time of its own ("October 9, 2012 3:04 PM", "2 days ago");
* ``reply``  — whom the comment answers ("@Chris Gr.", "In reply to Mike");
* ``edited`` — "Last edited 14 days ago by NAME";
* ``chrome`` — buttons and counters ("Reply", "Like", "Report", "12 points");
* ``author`` — an avatar's alt text that names the commenter ("Avatar of Mike R");
* ``heading`` — the head of a discussion ("23 Responses to …", "Comments (11)");
* ``form``   — the comment form or the notice that ends one ("Leave a Reply",
  "Comments are closed");
* ``none``   — a count that says there is no discussion ("No comments:", "0 Responses").

The words above are English. A page in another language gets its own words too
(:func:`local_markers`, from ``cleaner/data/chrome_words.toml``: "71 Kommentare",
"Antworten", "Schreibe einen Kommentar", "vor 2 Stunden"), tried only where the
English reading finds nothing, so English pages pay nothing for them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .patterns import Engine, engine, lazy, settle

if TYPE_CHECKING:
    import regex


MAX_LINE = 160

_MONTH = (r"(?<!\p{L})(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?-i:\s*(?:[A-Z]{1,4}T|UTC|GMT)\b)?"
_CALENDAR = (rf"(?:{_WEEKDAY}?(?:{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}|{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"
             rf"|{_YEAR}-\d{{2}}-\d{{2}}|{_WEEKDAY}?\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}}))")
_CLOCK = rf"(?:\s*(?:,|at|@|-|–|—|\||/)?\s*@?\s*{_TIME})"
_AGO = (r"(?:(?:about\s+|over\s+|almost\s+)?(?:\d+|an?|one)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?"
        r"|days?|weeks?|wks?|months?|years?|yrs?)(?:,?\s*\d+\s*(?:hours?|hrs?|minutes?|mins?))?\s+ago"
        r"|yesterday|today|just\s+now)")
# A date, with an optional time; a month and day without a year only when a time follows.
_DATE = (rf"(?:{_CALENDAR}{_CLOCK}{{0,2}}|{_WEEKDAY}?{_MONTH}\s+{_DAY},?{_CLOCK}|{_AGO}(?:\s*\(\s*{_TIME}\s*\)|{_CLOCK})?"
         r")")
# not "Today's best price": a possessive date is a phrase's subject, not a stamp
DATE = lazy(rf"(?i)(?<![\p{{N}}]){_DATE}(?![\p{{L}}\p{{N}}]|['’]s(?!\p{{L}}))")
# "posted by Blogger Joe : 11:58 AM": a time of day with am/pm ends a header that has no date
CLOCK_TAIL = lazy(r"(?i)(?<=\s)\d{1,2}:\d{2}\s*[ap]\.?m\.?$")
TIME_ONLY = lazy(rf"(?i)^(?:at\s+)?{_TIME}$")
# "23 May – 28 September 2025", "May 1 - June 3, 2025", "12–14 March 2024": the first half of
# a date range ends the text before the date. An exhibition's or an event's dates, never a
# comment's stamp.
RANGE_START = lazy(rf"(?i)(?:{_MONTH}(?:\s+{_DAY})?|{_YEAR}|\d{{1,2}}(?=[–—-]))\s*(?:[–—-]|to|until)\s*$")
# "AmySeptember 11, 2008 at 2:06 PM": converters print an inline name and date with no
# space between them (Blogger's comment header); a capitalised month glued to a lower-case
# letter, with a day and a year after it, starts a date of its own
_FULL_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
               r"|December)")
GLUED_DATE = lazy(rf"(?<=\p{{Ll}})(?={_FULL_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b)")
# "Updated" or "Published" right before a date: an article's or a teaser's stamp. Comment
# systems write "Posted", a verb of saying or "Edited"; not one comment in the Dragnet pages
# is stamped so.
PUBLISHED_STAMP = lazy(r"(?i)\b(?:updated|published)(?:\s+(?:on|at))?\s*[:\-–—]?\s*$")

_NAME = r"[\p{L}\p{N}_@][\p{L}\p{N}_.'’&@ -]{0,48}?"

# Comment headers printed inside running text, as a converter that flattens the page
# prints them: "… fine. Cris - Prairie Team says May 19, 2023 at 9:17 am As long as …",
# "… helpful! Sara 1 year ago Can we …", "by iggymanz ( 596061 ) writes: …". The name
# before the match is read by :func:`name_before`.
_STAMP = rf"{_CALENDAR}{_CLOCK}{{0,2}}|{_WEEKDAY}?{_MONTH}\s+{_DAY},?{_CLOCK}|{_AGO}"
_COMMENT_STARTS = r"(?=\s+(?:\p{Lu}|\d|@|[\"“‘']))"  # the comment's text, not the rest of a sentence
INLINE_HEADER = lazy(
    rf"(?i:\s+says\s*:\s+(?:on\s+)?(?P<when>{_STAMP}))(?![\p{{L}}\p{{N}}])"
    rf"|(?i:\s+says\s+(?:on\s+)?(?P<when>{_STAMP})){_COMMENT_STARTS}"
    # "said:" is how an article quotes someone; "said..." is Blogger's header
    rf"|(?i:\s+(?:(?:wrote|writes)\s*(?::|\.{{3}}|…)|said\s*(?:\.{{3}}|…))(?:\s+(?:on\s+)?(?P<when>{_CALENDAR}))?)"
    r"(?![\p{L}\p{N}])"
    rf"|(?<=[\p{{L}}\p{{N}}_)])\s+(?P<when>(?:\d+|an?|one)\s+(?i:seconds?|minutes?|hours?|days?|weeks?|months?"
    rf"|years?)\s+ago){_COMMENT_STARTS}")
# A name, then a date with the time of day and no verb ("Shelley Owen September 14th, 2012 at
# 11:19 am Awesome!", "Anna — July 18th, 2012, 4:09 pm", "Janet Posted 10/18/2012 at 2:57 pm"):
# how many comment systems stamp a comment. An article's own dates seldom
# carry the minute, but bylines do, so a caller counts these only under a discussion heading.
STAMP_HEADER = lazy(
    rf"(?<=[\p{{L}}\p{{N}}_)])\s+(?:[—–|-]\s+)?(?i:posted\s+)?(?i:on\s+)?"
    rf"(?P<when>(?i:{_CALENDAR}{_CLOCK}{{1,2}}|{_WEEKDAY}?{_MONTH}\s+{_DAY},?{_CLOCK}))"
    rf"(?i:\s*\|\s*(?:permalink|reply|link))?{_COMMENT_STARTS}"
    # glued to the name ("… thought-provoking. AmySeptember 11, 2008 at 2:06 PM Very useful …")
    rf"|(?<=\p{{Ll}})(?P<when>{_FULL_MONTH}\s+{_DAY},?\s+{_YEAR}(?i:{_CLOCK}){{1,2}}){_COMMENT_STARTS}")
# A comment's timestamp wherever it stands (before the name, after it, in a footer below the
# text): a date with the time of day ("November 5, 2012 · 8:23 PM", "10/28/12 6:13 PM"), or a
# date and a permalink ("September 29, 2012, | Permalink"). See :mod:`cleaner.stages.flat_stamps`.
COMMENT_STAMP = lazy(
    rf"(?i)(?<![\p{{N}}])(?P<when>(?:{_CALENDAR}|{_WEEKDAY}?{_MONTH}\s+{_DAY},?)"
    rf"(?:\s*(?:,|at|@|-|–|—|\||/|·|•)?\s*@?\s*{_TIME}){{1,2}})(?![\p{{L}}\p{{N}}])"
    rf"|(?<![\p{{N}}])(?P<when>{_CALENDAR}),?\s*\|\s*permalink(?![\p{{L}}\p{{N}}])")
_PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al".split())  # "Maria de Souza"
_USER_ID = lazy(r"\s*\(\s*\d+\s*\)\s*$")
_NAME_STOP = lazy(r"[.!?:;)\]»”\"]$")

EDITED = lazy(rf"(?i)^(?:last\s+)?edited\s+(?P<when>{_DATE}|.{{1,40}}?)(?:\s+by\s+(?P<who>{_NAME}))?\s*\.?$")
REPLY = lazy(rf"^(?:@|(?i:reply\s+to|in\s+reply\s+to|replying\s+to|reply\s+to\s+comment\s+by)\s+@?)"
                      rf"(?P<name>{_NAME})[.:,]?\s*$")
INLINE_REPLY = lazy(r"^@(?P<name>[\p{L}\p{N}_.-]{1,30})[,:]?\s")
# "NAME says:", "tRiSh said...", "by garaged (579941) writes:" — a verb of saying ends the name
# Tumblr's notes: "skalja reblogged this from anklewings and added:"
VERB = lazy(r"(?i)(?<=[\p{L}\p{N})\]]\s*)\s(?:says|said|wrote|writes|commented|replied"
                     r"|reblogged\s+this\s+from\s+[\p{L}\p{N}_.-]{1,50}\s+and\s+added)\b\s*(?:\.{2,}|…|:)?"
                     # "Kyle responded to Phil White on DATE"; "bbmgwrote on DATE" when the
                     # converter glued the linked name to the verb
                     r"|(?<=[\p{L}\p{N}]|\s)(?-i:wrote|responded\s+to\s+[\p{L}\p{N}_.' -]{1,40}?)(?=\s+on\b)")

CHROME = lazy(
    r"(?i)^(?:(?:reply|replydelete|delete|like|unlike|report|report\s+(?:abuse|comment|this(?:\s+comment)?)|flag"
    r"(?:\s+as\s+inappropriate)?|quote|share|permalink|link|link\s+to\s+(?:this|comment)|edit|upvote|downvote"
    r"|vote\s+(?:up|down)|thumb\s+(?:up|down)|recommend|reply\s+to\s+this(?:\s+parent)?|hide\s+replies"
    r"|(?:show|view|load|see|read)\s+(?:all\s+|more\s+|older\s+|newer\s+|previous\s+|\d+\s+)*(?:replies|comments?)"
    r"|load\s+more|show\s+more|see\s+more|(?:previous|older|newer|next)\s+comments"
    r"|(?:log|sign)\s*in\s+to\s+(?:reply|comment|vote)|mark\s+as\s+spam|collapse|expand|cancel(?:\s+reply)?"
    r"|(?:please\s+)?rate\s+this(?:\s+comment)?"
    r"|[+\-−]?\d{1,6}\s*(?:points?|votes?|likes?|replies|reply|upvotes?|downvotes?|dislikes?|reactions?)?"
    r"|(?:votes?|likes?|score|rating)\s*:\s*[+\-−]?\d+|actions|user-pic|avatar|#|\||·|•|\(\s*\d+\s*\))"
    r"\s*[|•·↓↑+\-#:]*\s*)+$")
# What a comment widget (its likes, its replies, the whole section) shows until its script fills
# it: never a reader's words. Read only inside a discussion once it is found: as a marker it
# would be evidence of a discussion where there is only a widget.
PLACEHOLDER = lazy(r"(?i)^\W*loading\s*(?:…|\.{2,})?\W*$")
# avatar alt text: "Avatar of Mike R", "Mike R's avatar", "Comment author avatarcoyote canada"
AVATAR = lazy(r"(?i)^(?:comment\s+author\s+)?(?:avatar|gravatar|user\s*(?:pic|photo|image)|profile\s+"
                       r"(?:picture|image|photo))(?:\s*(?:of|for|image|photo)\b)?\s*[:\-]?\s*(?P<name>.{0,40})$"
                       r"|^(?P<owner>[^'’]{1,40})['’]s?\s+(?:avatar|picture|photo|profile\s+(?:picture|image|photo))$")
HEADING = lazy(
    # a count may carry one adjective: "4 appreciated comments on …" (not "3 more comments")
    r"(?i)^(?:\{\s*)?(?:(?:\d+|one)\s+(?:(?!more\b|other\b|new\b|hidden\b|older\b|newer\b)[\p{L}-]{3,15}\s+)?"
    r"(?=comments?\b|responses?\b)|(?:\d+|one|no)?\s*)"
    r"(?:reader\s+)?(?:comments?|responses?|replies|thoughts?|reactions?|trackbacks?"
    r"|discussion)(?:\s*\(\d+\))?(?:\s*(?:on|to|for)\s+.{1,160})?(?:\s*…?\s*read\s+them\s+below.{0,30})?\s*[:}.]?\s*"
    r"(?:\(\d+\))?(?:\s*(?:(?:add|post|leave)\s+(?:a|your)?\s*(?:comment|reply)|leave\s+(?:new|one|yours)|add\s+yours))?"
    r"(?:,\s*(?:comment|reply)(?:\s+or\s+(?:ping|trackback))?)?$")
NO_COMMENTS = lazy(r"(?i)^\W*(?:0|no|zero)\s")
FORM = lazy(
    r"(?i)^(?:leave\s+a\s+(?:reply|comment|response)|post\s+(?:a|your)\s+(?:new\s+)?comment|post\s+new\s+comment\s*$|add\s+(?:a\s+|your\s+)?comment"
    r"|write\s+(?:a\s+)?comment|join\s+the\s+discussion|comments?\s+(?:are|is)\s+closed|the\s+comments\s+to\s+this\s+entry"
    r"\s+are\s+closed|your\s+email(?:\s+address)?\s+(?:will|is)\s+(?:not|never)\s+(?:be\s+)?published|required\s+fields"
    r"|you\s+must\s+be\s+logged\s+in|(?:log|sign)\s*in\s+(?:or|to)\s+.{0,30}comment|notify\s+me\s+of|subscribe\s+to"
    r"\s+(?:comments|followup|post\s+comments)|click\s+here\s+to\s+cancel\s+reply|cancel\s+reply"
    r"|be\s+the\s+first\s+to\s+comment|something\s+to\s+say|what\s+do\s+you\s+think|have\s+your\s+say|speak\s+your\s+mind"
    r"|(?:blog\s+)?comments\s+powered\s+by|you\s+can\s+follow\s+this\s+conversation|feed\s+for\s+this\s+entry"
    r"|this\s+(?:post|entry|article)['’]s\s+comments?\s+feed|after\s+you\s+comment,\s+click\s+post"
    r"|all\s+comments\s+(?:will\s+be|are)\s+(?:published|moderated|reviewed))")

# Every marker has a digit, an "@" or one of these words; the gate spares the patterns
# the many short lines of a page (menus, titles) that have none.
_CUE_WORDS = (
    r"repl|like|unlike|report|flag|quote|share|permalink|link|edit|delete|vote|thumb|recommend"
    r"|hide|show|view|load|see|read|previous|older|newer|next|log|sign|spam|collapse|expand|cancel|points?\b"
    r"|score|rating|actions|user|avatar|gravatar|profile|picture|comment|response|thought|reaction|trackback|discussion"
    r"|leave|post|add|write|join|required|email|notify|subscribe|click|think|say|mind|said|wrote|writes"
    r"|ago|yesterday|today|now|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|last|edited|zero|reader")
_CUE = lazy(rf"[\d@]|^\W+$|\b(?:{_CUE_WORDS})")
# The cue as it can show in the line before ``display`` (lower case and all): every line
# whose display text has the cue has this, so a line without it is no marker, and the
# line need not be displayed to know. ``display`` only deletes: "*" and "_" (emphasis),
# the syntax of links, and a bullet or brackets at the ends of the line (which leave a
# word's neighbour outside the word); so a cue word shows in the line with a character
# other than a letter, a digit or "_" before it (or at its start), in any case. Of the
# characters outside ASCII only "İ" and "K" (the kelvin sign) have a lower case in ASCII.
_MAY_CUE = engine(r"[\d@*_İK]|\]\(|<http|^[^A-Za-z]*$"
                  r"|(?:^|[^A-Za-z0-9_])(?i:" + _CUE_WORDS.replace(r"points?\b", "points?") + ")")
_DIGIT = lazy(r"\d")
# the yes-or-no tests every short line meets, run by the engine (the patterns above stay
# for callers that want the match)
_IS_CUE = engine(_CUE.args[0], _CUE.args[0].replace(r"|\b(?:", r"|(?:^|\W)(?:").replace(r"points?\b", r"points?(?:\W|$)"))
_IS_CHROME = engine(CHROME.args[0])
_IS_HEADING = engine(HEADING.args[0])
_IS_NONE = engine(NO_COMMENTS.args[0])
_IS_FORM = engine(FORM.args[0])
# gates: a line that cannot match is not handed to the regex module at all
_MAY_AVATAR = engine(AVATAR.args[0])
_MAY_EDITED = engine(EDITED.args[0])
_MAY_REPLY = engine(REPLY.args[0])
_MAY_DATE = engine(DATE.args[0])
_MAY_CLOCK_TAIL = engine(CLOCK_TAIL.args[0])
_MAY_VERB = engine(VERB.args[0])
# a header's date, time of day or verb of saying (``DATE``, ``CLOCK_TAIL``, ``TIME_ONLY``,
# ``VERB``), looked for before the line is rewritten: the rewrites (a space before a glued
# date, buttons cut off the end) make no new one that the gate, without lookaround, misses
_MAY_HEADER = engine(rf"(?i:{_DATE})|\d{{1,2}}:\d{{2}}"
                     r"|(?i:says|said|wrote|writes|commented|replied|reblogged|responded)")
# GLUED_DATE is all lookaround: its gate is what the lookarounds look at
_MAY_GLUED = engine(rf"\p{{Ll}}{_FULL_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}")
# the tests ``_parse`` makes before ``header`` (chrome, avatar, edit and reply notes, heading,
# form), all anchored at the start, as one gate; their groups unnamed ("name" is in two)
_MAY_OPEN = engine("|".join(re.sub(r"\(\?P<\w+>", "(?:", f"(?:{p.args[0]})")
                            for p in (CHROME, AVATAR, EDITED, REPLY, HEADING, FORM)))
_NOISE = lazy(r"\(\d+\)|\(?#\d+\)?|<[^<>]{1,60}>|(?:https?://|www\.)\S+|(?<=\s)(?i:(?:twitter|instagram|threads)\s*:\s*)?@[\p{L}\p{N}_.]{2,30}\s*$")
_MAY_NOISE = engine(_NOISE.args[0])
_MAY_RANGE = engine(RANGE_START.args[0])
_MAY_PUBLISHED = engine(PUBLISHED_STAMP.args[0])
_TOKENS = lazy(r"\s+|(?<=\S)(?=[|,:])|(?<=[|,:])(?=\S)")
_SPACE_PUNCT = lazy(r"\s+([,:])")
_INITIAL = lazy(r"\s\p{Lu}\.$")
_NUMBERED = lazy(r"\s*(?:\d{1,3}|[ivx]{1,4})[.)]\s")
_TRAILING_WORDS = ("reply", "permalink", "link", "abuse", "report", "quote", "like", "actions", "journal", "to comment")
_HEADER_WORDS = ("say", "said", "wrote", "writes", "comment", "replied", "added", "ago", "yesterday", "today", "now")
_MD_IMAGE = lazy(r"!\[([^\[\]\n]{0,300})\]\([^()\s]{0,1000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_LINK = lazy(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,1000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_ANGLE = lazy(r"<(https?://[^<>\s]{1,1000})>")
# A markdown converter's escape of punctuation it would otherwise read as markup ("1\. Ann",
# "Ann \- May 4"): a reader sees the character alone.
_MD_ESCAPED = lazy(r"\\([-\\`*_{}\[\]()#+.!>|])")
_BULLET = lazy(r"^(?:[*+•·▪►◦‣▸>-]\s*|#{1,6}\s+)*(?:\d{1,4}[.)]\s+(?:\d{1,4}\s+(?!\p{L}{3,9}\.?,?\s+\d))?|\(\d{1,4}\)\s+)?")
_BULLET_STARTS = frozenset("*+•·▪►◦‣▸>-#(")  # with a digit, what _BULLET's match can start with
_EMPHASIS = lazy(r"(?<![\p{L}\p{N}])[*_]{1,3}|[*_]{1,3}(?![\p{L}\p{N}])")
_TRAILING = lazy(r"(?i)(?:\s*[|•·#]?\s*(?:reply(?:\s+#|\s+to\s+(?:this\s+)?comment)?|permalink"
                          r"|link(?:\s+to\s+(?:this\s+)?comment)?|report(?:\s+abuse)?|quote|like"
                          r"|reply\s+actions|actions|#\s*\d*|[(\[]#\d*[)\]]|journal))+\s*[|•·]?\s*$")
_MAY_TRAILING = engine(_TRAILING.args[0])
_GLUE = frozenset(["", *"by on at posted written said says wrote writes commented comment submitted from in | - – — : , · • "
                  "@ # / // reply comments permalink link updated published edited".split()])
_NAME_TOKEN = lazy(r"^(?:\p{Lu}[\p{L}'’.-]*|[\p{L}\p{N}_.@&-]*[\p{N}_@][\p{L}\p{N}_.@&-]*)$")
_WORDISH = lazy(r"^[\p{L}\p{N}_.@&'’(){}\[\]-]+$")
_FILE = lazy(r"(?i)\.(?:jpe?g|png|gif|webp|bmp|svg|pdf|html?|php|aspx?)$|^(?:img|dsc|cimg|dcp|p\d)\w*\d")
_NOT_NAME = frozenset("""tweet share like print email comments comment tags tagged category categories filed posted views read more share print
email update updated published trackback note trackbacks responses response replies
last checked modified reviewed verified created released min mins minute minutes follow""".split())
_STOPWORDS = frozenset("""a an the and or but if so of to in on at by for with from as is are was were be been
i you he she it we they me my your our their this that these those not no yes well very too just
thanks thank agreed exactly indeed lol wow great good bad true false right wrong here there what why how
who when where all some more most any can will would should could do does did has have had""".split())


@dataclass(frozen=True)
class Marker:
    kind: str  # says | date | reply | edited | chrome | heading | form | none | author
    name: str | None = None
    when: str | None = None


@lru_cache(maxsize=4096)  # a line is read for a marker, then as a name, a phrase, a widget's title
def display(line: str) -> str:
    """The words a reader sees on a short line: markdown, bullets and trailing buttons removed."""
    text = line.strip()
    if "](" in text:
        text = _MD_IMAGE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1", text)
    if "<http" in text:
        text = _MD_ANGLE.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPED.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    if text[:1] in _BULLET_STARTS or text[:1].isdigit():
        text = _BULLET.sub("", text)
    if text[:1] == "[" and text[-1:] == "]" and "[" not in text[1:-1]:
        text = text[1:-1]  # "[Reply]"
    return " ".join(text.split())


_DISPLAYER = None


def _displayer():
    global _DISPLAYER
    from ._core import Displayer

    _DISPLAYER = Displayer(_BULLET.args[0] if hasattr(_BULLET, "args") else _BULLET.pattern)
    return _DISPLAYER


def display_all(lines: list[str]) -> list[str]:
    """``[display(line) for line in lines]``, read by the engine in one call (the same
    bullet pattern); a line it leaves to Python (one with markdown links or emphasis, or
    that starts with a character outside ASCII: Python's own table says whether it is a
    digit) is read by :func:`display`."""
    try:
        shown = (_DISPLAYER or _displayer()).all(lines)
    except UnicodeEncodeError:  # a lone surrogate: each line as ``display`` reads it
        return [display(line) for line in lines]
    return [display(line) if text is None else text for line, text in zip(lines, shown)]


def parse_all(lines: list[str], local: "LocalMarkers | None" = None) -> dict[int, Marker]:
    """``parse`` of every line (the lines of a page): the markers found, by position. The
    tests every line meets (the cue, before and after ``display``; whether one of the tests
    before ``header`` can pass; the header's gate) are made for all lines in one call each."""
    if local is not None:
        return {k: m for k, line in enumerate(lines) if (m := parse(line, local)) is not None}
    keys = [k for k in sorted(_MAY_CUE.passing(lines)) if not _too_long(lines[k])]
    shown = display_all([lines[k] for k in keys])
    keep = [i for i, text in enumerate(shown) if text and len(text) <= MAX_LINE]
    keep = [keep[i] for i in sorted(_IS_CUE.passing([shown[i].lower() for i in keep]))]
    texts = [shown[i] for i in keep]
    opening, dated = _MAY_OPEN.may_passing(texts), _MAY_HEADER.may_passing(texts)
    found = {}
    headers: dict[str, Marker | None] = {}  # a page repeats its stamps and dated lines: each read once
    for i, text in enumerate(texts):
        k = keys[keep[i]]
        if i in opening:
            marker = _parse(lines[k])
        elif i in dated:
            marker = headers[text] if text in headers else headers.setdefault(text, header(text))
        else:
            marker = None
        if marker is not None:
            found[k] = marker
    return found


LED_CHARS = 600   # a header that leads a line stands within its first this many characters (markdown's)
LED_HEADER = 200  # ... and within this many of the line as displayed
# what every dated header of INLINE_HEADER and STAMP_HEADER has: its verb or the time of day
_MAY_LEAD = engine(r"(?i:says|(?:wrote|writes)\s*(?::|\.{3}|…)|said\s*(?:\.{3}|…))|\d{1,2}:\d{2}")


def led_headers(lines: list[str]) -> dict[int, tuple[Marker, str]]:
    """The comment headers that lead a line with the comment's text after them, by position
    (:func:`led_header`); the lines without the words and times such a header has are
    told apart in one call."""
    heads = [line[:LED_CHARS] for line in lines]
    return {k: found for k in sorted(_MAY_LEAD.passing(heads)) if (found := led_header(heads[k]))}


def led_header(head: str) -> tuple[Marker, str] | None:
    """A comment header at the start of a line that goes on with the comment's text, and
    the displayed text after it ("* Ted W [ October 14th, 2012 at 4:51 pm ](…) Woe is me! …",
    "1. [Ann](…) says: [April 9, 2012 at 5:18 pm](…) If you are…"): a markdown converter
    prints each item of a comment list on one line. The header is dated and its name starts
    the line; what follows reads as the start of a comment (``_COMMENT_STARTS``)."""
    text = display(head)
    for pattern in (INLINE_HEADER, STAMP_HEADER):
        m = pattern.search(text, 0, LED_HEADER, timeout=0.2)
        if m is None or not m["when"]:
            continue
        named = name_before(text, m.start())
        body = text[m.end():].strip()
        if named is not None and named[0] == 0 and len(body.split()) >= 2:
            return Marker("says", named[1], m["when"].strip()), body
    return None


def parse(line: str, local: "LocalMarkers | None" = None) -> Marker | None:
    """What a short line says about a comment, or None if it is not a marker. ``local``:
    the page language's marker words (:func:`local_markers`), tried when the English
    reading finds nothing."""
    marker = _parse(line)
    if marker is None and local is not None and len(line) <= 4 * MAX_LINE:
        text = display(line)
        if text and len(text) <= MAX_LINE:
            return local.parse(text)
    return marker


def _too_long(line: str) -> bool:
    """A paragraph, not a marker (markdown links may make a marker line long)."""
    return len(line) > MAX_LINE and (len(line) > 4 * MAX_LINE or "](" not in line)


def _parse(line: str) -> Marker | None:
    if _too_long(line):
        return None
    if not _MAY_CUE.search(line):
        return None  # no cue (below) in the line, so none in its display text: most lines
    text = display(line)
    if not text or len(text) > MAX_LINE:
        return None
    lower = text.lower()
    if not _IS_CUE.search(lower):
        return None  # no digit, "@" or comment word: a menu item or a title, not a marker
    if _IS_CHROME.match(text):
        return Marker("chrome")
    if _MAY_AVATAR.may_match(text) and (m := AVATAR.match(text, timeout=0.2)):
        name = _clean(m["name"] or m["owner"])
        return Marker("author", name) if name and _name_like(name) else Marker("chrome")
    if len(text) <= 90:
        if _MAY_EDITED.may_match(text) and (m := EDITED.match(text, timeout=0.2)):
            return Marker("edited", _clean(m["who"]), m["when"].strip())
        if _MAY_REPLY.may_match(text) and (m := REPLY.match(text, timeout=0.2)) and (text.startswith("@") or _name_like(m["name"])):
            return Marker("reply", _clean(m["name"]))
    if _IS_HEADING.match(text):
        return Marker("none" if _IS_NONE.match(text) else "heading")
    if _IS_FORM.match(text):
        return Marker("form")
    return header(text)


@dataclass(frozen=True)
class LocalMarkers:
    """One language's comment markers: a discussion's heading and its "none" count, its
    buttons, its form, and relative dates ("vor 2 Stunden") alone or after a name."""

    heading: Engine
    none: Engine
    chrome: Engine
    form: Engine | None
    ago: regex.Pattern | None
    ago_gate: Engine | None  # the same pattern's gate on the engine

    def parse(self, text: str) -> Marker | None:
        if self.chrome.match(text):
            return Marker("chrome")
        if self.heading.match(text):
            if self.none.match(text):
                return Marker("none")
            # "10 Kommentare" is as often the count link in an article's byline as a
            # discussion's heading: it is chrome, not evidence that a discussion starts
            return Marker("chrome" if text[:1].isdigit() else "heading")
        if self.form is not None and self.form.match(text):
            return Marker("form")
        if self.ago is None or len(text) > 90 or not self.ago_gate.may_search(text) \
                or not (m := self.ago.search(text, timeout=0.2)):
            return None
        rest = _strip_glue(text[:m.start()] + " " + text[m.end():])
        if not rest:
            return Marker("date", when=m.group().strip())
        if m.group().strip()[:1].isdigit() or _DIGIT.search(m.group()):
            # "Anna vor 2 Stunden": a name and a stamp; a word date ("gestern") is too often a sentence's
            return Marker("says", _clean(rest), m.group().strip()) if looks_like_name(rest, True) else None
        return None


_NONE_WORDS = r"(?:0|keine?|aucune?|ning[úu]n|ninguna|nenhum|nenhuma|nessun|brak|geen|zero)"


@lru_cache(maxsize=16)
def local_markers(language: str | None) -> LocalMarkers | None:
    """The comment markers of a page ``language``; None for English, an unknown language
    or one ``chrome_words.toml`` has no comment words for."""
    if not language or language == "en":
        return None
    from .language.chrome import comment_words

    words = comment_words(language)
    if not words or "comment_count" not in words:
        return None
    count = words["comment_count"]
    heading = engine(
        rf"(?i)^(?:{_NONE_WORDS}|\d+)\s+{count}(?:\s+\S{{1,4}}\s+.{{1,160}})?\s*[:.]?$"
        rf"|^{count}(?:\s*\(\d+\))?\s*:?$")
    buttons = words.get("comment_buttons")
    chrome = engine(rf"(?i)^(?:(?:{buttons}|[+\-−]?\d{{1,6}})\s*[|•·↓↑+\-]*\s*)+$" if buttons
                    else r"(?!)")
    form = engine(rf"(?i)^(?:{words['comment_form']})") if words.get("comment_form") else None
    import regex
    ago = regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{words['ago']})(?:\s*(?:,|um|à|a\s+las|às|alle|o|om)?\s*{_TIME})?"
                        r"(?![\p{L}\p{N}])") if words.get("ago") else None
    return LocalMarkers(heading, engine(rf"(?i)^\W*{_NONE_WORDS}\b"), chrome, form, ago,
                        engine(ago.pattern) if ago is not None else None)


def header(text: str) -> Marker | None:
    """A comment header: a date, a verb of saying, or both, with at most a name besides."""
    if not _MAY_HEADER.may_search(text):
        return None  # most lines with a digit: no date, time or verb of saying
    lower = text.lower()
    if not _DIGIT.search(text) and not any(w in lower for w in _HEADER_WORDS):
        return None
    if _MAY_GLUED.search(text):
        text = GLUED_DATE.sub(" ", text, timeout=0.2)
    tail = lower.rstrip(" .|#0123456789()")
    if (tail.endswith(_TRAILING_WORDS) or text.rstrip()[-1:] in "#)]") and _MAY_TRAILING.may_search(text):
        text = _TRAILING.sub("", text, timeout=0.2)
    stripped = text.strip(" .|")
    if not stripped:
        return None
    if TIME_ONLY.match(stripped):
        return Marker("date", when=stripped)
    # the (start, end) of each date: ``DATE`` (``_MAY_DATE`` is the same pattern) found by the engine
    dates = (_MAY_DATE.may_search(stripped) and _MAY_DATE.spans(stripped)) \
        or (_MAY_CLOCK_TAIL.may_search(stripped) and [m.span() for m in CLOCK_TAIL.finditer(stripped, timeout=0.2)]) \
        or []
    rest = stripped
    for start, end in reversed(dates):
        rest = rest[:start] + " | " + rest[end:]
    verb = VERB.search(rest, timeout=0.2) if _MAY_VERB.may_search(rest) else None
    if not dates and not verb:
        return None
    first, after = dates[0] if dates else (0, 0)
    before = stripped[:first]
    if dates and _MAY_RANGE.may_search(before) and RANGE_START.search(before, timeout=0.2):
        return None
    if dates and not verb and _MAY_PUBLISHED.may_search(before) and PUBLISHED_STAMP.search(before, timeout=0.2):
        return None
    when = stripped[first:after].strip() if dates else None
    word_date = when is not None and when.isalpha() and not verb  # "today", "yesterday", no verb
    if len(dates) == 1 and word_date and all(_leftover(part) for part in (before, stripped[after:])):
        return None  # "Someone forgot today is the 26th.": a word like "today" inside a sentence
    if verb:
        if _leftover(rest[verb.end():]):
            return None  # "I said that on January 5 we would vote." is a sentence
        rest = rest[:verb.start()]
    name = _strip_glue(rest)
    if not name:
        return Marker("says", None, when) if verb else Marker("date", when=when)
    if word_date and _has_stopword(name):
        return None  # "Get a free quote today.": a phrase, not "Sarah today"
    return Marker("says", _clean(name), when) if _name_like(name) else None


def _has_stopword(name: str) -> bool:
    return any(t.lower() in _STOPWORDS and t.lower() not in _PARTICLES for t in name.split())


def _strip_glue(text: str) -> str:
    if _MAY_NOISE.may_search(text):
        text = _NOISE.sub(" ", text)
    tokens = [t for t in _TOKENS.split(text) if t]
    while tokens and (tokens[0].lower().strip(".:") in _GLUE or tokens[0].isdigit()):
        tokens.pop(0)
    while tokens and tokens[-1].lower().strip(".:") in _GLUE:
        tokens.pop()
    out = " ".join(tokens)
    if "," in out or ":" in out:
        out = _SPACE_PUNCT.sub(r"\1", out)
    return out.strip(" |,:-–—·•/")


def _leftover(tail: str) -> bool:
    """True when words other than glue follow a "says" header: then the line is a sentence."""
    return bool(_strip_glue(tail).strip(" .…:"))


_YEAR_TOKEN = re.compile(rf"{_YEAR}[,.]?")  # a word that is a year


def _name_like(name: str) -> bool:
    """A display name next to a date or a verb of saying: a few words, not a sentence."""
    name = name.strip(" |,:-–—·•")
    if not name or len(name) > 50 or name[-1] in "!?;\"”" or any(c in name for c in "!?;\"“”"):
        return False
    if name.count("|") > 1:
        return False
    tokens = name.replace("|", " ").split()
    if not 1 <= len(tokens) <= 7 or tokens[0].lower() in _STOPWORDS:
        return False
    if any(_chrome_word(t) or t[0].isdigit() and ":" in t for t in tokens):
        return False
    if any(_YEAR_TOKEN.fullmatch(t) for t in tokens):
        return False  # "02 de febrero de 2022 12:02 PM": a date the English reading did not take whole
    if sum(t.lower() in _STOPWORDS for t in tokens) * 2 > len(tokens):
        return False
    return all(_WORDISH.match(t) for t in tokens)


# a name is 32 characters at most once displayed, and ``display`` deletes no letter but
# those of a link's address: a line with more letters and no link is not a name
_MAY_NAME = engine(r"\]\(|^\P{L}*(?:\p{L}\P{L}*){0,32}$")


def may_be_names(lines: list[str]) -> set[int]:
    """The positions of the lines that ``looks_like_name`` may accept (it turns the others
    away): the lines of a page in one call."""
    return _MAY_NAME.passing(lines)


def looks_like_name(line: str, repeated: bool = False) -> bool:
    """A display name: one to four name-like tokens and no sentence punctuation.

    One capitalised word ("Agreed") is too often a short comment, so a single
    token counts only when it looks like a handle (digits, underscores) or the
    page repeats it as a line of its own.
    """
    if _NUMBERED.match(line):
        return False  # "4. Quit Tobacco Use": an item of a numbered list, a subheading
    text = display(line)
    if _INITIAL.search(text):  # "Lena M." ends in an initial, not a full stop
        text = text[:-1]
    if not text or len(text) > 32 or text[-1] in ".!?,;:\"”)" or any(c in text for c in "!?;\"“”()"):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or any(t.lower() in _STOPWORDS for t in tokens) or _FILE.search(text):
        return False
    if not all(_NAME_TOKEN.match(t) and (t[0].isupper() or not t.isalpha()) for t in tokens):
        return repeated and len(tokens) <= 2
    if len(tokens) >= 2:  # "Lena M.", "Chris Gosling"; not "Photo 08 Big" (a caption or a file)
        return all(t.replace("-", "").replace("'", "").replace("’", "").replace(".", "").isalpha() for t in tokens)
    return repeated or any(c.isdigit() or c == "_" for c in text)


def name_before(text: str, pos: int, floor: int = 0, max_words: int = 4) -> tuple[int, str] | None:
    """The display name that ends at ``pos`` in running text and where it starts, or None.

    Up to ``max_words`` name-like words back from ``pos`` (not before ``floor``), stopping
    at the end of the sentence before and at words of comment chrome ("Reply", "Like")."""
    if m := _USER_ID.search(text, max(floor, pos - 30), pos):
        pos = m.start()  # Slashdot: "by NAME ( 596061 ) writes:"
    offset = max(floor, pos - 200)
    import regex
    words = list(regex.finditer(r"\S+", text[offset:pos]))
    taken: list[regex.Match] = []
    for m in reversed(words):
        token = m.group()
        if len(taken) >= max_words or _NAME_STOP.search(token) or token.lower() in _STOPWORDS \
                or _chrome_word(token) or token.lower() in ("reply", "says") or not _WORDISH.match(token):
            break
        if taken and (token.isdigit() or token.islower() and token not in _PARTICLES
                      and taken[-1].group()[:1].isupper()):
            break  # "3 Jeff says:", "… to learn Christian Roth May 1": the number or the sentence before
        taken.append(m)
    if not taken:
        return None
    name = " ".join(m.group() for m in reversed(taken))
    start = offset + taken[-1].start()
    return (start, name) if _name_like(name) else None


def names_page_chrome(text: str) -> bool:
    """A short line with a word of page chrome in it ("Tweet", "Follow", "Tags"): a widget's
    title, not a person's name."""
    return any(map(_chrome_word, display(text).split()))


def _chrome_word(token: str) -> bool:
    """A word of page chrome ("Tweet", "Tags:", "(Follow)") that no name is made of."""
    return token.lower().strip(":()") in _NOT_NAME


def inline_reply(text: str) -> str | None:
    m = INLINE_REPLY.match(text)
    return m["name"].rstrip(".") if m else None


def _clean(name: str | None) -> str | None:
    return name.strip().rstrip(".:,|").strip() or None if name else None


settle(globals())
