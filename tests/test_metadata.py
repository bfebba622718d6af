"""Title, authors and date: each reader with examples and counterexamples, and the stage on pages."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.evaluate.metadata import authors_right, date_right, gold_names, title_right
from cleaner.metadata.authors import bare_name, byline_authors, byline_label, names_line, pictured_name
from cleaner.metadata.dates import find_date, find_date_spans, read_date
from cleaner.metadata.title import (Candidate, _headline_over_deck, _headline_shape, _without_date, display_title,
                                    strip_site)


# ---- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, iso", [
    ("March 3, 2021", None, "2021-03-03"),
    ("3rd of March, 2021", None, "2021-03-03"),
    ("Published Jun 4, 2025", None, "2025-06-04"),
    ("12. März 2023", None, "2023-03-12"),
    ("Veröffentlicht am 12. Mär. 2023 um 10:00", "de", "2023-03-12"),
    ("3 mars 2023", None, "2023-03-03"),
    ("Le 1er mars 2023", "fr", "2023-03-01"),
    ("Le 5 févr. 2023", "fr", "2023-02-05"),
    ("3 de marzo de 2023", None, "2023-03-03"),
    ("3 de março de 2023", None, "2023-03-03"),
    ("5 febbraio 2023", None, "2023-02-05"),
    ("12 marca 2023 r.", None, "2023-03-12"),
    ("3 maart 2023", None, "2023-03-03"),
    ("2023年3月4日", None, "2023-03-04"),
    ("2023년 3월 4일", None, "2023-03-04"),
    ("2023-03-04T10:00:00Z", None, "2023-03-04"),
    ("12.03.2023", None, "2023-03-12"),
    ("13/04/2023", None, "2023-04-13"),      # a part over 12: the order is certain
    ("03/04/2023", "de", "2023-04-03"),      # a day-first language
    ("09.10.2024", "de", "2024-10-09"),
    ("05.05.2024", "en", "2024-05-05"), ("05/05/2024", "en", "2024-05-05"),   # either order, one date
    ("3 set 2023", "it", "2023-09-03"),      # a short form only its own language reads
])
def test_the_fast_reader_reads_common_forms(text, lang, iso):
    assert find_date(text, lang) == iso


@pytest.mark.parametrize("text, lang", [
    ("03/04/2023", None),          # day or month first: not guessed on a page that may write either
    ("03/04/2023", "en"),
    ("09.10.2024", "en"),          # dots on an English page: written month first as well ("06.18.2025")
    ("May 2023", None),            # no day
    ("in 2023 there were 12", None),
    ("3 set 2023", None),          # "set" is an English word: not a month outside pt/it
    ("February 30, 2023", None),   # no such day
    ("March 3, 1066", None),       # outside the years a web page is dated in
])
def test_the_fast_reader_does_not_guess(text, lang):
    assert find_date(text, lang) is None


def test_every_date_of_a_line_with_its_place():
    spans = find_date_spans("Published March 3, 2021 | Updated 4 April 2022")
    assert [iso for _, _, iso in spans] == ["2021-03-03", "2022-04-04"]
    assert spans[0][0] == len("Published ")


@pytest.mark.parametrize("lang", [None, "en", "de", "fr", "es", "pt", "it", "pl", "nl"])
def test_the_engine_gates_turn_away_no_date(lang):
    """Each date pattern's engine gate lets through every text the pattern finds a date in."""
    from cleaner.metadata.dates import _gates, _lookup, _patterns

    texts = ["2023-03-04", "2023/3/4", "2025•01•08", "12.03.2023", "06.18.2025", "2023年3月4日", "2023년 3월 4일",
             "October 17, 20236:01 PM", "January 14, 202620 Mins Read", "04-ago-2021", "12.set.2020"]
    for name in _lookup(lang):
        for month in (name, name.upper(), name.capitalize()):
            texts += [f"{month} 3, 2021", f"{month}. 3rd,2021", f"3 {month} 2021", f"12. {month}. 2023",
                      f"3 de {month} de 2023", f"19-{month}-2025", f"2023 {month.capitalize()} 7",
                      f"calendar{month.capitalize()} 16, 2024"]
    found = 0
    for pattern, gate in zip(_patterns(lang), _gates(lang)):
        assert gate is not None, pattern.pattern   # the engine reads every pattern
        for text in texts:
            if pattern.search(text):
                found += 1
                assert gate(text), (pattern.pattern[:40], text)
    assert found > 3 * len(_lookup(lang))   # each name read in several forms


def test_dateparser_reads_other_languages_in_the_page_language():
    assert read_date("12 мая 2023", "ru") == "2023-05-12"


@pytest.mark.parametrize("text, lang", [("2023", None), ("12", "de"), ("hello world", None),
                                         ("vor 2 Tagen", "de"), ("2 days ago", "en")])
def test_read_date_needs_every_part_and_a_reference_for_relative_dates(text, lang):
    assert read_date(text, lang) is None


def test_relative_dates_are_read_against_the_given_reference_only():
    reference = dt.date(2024, 1, 10)
    assert read_date("vor 2 Tagen", "de", reference) == "2024-01-08"
    assert read_date("2 days ago", "en", reference) == "2024-01-08"


# ---- bylines ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, names", [
    ("By Jane Doe", None, ["Jane Doe"]),
    ("By Ann Lee and Bo Chan", None, ["Ann Lee", "Bo Chan"]),
    ("Written by Jane Doe on March 3, 2024", None, ["Jane Doe"]),
    ("Posted by John Smith on March 3, 2024 at 8:15 am", None, ["John Smith"]),
    ("By Korin MillerPublished: Jan 29, 2025", None, ["Korin Miller"]),
    ("Jane Doe, Staff Writer", None, ["Jane Doe"]),
    ("Posted by David J. Phillips at 12:16 AM", None, ["David J. Phillips"]),
    ("By Jane Doe, Reuters", None, ["Jane Doe"]),
    ("Claire Wilson, Co-Founder", None, ["Claire Wilson"]),
    ("Claire Wilson, Paris", None, []),               # a name and a place: no label, no role
    ("By Claire Wilson, Co-Founder", None, ["Claire Wilson"]),
    ("Von Max Mustermann", "de", ["Max Mustermann"]),
    ("Par Jean Dupont, le 3 mars 2023", "fr", ["Jean Dupont"]),
    ("Por María García", "es", ["María García"]),
    ("Di Mario Rossi", "it", ["Mario Rossi"]),
    ("Autor: Jan Kowalski", "pl", ["Jan Kowalski"]),
    ("Door Jan de Vries", "nl", ["Jan de Vries"]),
    ("By Z.B. Steele", None, ["Z.B. Steele"]),                          # initials written together
    ("Posted byJane DoeMarch 3, 2024", None, ["Jane Doe"]),             # glued label and date
    ("By Jane DoeIn Travel, Travel Tips", None, ["Jane Doe"]),          # glued category
    ("By Jane Doe August 25, 2025", None, ["Jane Doe"]),                # a month that is also a name
    ("By Jane Doe Jan. 31, 2026 7:47 am EST", None, ["Jane Doe"]),
    ("By Jane Doe.", None, ["Jane Doe"]),
    ("By Jane Doe Jr.", None, ["Jane Doe Jr."]),
    ("by Jane Doe, Dietitian", None, ["Jane Doe"]),                     # a role after the name
    ("By The Harbour Team", None, ["The Harbour Team"]),                 # a desk signs the article
    ("• by Marketing Team", None, ["Marketing Team"]),
    ("written by Our Editors", None, ["Our Editors"]),
    ("By Harbour News Desk | March 3, 2024", None, ["Harbour News Desk"]),
    ("Interview by Jane Doe", None, ["Jane Doe"]),
])
def test_bylines(text, lang, names):
    assert byline_authors(text, lang) == names


@pytest.mark.parametrize("text, lang", [
    ("Von Max Mustermann", None),                       # "von" is a label only on a German page
    ("By the time the vote came, the council had left.", None),
    ("By Monday the council had voted", None),
    ("By Jane Doe we mean the average reader of this paper", None),  # the name goes on as a sentence
    ("By Industry", None),                              # a menu's filter, not a pen name
    ("By clicking Subscribe you agree", None),
    ("By Staff", None),                                 # a desk with no name
    ("Meet the Team", None),                            # no label: a menu item
    ("By the time the team left", None),
    ("Interview by phone with the mayor", None),
])
def test_not_bylines(text, lang):
    assert byline_authors(text, lang) == []


def test_a_label_alone_and_the_names_on_the_next_line():
    assert byline_label("Written by") and byline_label("• by") and byline_label("Autor:", "de")
    assert not byline_label("By the way")
    assert names_line("• Taya Iv") == ["Taya Iv"]
    assert names_line("Dylan Bailey, MS, RD, FAND") == ["Dylan Bailey"]
    assert names_line("Table of Contents") == []


def _label_texts(pattern: str) -> list[str]:
    """Every text the label alternatives ``pattern`` spell (a space for ``\\s``, an optional
    part both with and without, a repeat once or twice): what the gate must let through."""
    import re._parser as parser

    def spell(items) -> list[str]:
        texts = [""]
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                parts = [chr(arg)]
            elif name == "BRANCH":
                parts = [t for branch in arg[1] for t in spell(branch)]
            elif name == "SUBPATTERN":
                parts = spell(arg[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                low, high, sub = arg
                once = spell(sub)
                parts = [a * n for a in once for n in {low, min(low + 1, high), min(max(low, 2), high)}]
            elif name == "IN":
                parts = [" "]
            else:
                raise AssertionError(f"not spelt: {name}")
            texts = [t + p for t in texts for p in parts]
        return texts

    return spell(parser.parse(pattern))


@pytest.mark.parametrize("lang", [None, "en", "de", "fr", "es", "pt", "it", "pl", "nl", "ja"])
def test_label_gate_lets_every_label_through(lang):
    """A line the ASCII-opening gate turns away matches no byline label, in any case."""
    from cleaner.metadata.authors import _ALONE, _LABELS, _compiled, _may_open_with_label

    matched = 0
    for kind, table in (("byline", _LABELS), ("alone", _ALONE)):
        pattern = _compiled(kind, lang)
        alternatives = table[None] + (f"|{table[lang]}" if lang in table else "")
        for label in _label_texts(alternatives):
            for variant in {label, label.upper(), label.title(), label.capitalize()}:
                for text in (variant, variant + " Jane Doe", variant + ": Jane Doe"):
                    if pattern.match(text):
                        matched += 1
                        assert _may_open_with_label(text, lang), (kind, text)
    assert matched > 100
    assert not _may_open_with_label("Latest News", lang)


def test_author_photo_alt_text():
    assert pictured_name("Picture of Andrew King") == "Andrew King"
    assert pictured_name("Headshot of Lisa Pham, Associate Content Marketing Manager") == "Lisa Pham"
    assert pictured_name("Picture of the harbour") is None
    assert pictured_name("Jane Doe headshot") == "Jane Doe"
    assert pictured_name("Jane Doe Profile Image") == "Jane Doe"
    assert pictured_name("Sam Jones’s avatar") == "Sam Jones"
    assert pictured_name("Featured Image") is None and pictured_name("Product Photo") is None
    assert pictured_name("Harbour Cafe logo") is None          # a logo names a site, not an author


@pytest.mark.parametrize("text, name", [
    ("Jane Doe", "Jane Doe"),
    ("• JANE DOE", "JANE DOE"),
    ("Jane Doe Jane Doe", "Jane Doe"),          # an avatar's alt text and the name beside it
    ("Jane DoeJane Doe", "Jane Doe"),
    ("Christopher S. Penn", "Christopher S. Penn"),
])
def test_a_bare_name(text, name):
    assert bare_name(text, frozenset({"s", "marketing"})) == name


@pytest.mark.parametrize("text", [
    "Jane", "Table Of Contents", "Latest News", "Get Started", "UX Analytics", "Read More",
    "Jane Doe wrote this", "Commercial RobotsGlued Menu", "Facebook Twitter",
    "Marketing Strategy",            # the page writes "strategy" in its sentences: a category
])
def test_not_a_bare_name(text):
    assert bare_name(text, frozenset({"strategy", "the"})) is None


@pytest.mark.parametrize("line, names", [
    ("September 1st, 2023 By Jane Doe", ["Jane Doe"]),
    ("Published March 3, 2024 by Jane Doe", ["Jane Doe"]),
    ("0 · by Jane Doe · Updated on 8 January 2026", ["Jane Doe"]),
    ("Author Posted by Jane Doe on March 3, 2024", ["Jane Doe"]),
    ("Jane Doe By Jane Doe Last Updated: March 3, 2024", ["Jane Doe"]),
    ("4. Psychological Association. 2012. Stress by Generation URL: 2019-06-18", []),   # a reference
    ("The report was written in March 3, 2024 by Jane Doe and her team of five", []),
])
def test_a_byline_inside_a_dateline(line, names):
    from cleaner.metadata.dates import find_date_spans
    from cleaner.stages.metadata import _byline_after_date

    assert _byline_after_date(line, find_date_spans(line), None) == names


@pytest.mark.parametrize("line, dateline", [
    ("Published Jun 4, 2025", True),
    ("March 15, 2022 · 3 min read · By Jane Doe", True),        # the date one field among others
    ("Essay - Published: 2025.12.17 | programming | rust |", True),
    ("Dec 26, 2025 • Jane Doe in Project Management", True),
    ("Black Friday sales start on November 28, 2025 across stores", False),   # a sentence
    ("Dec 18 2025 Preparing a transition in the build system", False),      # a headline after a date
    ("Our offices close on March 3, 2025 | Contact us for the new opening hours of the shop", False),
])
def test_datelines(line, dateline):
    from cleaner.metadata.dates import find_date_spans
    from cleaner.stages.metadata import _is_dateline

    assert _is_dateline(line, find_date_spans(line)) == dateline


def test_a_byline_in_the_block_of_the_first_paragraph():
    """Standfirst, byline, date and first paragraph printed without blank lines: one block of
    prose, whose short lines are still read."""
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nSleepers are back on the timetable, and full.\n"
            f"By Peter Olsen\nOctober 12, 2022\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ["Peter Olsen"]
    assert result["published"] == "2022-10-12"


def test_a_bare_name_next_to_the_date_is_the_author():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nPeter Olsen\nSenior Writer\n12 October 2022\n\n{BODY}"
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ["Peter Olsen"]
    assert result["published"] == "2022-10-12"
    bylines = [s for s in result["segments"] if s.get("rule") == "meta.byline"]
    assert bylines and "Peter Olsen" in text[bylines[0]["start"]:bylines[0]["end"]]


def test_a_bare_name_before_the_date_on_one_line():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nPeter Olsen October 12, 2022 · 5 min read\n\n{BODY}"
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ["Peter Olsen"]
    assert result["published"] == "2022-10-12"


def test_a_bare_name_without_a_date_beside_it_is_not_taken():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nPeter Olsen\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nNight Trains\n12 October 2022\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []   # the article says "trains"


# ---- titles -----------------------------------------------------------------------------

def test_site_names_are_cut_from_a_title():
    assert strip_site("Night Trains Are Back | Rail News") == "Night Trains Are Back"
    assert strip_site("Night Trains Are Back - a long explanation of why they came back now") == \
        "Night Trains Are Back - a long explanation of why they came back now"
    assert display_title("# How to Grow Tomatoes") == "How to Grow Tomatoes"


@pytest.mark.parametrize("text, title", [
    ("• Night Trains Are Back", "Night Trains Are Back"),
    ("Home » Travel » Night Trains Are Back", "Night Trains Are Back"),
    ("Home >Travel >Night Trains Are Back", "Night Trains Are Back"),
    ("Rail/ Europe/ Night Trains Are Back", "Night Trains Are Back"),
    ("24/7 Night Trains Are Back", "24/7 Night Trains Are Back"),      # no breadcrumb: a slash in a word
    ("Cats > Dogs", "Cats > Dogs"),                                    # two items, not from "Home"
    ("News / Sport", "News / Sport"),
])
def test_a_title_is_reported_without_its_bullet_or_breadcrumb(text, title):
    assert display_title(text) == title


def test_the_headline_over_its_deck():
    """The deck under a headline is nearer the article and uses its words, but reads as a
    sentence; the shorter line above it is the headline."""
    text = (f"{MENU}\n\nNight Trains Return\n"
            "Why travellers choose sleeper cars over short flights on the longer routes in Europe\n\n"
            f"By Peter Olsen\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Night Trains Return"


def test_a_kicker_over_the_headline_is_not_the_title():
    text = (f"{MENU}\n\nWeekend Reading Picks\n"
            "Why travellers choose sleeper cars over short flights on the longer routes in Europe\n\n"
            f"By Peter Olsen\n\n{BODY}")
    title = clean(text, language=False).to_dict()["title"]
    assert title == "Why travellers choose sleeper cars over short flights on the longer routes in Europe"



@pytest.mark.parametrize("text, shaped", [
    ("7 days of healthy meals on a budget", True),      # a count stands for the capital
    ("10 ways meditation can improve your health", True),
    ("3. items in the basket", False),                 # a list number does not
    ("days of healthy meals on a budget", False),
    ("The Hottest Real Estate Markets in the U.S.", True),   # title case: a full stop is no sentence end
    ("Who's Reading Your Newsletter? Increasingly, Not a Human.", True),
    ("The markets were hot in the U.S. last year.", False),
    ("Erik Demaine's Folding and Unfolding:", False),  # a colon still ends a label
])
def test_headline_shapes(text, shaped):
    assert _headline_shape(text) is shaped


@pytest.mark.parametrize("text, title", [
    ("Dec 18 2025 Preparing a transition in Debusine", "Preparing a transition in Debusine"),
    ("March 3, 2024 - Why Night Trains Return", "Why Night Trains Return"),
    ("2025-08-29 Thoughts", "2025-08-29 Thoughts"),            # one word left: the date is the point
    ("Metasploit Wrap-Up 12/19/2025", "Metasploit Wrap-Up 12/19/2025"),   # a date after the title stays
])
def test_a_date_before_the_title_is_cut(text, title):
    assert _without_date(text) == title


def test_a_title_with_a_date_glued_before_it():
    text = f"{MENU}\n\nMar 4 2024 Night Trains Return to Europe\n\n{BODY}"
    assert clean(text, language=False).to_dict()["title"] == "Night Trains Return to Europe"


def test_the_headline_over_a_deck_as_long_as_it():
    """A headline that is a sentence too ("Why isn't …?") may be as long as the deck under it."""
    opening = {"modern", "built", "around", "principles", "cognitive", "science"}
    deck = Candidate(3, "First post in a series on cognitive science and AI", 7.5)
    above = ("Why isn't modern AI built around principles from cognitive science?", 6.3)
    assert _headline_over_deck(deck, above, opening)
    longer = ("Why isn't modern AI built around the principles that come from cognitive science?", 6.3)
    assert not _headline_over_deck(deck, longer, opening)


MENU = "\n".join(["Skip to content", "• Home", "• News", "• Sport", "• Culture", "• Contact"])
BODY = ("Night trains are returning to European timetables as travellers look for alternatives to "
        "short flights. Rail companies have ordered new sleeper cars and reopened routes.\n\n"
        "The new night train services are popular on routes of about a thousand kilometres, where a "
        "night on the train replaces a flight and a hotel. Operators say trains are fully booked.\n")


def test_a_headline_standing_alone_over_a_line_in_a_run():
    """The headline is a block of its own; a later line run together with others (a share bar,
    a subheading) is not the title, though it is longer and nearer the article."""
    text = (f"{MENU}\n\nNight Trains Return\n\nShare this story\n"
            f"New sleeper cars on the night trains of Europe\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Night Trains Return"


def test_a_line_in_a_run_is_the_title_when_nothing_stands_alone():
    text = (f"{MENU}\n\nShare this story\nNew sleeper cars on the night trains of Europe\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "New sleeper cars on the night trains of Europe"

def test_the_headline_said_again_lower_down_is_a_heading():
    """A headline said again in other words over the first paragraph: the first is the title."""
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n• Home\n\n"
            f"Night Trains Are Coming Back to the Timetables of Europe\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Why Night Trains Are Coming Back"


def test_two_headlines_that_say_different_things_are_not_echoes():
    text = (f"{MENU}\n\nWeekend Reading Picks for Autumn\n\n• Home\n\n"
            f"Night Trains Are Coming Back\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Night Trains Are Coming Back"

def test_the_headline_above_the_byline_among_chrome():
    text = (f"{MENU}\n\nNews » Travel » Why Night Trains Are Coming Back\n\nWhy Night Trains Are Coming Back\n\n"
            f"By Peter Olsen\nPublished 12 October 2022\n\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["title"] == "Why Night Trains Are Coming Back"
    assert result["authors"] == ["Peter Olsen"]
    assert result["published"] == "2022-10-12"
    labels = {s["rule"] for s in result["segments"] if s["label"] == "metadata"}
    assert labels == {"meta.byline", "meta.dateline", "meta.title"}  # the headline's line taken with the chrome


def test_a_german_page():
    body = ("Die Nachtzüge kehren in die europäischen Fahrpläne zurück, weil viele Reisende eine Alternative "
            "zu kurzen Flügen suchen. Die Bahnen haben neue Schlafwagen bestellt und alte Strecken wieder "
            "eröffnet, die vor Jahrzehnten geschlossen wurden.\n\nDie neuen Verbindungen sind auf Strecken "
            "von etwa tausend Kilometern beliebt, wo eine Nacht im Zug den Flug und das Hotel ersetzt. Die "
            "Betreiber sagen, dass die Züge im Sommer oft ausgebucht sind und dass sie mehr Wagen brauchen.\n")
    text = f"Warum die Nachtzüge zurückkommen\n\nVon Peter Olsen\n12. Oktober 2022\n\n{body}"
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ["Peter Olsen"]
    assert result["published"] == "2022-10-12"
    assert result["title"] == "Warum die Nachtzüge zurückkommen"


def test_a_byline_inside_the_article_is_not_taken():
    text = ("Why Night Trains Are Coming Back\n\n" + BODY +
            "\nBy Anna Berg, who rode the first train, the trip was the best part of her summer and she "
            "would take it again next year without a second thought.\n")
    result = clean(text, language=False).to_dict()
    assert result["authors"] == []


def test_an_updated_date_is_not_the_publication_date():
    text = f"Why Night Trains Are Coming Back\n\nBy Peter Olsen\nUpdated: 12 October 2022\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None


def test_a_closing_byline_when_the_head_has_none():
    text = f"Why Night Trains Are Coming Back\n\n{BODY}\nPosted by Marta at 9:00 PM\n"
    assert clean(text, language=False).to_dict()["authors"] == ["Marta"]


def test_nothing_to_read():
    result = clean("just a few words here", language=False).to_dict()
    assert result["title"] is None and result["authors"] == [] and result["published"] is None


# ---- the measure ------------------------------------------------------------------------

def test_the_measure_rules():
    assert title_right("Night Trains | Rail News", "Night Trains") == (True, False)
    assert title_right("night  trains", "Night Trains") == (True, True)
    assert title_right("Night Trains Return", "Night Trains") == (False, False)
    assert date_right("2023-03-04", "2023-03-04") and date_right("2023-03-04", "2023-03")
    assert not date_right("2023-03-05", "2023-03-04") and not date_right(None, "2023-03-04")
    assert gold_names("Dylan Bailey, MS, RD, FAND") == [frozenset({"dylan", "bailey"})]
    assert authors_right(["Christopher Penn"], "Christopher S. Penn")
    assert authors_right(["Ann Lee", "Bo Chan"], "Ann Lee and Bo Chan")
    assert not authors_right(["Ann Lee"], "Ann Lee and Bo Chan")
    assert not authors_right(["Ann Lee", "Cy Dow"], "Ann Lee")


def test_a_relative_dateline_needs_the_records_reference_date():
    from cleaner.document import Document
    from cleaner.pipeline import build
    from cleaner.options import Options

    text = f"Warum die Nachtzüge zurückkommen\n\nVon Peter Olsen\nvor 2 Tagen\n\n{BODY}"
    pipeline = build(Options(language=False))
    without = pipeline(Document(text, hints={"page_language": "de"}))
    dated = pipeline(Document(text, hints={"page_language": "de", "reference_date": "2024-01-10"}))
    assert without.to_dict()["published"] is None
    assert dated.to_dict()["published"] == "2024-01-08"


def test_clean_takes_the_reference_date_for_relative_dates():
    text = f"Why Night Trains Are Coming Back\n\nBy Peter Olsen\n2 days ago\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None
    dated = clean(text, language=False, reference_date=dt.date(2024, 1, 10)).to_dict()
    assert dated["published"] == "2024-01-08"
    assert clean(text, language=False, reference_date="2024-01-10").to_dict()["published"] == "2024-01-08"


# ---- which date a line and a head give --------------------------------------------------

@pytest.mark.parametrize("line, iso, updated", [
    ("Published: Mar 8, 2024 · Modified: May 19, 2025", "2024-03-08", False),
    ("May 21, 2025April 24, 2025 by The Editors", "2025-04-24", False),   # two unlabelled: the earliest
    ("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", "2022-12-22", False),
    ("Updated: January 2, 2026", "2026-01-02", True),
    ("By Jane Doe Daily Wire, January 24, 2023 The Source 23 January 2023", "2023-01-24", False),  # not a pair
])
def test_the_date_a_line_gives(line, iso, updated):
    from cleaner.stages.metadata import _line_date

    assert _line_date(line, find_date_spans(line)) == (iso, updated)


def test_a_month_glued_after_a_word_in_lower_case():
    """Two pieces of a page run together: an icon's name, a category or an author and the date."""
    assert find_date("Mental HealthDECEMBER 22, 2022") == "2022-12-22"
    assert find_date("calendarApr 16, 2024") == "2024-04-16"
    assert find_date("EditorialNovember 22, 2018") == "2018-11-22"
    assert find_date("grammar 3, 2024") is None     # "…mar" ending a word is no month
    assert find_date("Summer 2, 2023") is None


@pytest.mark.parametrize("line, labelled", [
    ("Posted on December 20, 2025 by Jane Doe - 5 Comments on Do you need a mini PC with many ports?", True),
    ("Veröffentlicht am 12. März 2023 von Max Mustermann und vielen anderen Leuten aus der Redaktion", True),
    ("Black Friday sales start on November 28, 2025 across stores", False),
])
def test_a_labelled_dateline(line, labelled):
    from cleaner.stages.metadata import _labelled

    assert _labelled(line, find_date_spans(line)) == labelled


def test_a_long_labelled_dateline_gives_the_date_and_the_byline():
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nPosted on October 12, 2022 by Peter Olsen - "
            f"5 Comments on Why Night Trains Are Coming Back to the timetables?\n\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["published"] == "2022-10-12"
    assert result["authors"] == ["Peter Olsen"]


def test_a_list_of_dated_teasers_gives_no_date():
    teasers = "\n".join(f"Teaser headline number {n}\nMarch {n}, 2024" for n in (3, 5, 9))
    text = f"{teasers}\n\nWhy Night Trains Are Coming Back\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None
    text = f"Why Night Trains Are Coming Back\n\nPublished March 3, 2024\nUpdated March 9, 2024\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] == "2024-03-03"   # one stamp, not a list


def test_an_updated_stamp_on_the_byline_line_when_nothing_else_is_dated():
    text = f"Why Night Trains Are Coming Back\n\nBy Peter Olsen · Updated October 12, 2022\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] == "2022-10-12"
    text = f"Why Night Trains Are Coming Back\n\nBy Peter Olsen · Last updated October 12, 2022\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None   # a stamp kept fresh
    text = (f"Why Night Trains Are Coming Back\n\nBy Peter Olsen · Updated October 12, 2022\n"
            f"Published March 3, 2021\n\n{BODY}")
    assert clean(text, language=False).to_dict()["published"] == "2021-03-03"


# ---- dates below the article and labels over them ----------------------------------------

FOOTER = "\n".join(["Related posts", "• Why Buses Are Cheaper", "• Trams in Winter", "Contact us", "Privacy"])
LONG_BODY = "\n".join([BODY] * 4)   # longer than the lines a byline may stand on below the first paragraph


def test_a_labelled_or_signed_date_below_the_article_when_the_head_has_none():
    for closing in ("Published On: 12 October 2022", "Published\n12 October 2022",
                    "Written by Peter Olsen\n12 October 2022", "October 12, 2022 By Peter Olsen"):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{closing}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == "2022-10-12", closing


def test_a_bare_date_below_the_article_is_not_taken():
    for closing in ("12 October 2022", "Jeroen\nOctober 12, 2022 / 9:47 pm",
                    "Recent posts\nNight Buses\nMarch 3, 2024\nDay Trains\nMarch 9, 2024\nTrams\nMarch 12, 2024"):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{closing}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] is None, closing


def test_a_date_below_the_article_does_not_replace_the_heads():
    text = (f"Why Night Trains Are Coming Back\n\nMarch 3, 2021\n\n{LONG_BODY}\nPublished On: 12 October 2022\n"
            f"{FOOTER}\n")
    assert clean(text, language=False).to_dict()["published"] == "2021-03-03"


@pytest.mark.parametrize("label, iso", [
    ("Published", "2022-10-12"), ("Publish date", "2022-10-12"), ("Content current as of:", "2022-10-12"),
    ("Our trains", None), ("Published", None),
])
def test_a_publication_label_over_a_date_below_the_article(label, iso):
    line = "12 October 2022" if iso else "12 October 2022 was the day the first of the new trains left Vienna"
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{label}\n{line}\n{FOOTER}\n"
    assert clean(text, language=False).to_dict()["published"] == iso


def test_a_labelled_date_on_a_line_another_rule_claimed():
    text = (f"Why Night Trains Are Coming Back\n\nPublished: Mar 8, 2024 · Modified: May 19, 2025 by Peter Olsen"
            f" · This post may contain affiliate links\n\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["published"] == "2024-03-08"
    assert [s["rule"] for s in result["segments"] if s["label"] != "main"] == ["disclaimer.affiliate"]   # kept


# ---- names beside a date, glued labels, names and roles ----------------------------------

@pytest.mark.parametrize("line, name", [
    ("Peter Olsen Published 10:19am 12 October 2022", "Peter Olsen"),
    ("Oct 12, 2022 • Peter Olsen in Rail Travel", "Peter Olsen"),
    ("Oct 12, 2022Peter Olsen", "Peter Olsen"),
    ("Oct 12, 2022 • Rail Travel Guides and More", None),   # words the page writes in lower case
])
def test_a_bare_name_beside_the_date_on_one_line(line, name):
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n{line}\n\n{BODY}"
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ([name] if name else [])
    assert result["published"] == "2022-10-12"


@pytest.mark.parametrize("line, names", [
    ("Peter OlsenBy Peter OlsenOctober 12, 2022", ["Peter Olsen"]),
    ("12 October,2022By Peter Olsen", ["Peter Olsen"]),
    ("Peter Olsen By Peter Olsen", ["Peter Olsen"]),
    ("Trains by Night", []),
])
def test_a_byline_glued_to_the_name_or_the_date_before_it(line, names):
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n{line}\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == names


def test_a_date_with_no_space_after_its_comma():
    assert find_date("27 September,2023") == "2023-09-27"
    assert find_date("September 27,2023") == "2023-09-27"


@pytest.mark.parametrize("text, names", [
    ("Jane Doe | Senior Writer | July 2, 2025", ["Jane Doe"]),
    ("Manoj Jain and Anna Berg | Guest Columnists", ["Manoj Jain", "Anna Berg"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("Creators, Coaches & Authors", []),                       # a plural role wants two names
    ("Jane Doe, Our Director Of Marketing, Stands With His Solar Panels", []),   # a caption
])
def test_names_and_a_role(text, names):
    assert byline_authors(text) == names


def test_a_pen_name_after_a_full_label():
    assert byline_authors("Written by Kristin") == ["Kristin"]
    assert byline_authors("• Writer: Ben") == ["Ben"]
    assert byline_authors("By : CottageCare") == ["CottageCare"]
    assert byline_authors("By Industry") == []          # a bare "By" and one word: a menu's filter


def test_the_names_before_a_separator_after_a_label_alone():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nBy\nPeter Olsen | The Rail Newsroom\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == ["Peter Olsen"]
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nBy\nPeter Olsen and his rail friends | The Rail Newsroom\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []


@pytest.mark.parametrize("lines, names", [
    ("Peter Olsen\nPeter Olsen", ["Peter Olsen"]),          # an avatar's alt text and the name
    ("Peter Olsen Peter Olsen", ["Peter Olsen"]),
    ("Rail Desk Staff\nRail Desk Staff", ["Rail Desk Staff"]),
    ("Peter Olsen", []),                                    # once: a menu item as often
])
def test_a_name_printed_twice_next_to_the_title(lines, names):
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n{lines}\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == names


def test_a_name_printed_twice_gives_way_to_a_name_by_the_date():
    text = f"{MENU}\n\nSleeper Cars\nSleeper Cars\nWhy Night Trains Are Coming Back\nAnna Berg\n12 October 2022\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == ["Anna Berg"]


# ---- titles: decks and numbered breadcrumbs ------------------------------------------------

def test_a_long_deck_under_a_headline_the_opening_does_not_echo():
    deck = "What old film stars in their prime can teach us about the bold claims made for the new machines today"
    text = f"{MENU}\n\nIs Everyone Dreaming Again?\n\n{deck}\n\n{BODY}"
    assert clean(text, language=False).to_dict()["title"] == "Is Everyone Dreaming Again?"
    short = "Old film stars teach us about the new machines"   # shorter: the later line stays the title
    text = f"{MENU}\n\nIs Everyone Dreaming Again?\n\n{short}\n\n{BODY}"
    assert clean(text, language=False).to_dict()["title"] == short


def test_the_last_item_of_a_numbered_breadcrumb_printed_again_is_the_title():
    crumbs = "1. Home\n2. Rail Guides\n3. Timetable Changes Explained"
    text = f"{MENU}\n\n{crumbs}\n\nTimetable Changes Explained\n\nLatest Rail Industry Updates\n\n{BODY}"
    assert clean(text, language=False).to_dict()["title"] == "Timetable Changes Explained"
    from types import SimpleNamespace

    from cleaner.metadata.title import _trail_ends

    counts: dict[str, int] = {}
    texts = ["1. Home", "2. Guides", "3. Night Trains", "Menu", "1. Only item", "Menu", "2. Bus", "3. Tram"]
    _trail_ends(SimpleNamespace(texts=texts), counts)
    assert counts == {"trail:night trains": 1}   # a one-item list and one not counted from one are not trails


# ---- more date forms ---------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("October 17, 20236:01 PM ET", "2023-10-17"),      # the year glued to the time
    ("January 14, 202620 Mins Read", "2026-01-14"), ("14 January 20262 Comments", "2026-01-14"),   # or a count
    ("March 3, 20245 people", None),
    ("06.18.2025", "2025-06-18"),                      # dots, month first: the only order it can be in
    ("18.06.2025", "2025-06-18"),
    ("3 March 20235", None), ("2023.18.06", None), ("13.13.2025", None),
])
def test_glued_years_and_dotted_dates_month_first(text, iso):
    assert find_date(text) == iso


def test_a_long_signed_line_opening_the_article_is_its_byline():
    line = "Posted by Marta on Friday October 12, 2022 @08:00PM from the sleeper-trains-are-back dept."
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{line}\n{BODY}"
    result = clean(text, language=False).to_dict()
    assert result["published"] == "2022-10-12" and result["authors"] == ["Marta"]
    line = "Posted by the operators on their site, the timetable from October 12, 2022 lists six new routes."
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{line}\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []


def test_posted_on_the_date():
    from cleaner.stages.metadata import _labelled

    line = "Posted on the 15/12/2025 at 19:00 by @jane"
    assert _labelled(line, find_date_spans(line))


def test_a_headline_printed_again_with_more_around_it_nearby():
    from types import SimpleNamespace

    from cleaner.metadata.region import text_key
    from cleaner.metadata.title import W_FRAMED, _framed

    texts = ["Timetable Changes Explained cover", "Rail", "Timetable Changes Explained", "Night Buses",
             "Hero image for Night Buses", "Latest Rail Industry Updates"]
    shaped = {2: (texts[2], 1.0), 3: (texts[3], 1.0), 5: (texts[5], 1.0)}
    _framed(SimpleNamespace(texts=texts, keys=[text_key(t) for t in texts]), shaped)
    assert shaped[2][1] == 1.0 + W_FRAMED       # its image's alt text
    assert shaped[3][1] == 1.0                  # two words: inside too many lines to tell
    assert shaped[5][1] == 1.0


def test_the_last_item_of_a_breadcrumb_with_separators_over_a_question_heading():
    text = (f"{MENU}\n\nTimetable Changes Explained\n\nRail Guides > Timetable Changes Explained\n\n"
            f"Why should anyone care about changes to the timetable?\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Timetable Changes Explained"


# ---- an author's photo and the name printed beside it ---------------------------------------

def test_profile_photo_of_author():
    assert pictured_name("Profile photo of author Jane Doe") == "Jane Doe"
    assert pictured_name("Photo of the author Jane Doe") == "Jane Doe"
    assert pictured_name("Photo of a sleeper car") is None


def test_an_authors_photo_a_rule_took_and_the_name_under_it():
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\nHeadshot of Anna Berg, Rail Writer at Trains Daily\n"
            f"Anna Berg\n\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["authors"] == ["Anna Berg"]
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nHeadshot of Anna Berg, Rail Writer\nStart Trial\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []   # no name printed beside the photo


def test_the_author_box_below_the_article():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\nPicture of Anna Berg\nAnna Berg\n{FOOTER}\n"
    assert clean(text, language=False).to_dict()["authors"] == ["Anna Berg"]
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\nPicture of Anna Berg\n{FOOTER}\n"
    assert clean(text, language=False).to_dict()["authors"] == []


def test_more_byline_labels_and_desks():
    assert byline_label("Article by:") and byline_label("Photo of author") and byline_label("Text by")
    assert not byline_label("Photo of the day")
    assert byline_authors("By the Rail Desk Team 2–3 minutes") == ["the Rail Desk Team"]
    assert byline_authors("By the way, trains are back") == []


@pytest.mark.parametrize("line, names", [
    ("109 Comments | Peter Olsen | Last Updated: October 12, 2022", ["Peter Olsen"]),
    ("October 12, 2022 · 30 min · 6279 words · Peter Olsen", ["Peter Olsen"]),
    ("October 12, 2022 | Rail Travel", []),   # two fields: a date and a category
])
def test_a_name_as_one_field_of_a_dateline(line, names):
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n{line}\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == names


def test_a_line_said_twice_over_the_headline_is_no_headline_over_a_deck():
    above = ("The history of trains The history of trains", 3.0)
    best = Candidate(5, "The History of trains: from the first sleepers to today", 9.0)
    assert not _headline_over_deck(best, above, {"history", "trains", "sleepers"})
    assert _headline_over_deck(Candidate(5, "What the first sleeper cars looked like and how they ran at night", 9.0),
                               ("The History of Trains Today", 3.0), {"history", "trains", "today"})


def test_the_numeric_order_a_page_shows():
    from cleaner.metadata.dates import numeric_order

    assert numeric_order(["8/27/2025", "Rail news"]) == "mdy"
    assert numeric_order(["27/8/2025"]) == "dmy"
    assert numeric_order(["8/27/2025", "27/8/2025"]) is None      # both: no telling
    assert numeric_order(["8/1/2025"]) is None
    assert find_date_spans("8/1/2025", None, "mdy")[0][2] == "2025-08-01"
    assert find_date_spans("8/1/2025", None, "dmy")[0][2] == "2025-01-08"
    assert find_date_spans("8/1/2025") == []


def test_an_ambiguous_dateline_on_a_page_that_writes_month_first():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n8/1/2025\n\n{BODY}\nRelated: Buses, 8/27/2025\n"
    assert clean(text, language=False).to_dict()["published"] == "2025-08-01"
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n8/1/2025\n\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None


def test_the_days_a_page_prints_with_a_month_name():
    from cleaner.metadata.dates import named_days

    assert named_days("Recent: December 02, 2025 · 3 October 2023 · 12/11/2025 · 2024-05-06") == \
        {"2025-12-02", "2023-10-03"}   # numeric dates are not named
    assert named_days("Night trains, 2025 timetable") == frozenset()
    assert named_days("May the trains run 12 2025") == frozenset()


@pytest.mark.parametrize("text, named, order", [
    ("02-12-2025", {"2025-12-02"}, "dmy"), ("02-12-2025", {"2025-02-12"}, "mdy"),
    ("• 03/10/2023", {"2023-10-03", "2024-01-01"}, "dmy"),
    ("02-12-2025", {"2025-12-02", "2025-02-12"}, None),    # both readings named: no telling
    ("02-12-2025", {"2025-12-03"}, None), ("02-12-2025", set(), None),
    ("27/8/2025", {"2025-08-27"}, None),                   # in no doubt: read as it is
])
def test_the_order_a_day_named_elsewhere_on_the_page_gives(text, named, order):
    from cleaner.metadata.dates import in_doubt, order_named

    assert order_named(text, "en", frozenset(named)) == order
    assert in_doubt(text, "en") == (text != "27/8/2025")
    assert not in_doubt(text, "de")   # a language that writes the day first settles it


def test_a_numeric_dateline_in_doubt_read_as_the_day_the_page_names():
    """A site that lists its own post among its recent ones prints its day by name there."""
    for foot, iso in (("• Why Night Trains Are Coming Back - December 02, 2025", "2025-12-02"),
                      ("• Why Night Trains Are Coming Back - February 12, 2025", "2025-02-12"),
                      ("• Trams in Winter - March 3, 2025", None),   # another day: no telling
                      ("• December 02, 2025\n• February 12, 2025", None)):   # both days: no telling
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n02-12-2025\n\n{BODY}\n{FOOTER}\n{foot}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, foot


PROMO = ("We just asked 500 rail travellers how they plan their trips, and almost half of them said they "
         "would rather take a night train than a flight next year. Read what else they told us in our new report.")
MENUS_AFTER = "\n".join(["Read the Report →", "• Products", "• Pricing", "• Timetables", "• Stations", "• Tickets",
                         "• Support", "• About Us", "• Careers", "Log In"])
HEAD = "Why Night Trains Are Coming Back\nBy Peter Olsen\nMarch 3, 2024"


@pytest.mark.parametrize("text, iso", [
    (f"{MENU}\n\n{PROMO}\n\n{MENUS_AFTER}\n\n{HEAD}\n\n{BODY}", "2024-03-03"),
    (f"{MENU}\n\nThe 2025 Rail Report\n\n{PROMO}\n\nLearn More\n\n{MENUS_AFTER}\n\n{HEAD}\n\n{BODY}", "2024-03-03"),
    # a few menu lines after the blurb: no run of menus, and the date stands past the head
    (f"{MENU}\n\n{PROMO}\n\nRead the Report →\n• Products\n• Pricing\nLog In\n\n{HEAD}\n\n{BODY}", None),
    # a long opening is the article's: the dateline over a paragraph after menus further on is a teaser's
    (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n\n{MENUS_AFTER}\n\nWhy Buses Are Cheaper\n"
     f"By Anna Berg\nMarch 3, 2024\n\n{LONG_BODY}\n\n{LONG_BODY}", None),
])
def test_the_dateline_over_the_paragraph_after_a_promotion_in_the_menus(text, iso):
    """A blurb in the menus ("We just asked 500 rail travellers …") read as the first paragraph:
    the article's head stands after the menus that follow it."""
    assert clean(text, language=False).to_dict()["published"] == iso


def test_a_label_alone_a_rule_took_still_names_the_next_line():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nPhoto of author\nAnna Berg\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == ["Anna Berg"]
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nPhoto of the day\nAnna Berg\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []


def test_a_name_with_credentials_printed_twice():
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nAnna Berg, MS, RD Anna Berg, MS, RD\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == ["Anna Berg"]
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\nTrains, Buses Trains, Buses\n\n{BODY}"
    assert clean(text, language=False).to_dict()["authors"] == []


# ---- titles: site names, notices and kickers -------------------------------------------------

DECK = "I spent several weeks riding the new sleeper cars, and here is what I found on the way."


def test_a_site_name_opening_the_page_twice_is_not_the_title():
    """A logo's alt text and the site's name open the page: the same line twice, each a block,
    its words in the article's first paragraph."""
    text = ("Rail Weekly Notes\n\nRail Weekly Notes\n\nRecommended: Ten Cabins Worth Booking\n\n"
            f"{DECK}\n\nPeter Olsen's avatar\nPeter Olsen\nOct 12, 2022\n\n"
            f"Welcome to Rail Weekly Notes. Every week the notes cover rail travel in Europe.\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Recommended: Ten Cabins Worth Booking"
    # a headline printed twice lower down is still a headline
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nWhy Night Trains Are Coming Back\n\n"
            f"Peter Olsen\nOct 12, 2022\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Why Night Trains Are Coming Back"


@pytest.mark.parametrize("notice", [
    "Press enter or click to view image in full size",
    "The Best Rail Pass Deals in Europe. Click here",
    "Tap to see the full timetable",
])
def test_a_notice_to_the_reader_is_not_the_title(notice):
    text = ("Sign in\n\nWhat I Learned Riding Overnight\n\nHere are the lessons learned from a year of "
            "night trains across Europe, and a few about sleep.\n\nPeter Olsen\nPeter Olsen\n7 min read\n"
            f"·\nDec 30, 2013\n\n--\n\n{notice}\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "What I Learned Riding Overnight"


def test_an_age_notice_between_the_headline_and_its_deck():
    deck = ("Sleeper cars, cheap cabins, new routes and slow travel: why travellers in Europe are taking "
            "the night train again this year")
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nThis article is more than 3 months old\n\n"
            f"{deck}\n\nPeter Olsen\nOct 12, 2022\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Why Night Trains Are Coming Back"
    from cleaner.metadata.title import _notice

    assert not _notice("Press Freedom Index: Where Journalists Are Safest")
    assert not _notice("This Article Is Worth Reading Twice")


def test_a_kicker_in_a_menu_run_over_a_headline_that_reads_as_a_sentence():
    """The line above a sentence-like headline is the headline only when it stands apart: a
    category printed in a run of menu lines is a kicker."""
    headline = "Night trains explained: routes, cabins, and what a ticket costs"
    text = (f"{MENU}\n\nBack to Blogs\nRail Travel Trains\n{headline}\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == headline


@pytest.mark.parametrize("text, shaped", [
    ("n8n: A Guide to Workflow Automation", True),      # a name written in lower case on purpose
    ("rustc_codegen_gcc: Progress Report #39", True),
    ("iPhone 17 review: the night train test", True),
    ("e-mail tips for the night train", False),
    ("and then the train left", False),
])
def test_a_headline_opening_with_a_name_in_lower_case(text, shaped):
    assert _headline_shape(text) is shaped


def test_the_headline_under_a_paragraph_that_opens_the_page():
    """A site's promotion printed as a paragraph before the headline: the byline under the
    headline shows the head goes on past that paragraph."""
    intro = ("Rail Weekly helps travellers plan their journeys across Europe. Our team has ridden every "
             "route we write about since 2015, and we answer the questions of our readers every week.")
    text = (f"{MENU}\n\n{intro}\n\nBest Night Train Routes for a First Trip\n\n"
            "A sleeper cabin can make your trip stand out and save a night in a hotel.\n\n"
            f"Written by: Peter Olsen, Senior Writer\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Best Night Train Routes for a First Trip"
    # a byline above the first paragraph: the head ends there, as before
    first, second = BODY.split("\n\n", 1)
    text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nBy Peter Olsen\n\n{first}\n\n"
            f"Best Night Train Routes for a First Trip\n\nWritten by: Anna Berg\n\n{second}")
    assert clean(text, language=False).to_dict()["title"] == "Why Night Trains Are Coming Back"


BOXES = "\n\n".join(f"Sleeper Cabin Model {n}\nRated {n} of 25\nCheck Price" for n in range(1, 25))


def test_a_headline_and_its_date_far_above_the_article():
    """Headline and date, then a long run of product boxes before the first paragraph: the
    headline stands more than 60 lines above the article, its dated line under it."""
    text = (f"{MENU}\n\nThe Best Sleeper Cabins for 2026\n\nUpdated Nov 26, 2025\n\n{BOXES}\n\n"
            f"Our track record\n\n{BODY}\n{BODY}\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "The Best Sleeper Cabins for 2026"
    # without a dated line under it, a line that far up is not read
    text = (f"{MENU}\n\nThe Best Sleeper Cabins for 2026\n\n{BOXES}\n\n"
            f"Our track record\n\n{BODY}\n{BODY}\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Our track record"
    # nor when a headline with its byline stands over the article
    text = (f"{MENU}\n\nThe Best Sleeper Cabins for 2026\n\nUpdated Nov 26, 2025\n\n{BOXES}\n\n"
            f"Why Night Trains Are Coming Back\n\nBy Peter Olsen\n\n{BODY}\n{BODY}\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Why Night Trains Are Coming Back"


def test_a_headline_of_two_sentences_read_as_the_first_paragraph():
    """A title-case headline of two sentences is prose to the sentence splitter: as the first
    paragraph, a block of its own, the title is still looked for on it; not when a byline or
    dateline stands before it, nor on a first paragraph in sentence case."""
    from types import SimpleNamespace

    from cleaner.metadata.title import _head_end

    def page(first_line: str):
        texts = ["Rail Weekly", "• Membership", "Select Page", first_line, "We have all been there."]
        return SimpleNamespace(first=3, prose={3, 4}, texts=texts,
                               lines=[SimpleNamespace(block=i) for i in range(5)],
                               doc=SimpleNamespace(blocks=[SimpleNamespace(lines=[0]) for _ in range(5)]))

    headline = "What Is The Best Sleeper Cabin On Night Trains? Here Are My Top Three Picks"
    assert _head_end(page(headline), set()) == 4
    assert _head_end(page(headline), {1}) == 3          # a dateline above it: the head ends there
    assert _head_end(page("What is the best sleeper cabin? Here are my picks for you."), set()) == 3


def test_a_search_box_prompt_is_not_the_title():
    text = (f"{MENU}\n\nNight Trains Return to Europe's Timetables\n\n• Awards\n• Features\n\n"
            "Search The Rail Weekly\n\nSearch for articles and insights about rail travel, night trains, "
            f"and timetables\n\n{BODY}")
    assert clean(text, language=False).to_dict()["title"] == "Night Trains Return to Europe's Timetables"
    from cleaner.metadata.title import _notice

    assert not _notice("Search Engine Optimization for Rail Operators")
    assert not _notice("Search Party: Finding the Lost Night Train")


@pytest.mark.parametrize("text, shaped", [
    ("An avatar representing Peter Olsen Peter Olsen", False),   # an alt text glued to the name
    ("Facebook Green Icon Facebook Facebook", False),
    ("Bye Bye", True),
    ("New York, New York: A Night Train Guide", True),
    ("Night Trains Are Back, Back, Back", True),
])
def test_a_label_printed_twice_at_the_end_of_a_line(text, shaped):
    assert _headline_shape(text) is shaped



def test_a_part_of_the_site_name_over_the_date_is_the_author_not_the_title():
    """"Peter Olsen - Rail Notes" twice opens the page: the site's name; "Peter Olsen" over the
    date is its owner, the author, not the headline."""
    text = ("Peter Olsen - \"Rail Notes\"\n\nPeter Olsen - \"Rail Notes\"\n\n"
            "what is once booked cannot be unbooked\n\nthe problem of night train fares\n\n"
            f"Peter Olsen\nDec 12, 2025\n\n{BODY}")
    result = clean(text, language=False).to_dict()
    assert result["title"] != "Peter Olsen"
    assert result["authors"] == ["Peter Olsen"]


@pytest.mark.parametrize("text, shaped", [
    ("Home Repair Programs", True),        # one chrome word among three: a headline may have one
    ("Learn web development", True),
    ("Learn more", False),                 # mostly chrome words: a menu item or a button
    ("Skip to content", False),
    ("Sign in", False),
    ("Free Trial Today", False),
    ("Download the App", False),
])
def test_short_lines_made_of_chrome_words(text, shaped):
    assert _headline_shape(text) is shaped


@pytest.mark.parametrize("reading", ["4 min read time", "8 min read", "5 minute read", "Reading time: 3 minutes"])
def test_a_reading_time_under_the_headline_marks_it(reading):
    """A reading time under a line is a headline's, as a byline or a dateline is; a subheading
    over the first paragraph has none."""
    first, second = BODY.split("\n\n", 1)
    text = (f"{MENU}\n\nNight Train Claims: We Can Do the Heavy Lifting\n\n{reading}\n"
            "Headshot of Peter Olsen, a rail lawyer in Berlin\nMedia image.\n\nDelayed?\n\nWe can help.\n"
            "See if you qualify for a refund\n\nRail companies must pay when a night train arrives hours late.\n\n"
            "Whether you are travelling for work or for a holiday, delays can cost you a hotel night.\n\n"
            f"Common Types of Night Train Delays\n\n{first}\n\n{second}")
    assert clean(text, language=False).to_dict()["title"] == "Night Train Claims: We Can Do the Heavy Lifting"


def test_a_label_before_the_title_is_cut_when_the_page_prints_it_bare():
    from cleaner.metadata.title import _without_label

    counts = {"weekend night trains": 1}
    assert _without_label("PROJECT: Weekend Night Trains", counts) == "Weekend Night Trains"
    # not printed bare: the label may be the title's ("Review: …", "Actuary's Choice: …")
    assert _without_label("Review: Weekend Night Trains", {}) == "Review: Weekend Night Trains"
    assert _without_label("Night Trains: Weekend Routes", {"weekend routes": 0}) == "Night Trains: Weekend Routes"
def test_a_dateline_of_long_fields_printed_with_the_first_paragraph():
    """Date, author and the team they speak for printed in the block of the first paragraph: a
    dateline of fields is not the article's prose, however many words it holds."""
    line = "Dec. 19, 2022 · Peter Olsen on behalf of the Night Train Survey Team"
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{line}\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] == "2022-12-19"
    line = "On Dec. 19, 2022 the operators said the Vienna sleeper would run twice a week · more below"
    text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{line}\n{BODY}"
    assert clean(text, language=False).to_dict()["published"] is None   # a sentence of the article


def test_a_date_under_an_update_label_alone():
    """"Last update:" alone over a date marks it a revision: under a publication date it is the
    later one; alone, it is still the page's date."""
    head = "Peter Olsen\nFebruary 8, 2022\n• 10 min read\n\nWhy Night Trains Are Coming Back\n\nLast update:\nJuly 16, 2025"
    assert clean(f"{MENU}\n\n{head}\n\n{BODY}", language=False).to_dict()["published"] == "2022-02-08"
    head = "Why Night Trains Are Coming Back\n\nLast update:\nJuly 16, 2025"
    assert clean(f"{MENU}\n\n{head}\n\n{BODY}", language=False).to_dict()["published"] == "2025-07-16"
    for label, iso in (("Last updated on", "2022-02-08"), ("Our update policy:", "2025-07-16")):   # not a label
        head = f"February 8, 2022\n\nWhy Night Trains Are Coming Back\n\n{label}\nJuly 16, 2025"
        assert clean(f"{MENU}\n\n{head}\n\n{BODY}", language=False).to_dict()["published"] == iso, label


@pytest.mark.parametrize("text, iso", [
    ("Jul. 11. 2025", "2025-07-11"), ("December 19. 2025", "2025-12-19"),   # a dot after the day
    (". 2023 Jan 7;15(1):e33475. doi: 10.7759/cureus.33475", "2023-01-07"),  # a citation: year, month, day
    ("Received 2022 Oct 12; Accepted 2023 Jan 7", "2022-10-12"), ("2021 June 7th", "2021-06-07"),
    ("by 2030 may 10 million people", None),     # year first: the month is capitalised
    ("2023 Jan 12,000 people", None), ("2023 Mar 3.5 percent", None),   # a number, not a day
])
def test_a_dot_after_the_day_and_the_year_first(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize("text, iso", [
    ("Published on 25.Jun.2019 in Vol 7, No 6 (2019): June", "2019-06-25"), ("Updated on 19-Dec-2025", "2025-12-19"),
    ("25.06.2019", "2019-06-25"), ("room 25-Jun 12", None), ("25-June-20", None),
])
def test_a_month_name_between_dots_or_hyphens(text, iso):
    assert find_date(text) == iso


def test_a_date_below_the_article_signed_by_someone_else_is_a_teasers():
    head = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\nBy Peter Olsen\n\n{LONG_BODY}"
    for closing, iso in (("Related content\nWhy Buses Are Cheaper\nBy Anna Berg\nMar 13, 2026 9 mins", None),
                         ("Written by Peter Olsen\n12 October 2022", "2022-10-12"),
                         ("Peter Olsen\n12 October 2022", "2022-10-12"),
                         ("Published On: 12 October 2022", "2022-10-12")):
        text = f"{head}\n{closing}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, closing


def test_a_date_glued_to_the_byline():
    """"AnthonyBy AnthonyJanuary 4, 2026…": the byline's glued pieces pulled apart give its date;
    a glued "UpdatedJanuary 25, 2026" is an update stamp all the same."""
    for line, iso in (("Peter OlsenBy Peter OlsenOctober 12, 2022Updated:October 14, 20222 Comments", "2022-10-12"),
                      ("ByPeter Olsen UpdatedOctober 14, 2022\nPublished October 12, 2022", "2022-10-12")):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{line}\n\n{BODY}"
        assert clean(text, language=False).to_dict()["published"] == iso, line


def test_a_labelled_date_below_long_footnotes():
    notes = "\n".join(f"{n}. Night Train Archive, timetable {n}, consulted October 22, 2022. ↩" for n in range(1, 41))
    for closing, iso in (("Published on October 12, 2022", "2022-10-12"), ("October 12, 2022", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{notes}\n\n{closing}\n\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, closing


def test_a_date_below_the_article_beside_the_posts_own_footer():
    """The post's categories or comment count beside a date below it say whose the date is."""
    for closing, iso in (("Tags: trains, travel\nMonday, October 12th, 2022 at 11:00 am | Categories: Trains, Travel |",
                          "2022-10-12"),
                         ("October 12, 2022 · 6 Comments", "2022-10-12"),
                         ("October 12, 2022 | Trains", None), ("October 12, 2022 · 6 minutes", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{closing}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, closing


@pytest.mark.parametrize("text, iso", [
    ("2023-03-04", "2023-03-04"), ("2023-03-04-night-trains", "2023-03-04"), ("Posted 2023/3/4 10:00", "2023-03-04"),
    ("image-png-Jan-17-2021-02-16-00-09-PM", None),    # a file's name: a run of numbers, no date
    ("ref 12-2023-03-04", None),
])
def test_a_year_first_date_is_not_cut_from_a_longer_run_of_numbers(text, iso):
    assert find_date(text) == iso


def test_the_numeric_order_a_page_shows_far_below_the_article():
    """A list of posts or comments at the foot of the page dates them the way the site does."""
    filler = "\n".join(f"• Night train route number {n}" for n in range(80))
    for foot, iso in (("12/18/2025 4:00:05 PM\nA comment on the night trains", "2023-10-12"),
                      ("12/11/2025 4:00:05 PM\nA comment on the night trains", None)):   # no order shown
        text = (f"{MENU}\n\nWhy Night Trains Are Coming Back\n10/12/2023 7:38:01 PM | 3 minute read\n\n{BODY}\n"
                f"{FOOTER}\n{filler}\n\n{foot}\n")
        assert clean(text, language=False).to_dict()["published"] == iso, foot


def test_a_dotted_date_on_an_english_page_in_the_order_the_page_shows():
    from cleaner.document import Document
    from cleaner.options import Options
    from cleaner.pipeline import build

    pipeline = build(Options(language=False))
    for foot, iso in (("Recent posts\n11.24.2025", "2024-09-10"), ("Recent posts\n24.11.2025", "2024-10-09"),
                      ("Recent posts\n11.04.2025", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n09.10.2024\n\n{BODY}\n{FOOTER}\n{foot}\n"
        doc = pipeline(Document(text, hints={"page_language": "en"}))
        assert doc.to_dict()["published"] == iso, foot


@pytest.mark.parametrize("text, iso", [
    ("By: Ana Ruiz on 04-ago-2021 5:11:10", "2021-08-04"), ("12.set.2020", "2020-09-12"),   # any page
    ("4 days ago 2021", None), ("set 12 2020", None), ("out-2021", None),   # English words outside such a date
    ("2025•01•08", "2025-01-08"), ("2025·1·8", "2025-01-08"),
    ("2025 • 01 • 08", None), ("2025•13•08", None),
])
def test_a_short_month_of_any_language_between_hyphens_and_a_year_first_date_with_bullets(text, iso):
    assert find_date(text, "en") == iso


def test_a_byline_closing_the_standfirst_on_its_line():
    """A standfirst and its byline printed as one line: the byline after the last sentence,
    the date ending the line. A sentence that goes on after the date, or says "by" inside
    itself, is not a byline, nor is the end of a line longer than a standfirst."""
    deck = "The chain is planning its growth beyond the two countries it serves today."
    for line, iso in ((f"{deck} By Peter Olsen on Dec. 19, 2025", "2025-12-19"),
                      (f"{deck} By Peter Olsen | Dec. 19, 2025", "2025-12-19"),
                      (f"{deck} By Dec. 19, 2025 the first trains will run again", None),
                      (f"{deck * 6} By Peter Olsen on Dec. 19, 2025", None),   # a page run together on one line
                      ("The new timetable was drawn up by Peter Olsen on Dec. 19, 2025 and the first trains "
                       "will run again in the spring of the year after", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n{line}\n\n{BODY}"
        result = clean(text, language=False).to_dict()
        assert result["published"] == iso, line
        assert (result["authors"] == ["Peter Olsen"]) == bool(iso), line


def test_a_pictured_names_line_gives_its_date():
    """An author photo's alt text run together with the byline ("Headshot of Jane Doe … Reviewed by
    Jane Doe, …, on December 9, 2024."): the line named the author and dates the article too."""
    for line, iso in (("Headshot of Peter Olsen, a rail reporter at the Night Post Reviewed by Peter Olsen, "
                       "Editor at the Night Post, on December 9, 2024.", "2024-12-09"),
                      ("Headshot of Peter Olsen, a rail reporter at the Night Post Reviewed by Peter Olsen, "
                       "Editor at the Night Post.", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n4 min read time\n{line}\nMedia image.\n\n{BODY}"
        result = clean(text, language=False).to_dict()
        assert result["authors"] == ["Peter Olsen"] and result["published"] == iso, line


def test_a_note_below_the_article_that_it_was_originally_published():
    """"Originally published on …" below the article gives its first publication: the bare date
    the head printed is the revision's. A labelled date in the head stands (a post published
    anew), and so does the head's date when the note gives none; a head without a date is
    not dated by the note."""
    note = "This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated."
    for dateline, closing, iso in (("30 Sep 2022, 11:07am", note, "2019-09-26"),
                                   ("Published on 30 Sep 2022", note, "2022-09-30"),
                                   ("30 Sep 2022, 11:07am", "This article was originally published by the Night Post.",
                                    "2022-09-30"),
                                   ("Share this article", note, None)):
        head = f"{MENU}\n\nWhy Night Trains Are Coming Back\nBy Peter Olsen\n{dateline}"
        text = f"{head}\n\n{BODY}\n{closing}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, (dateline, closing)


def test_a_date_over_the_links_to_the_neighbouring_posts():
    """A blog post's own footer, its date just over "Previous" / "Next": the post's date. A date
    under those links is a neighbouring post's, and one further over them is not the footer's."""
    after = "Why Buses Are Cheaper\nTRAVELpeter olsenOctober 19, 2022buses, travel\nNext"
    for closing, iso in (("Peter OlsenOctober 12, 2022\nFacebook0 Twitter 0 Likes\nPrevious", "2022-10-12"),
                         ("TRAINSpeter olsenOctober 12, 2022trains, travel, night trains5 Comments\nPrevious",
                          "2022-10-12"),
                         ("Previous", None),
                         ("Peter OlsenOctober 12, 2022\nShare this post\nFacebook0 Twitter 0 Likes\nPrevious", None)):
        text = f"{MENU}\n\nWhy Night Trains Are Coming Back\n\n{LONG_BODY}\n{closing}\n{after}\n{FOOTER}\n"
        assert clean(text, language=False).to_dict()["published"] == iso, closing


def test_title_words_the_engine_finds_are_the_regex_modules():
    """The engine finds a title's words where its Unicode tables and the ``regex`` module's agree."""
    from cleaner.metadata.title import _BEYOND_SHARED, _WORD, _WORDS

    for c in (chr(i) for i in range(0x2070) if not _BEYOND_SHARED.search(chr(i))):
        for text in (c, c + c, f"x{c}x", f"{c}x", f"{c}1{c}"):
            assert _WORDS.findall(text) == _WORD.findall(text), hex(ord(c))


_HEADED_PAGE = """Field Notes

  • About
  • Archive
  • Maps

{title}

by Mara Lindqvist on July 3, 2012

Share  Tweet  Email

For most of the last century the river ran along the eastern edge of the valley, past the old mill
and the stone bridge that the town still puts on its postcards. In the spring of 1987 it moved
nearly a kilometre west in a single week, and the people who lived through the flood still argue
about why.

The official report blamed an unusually fast snowmelt. That explains the amount of water, but not
where it went. When I walked the old channel last month with a hydrologist from the university's
geography department, she pointed out that the eastern bank had been lined with gravel pits for
decades, and every pit lowered the ground a little further from the water.
"""


def test_a_title_line_taken_with_the_page_head_is_labelled_the_title():
    result = clean(_HEADED_PAGE.format(title="Why the River Changed Course"), language=False)
    assert result.title == "Why the River Changed Course"
    [line] = [r for r in result.removed if r.text == "Why the River Changed Course"]
    assert (line.category, line.rule) == ("title", "meta.title")
    assert "Why the River Changed Course" not in result.text


def test_a_title_cut_from_a_longer_line_keeps_that_line_s_claim():
    result = clean(_HEADED_PAGE.format(title="Why the River Changed Course | Field Notes"), language=False)
    assert result.title == "Why the River Changed Course"
    assert all(r.rule != "meta.title" for r in result.removed)


def test_line_counts_read_numbered_lists_only_on_pages_that_start_one():
    """The page's line counts run the numbered-breadcrumb reader only where a line opens with
    "1." or "1)" and fold each line's key on its own: what reading every line counts."""
    from collections import Counter

    from cleaner.document import Document
    from cleaner.metadata.region import read_page, text_key
    from cleaner.metadata.title import _line_counts, _trail_ends

    for crumbs in ("1. Home\n2. Guides\n3. Night Trains", "2. Guides\n3. Night Trains",
                   "1) Startseite\n2) Reisen\n3) Straße der Nachtzüge", "• Home\n• ÜBER UNS"):
        page = read_page(Document(f"{MENU}\n\n{crumbs}\n\nNight Trains\n\n{BODY}"))
        assert page.keys == [text_key(text) for text in page.texts]
        every: Counter[str] = Counter()
        _trail_ends(page, every)
        counts = _line_counts(page)
        assert all(counts[key] >= 1 for key in every)
        assert not any(key.startswith("trail:") for key in counts) or crumbs[:1] == "1"


@given(st.lists(st.sampled_from(["a", "Zé", "Title", " ", "  ", "\u00a0", "\t", "\n", "|", "·", "•", "»", "::", "-",
                                 "–", "—", " | ", " - ", "x" * 30]), max_size=60))
@settings(max_examples=400, deadline=None)
def test_the_site_suffix_is_looked_for_where_it_can_stand(parts):
    """``_suffix`` runs ``_SUFFIX`` only past a separator near the end (or white space that
    runs long): the same matches as running it past any separator."""
    from cleaner.metadata.title import _SEPARATOR, _SUFFIX, _suffix

    text = "".join(parts)
    every = _SUFFIX.match(text) if _SEPARATOR.search(text) else None
    found = _suffix(text)
    assert (found and (found.span(), found.groupdict())) == (every and (every.span(), every.groupdict()))


def test_the_authors_name_alone_after_the_article_is_a_byline():
    """An author box after the article prints the byline's name again on a line of its own:
    a byline, not the article's last words; the name inside a sentence stays."""
    page = ("Home | News | Energy | Contact\n\nGas pipeline dispute escalates\n\nBy Daniel Brooks\n\n"
            "Russian media claim that the operator plans to take over part of the pipeline that runs "
            "across the country, a step the company has denied on several occasions this spring.\n\n"
            "Analysts say the claims have little to do with reality and reflect concern in Moscow "
            "about new supply routes from Norway through Denmark, which open later this year.\n\n"
            "Daniel Brooks\n\nDaniel Brooks writes about energy markets.\n\n© 2024 Example Energy")
    result = clean(page)
    assert result.authors == ["Daniel Brooks"]
    lines = result.text.splitlines()
    assert "Daniel Brooks" not in lines
    assert [s.rule for s in result.segments if page[s.start:s.end] == "Daniel Brooks"] == ["meta.byline"]


def test_a_short_paragraph_that_opens_with_the_authors_name_and_a_verb_is_a_bio():
    """"Jane Doe writes about …" past the byline is the author's bio (boilerplate
    ``author_bio``); "Jane Doe, CEO" over a signed message is not, nor a paragraph that
    names the author inside it."""
    head = ("Home | News | Energy | Contact\n\nGas pipeline dispute escalates\n\nBy Daniel Brooks\n\n"
            "Russian media claim that the operator plans to take over part of the pipeline that runs "
            "across the country, a step the company has denied on several occasions this spring.\n\n"
            "Analysts say the claims have little to do with reality and reflect concern in Moscow "
            "about new supply routes from Norway through Denmark, which open later this year.\n\n")
    bio = "Daniel Brooks writes about energy markets for Example Energy and lives in Hamburg."
    result = clean(head + bio + "\n\n© 2024 Example Energy")
    assert bio not in result.text
    assert [s.rule for s in result.segments if s.rule == "meta.author-bio"] == ["meta.author-bio"]
    short = head.replace("Daniel Brooks", "Bo Chan") + bio.replace("Daniel Brooks", "Bo Chan")
    assert [s.rule for s in clean(short).segments if s.rule == "meta.author-bio"] == ["meta.author-bio"]
    for kept in ("Daniel Brooks, editor\nWe will follow the dispute closely and report on every step of it.",
                 "Readers wrote to Daniel Brooks about the pipeline, and he answers their questions here."):
        result = clean(head + kept + "\n\n© 2024 Example Energy")
        assert not any(s.rule == "meta.author-bio" for s in result.segments), kept


def test_a_first_name_with_a_bios_verb_or_the_paragraph_under_about_the_author_is_a_bio():
    """"Daniel has worked as … He …" past the byline is the bio; "Daniel said …" is not. The
    paragraph under an "About the author" heading is the bio whether or not a byline named
    the author."""
    head = ("Home | News | Energy | Contact\n\nGas pipeline dispute escalates\n\nBy Daniel Brooks\n\n"
            "Russian media claim that the operator plans to take over part of the pipeline that runs "
            "across the country, a step the company has denied on several occasions this spring.\n\n"
            "Analysts say the claims have little to do with reality and reflect concern in Moscow "
            "about new supply routes from Norway through Denmark, which open later this year.\n\n")
    bio = "Daniel has worked as an energy reporter since 2007. He lives in Hamburg with his family."
    assert bio not in clean(head + bio + "\n\n© 2024 Example Energy").text
    said = "Daniel said the operator had not answered his questions about the pipeline by Friday."
    assert said in clean(head + said + "\n\n© 2024 Example Energy").text
    unsigned = head.replace("By Daniel Brooks\n\n", "")
    boxed = ("About the author\n\nMartin has worked as a professional developer since 2007, although his "
             "career in IT began in 2001.")
    result = clean(unsigned + boxed + "\n\nComments\n\n© 2024 Example Energy")
    assert "Martin has worked" not in result.text
    assert any(s.rule == "meta.author-bio" for s in result.segments)
