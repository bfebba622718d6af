"""The comment stages' tests that the engine runs read text as the ``regex`` module does.

Every pattern of :mod:`cleaner.markers` and :mod:`cleaner.stages.comments.voice` that
runs on the engine (``patterns.engine``) is checked against the same source in the
``regex`` module, on its own words, on lines of real comment chrome and on random
mixtures of both (property tests); so is the page's vocabulary scan.
"""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import markers
from cleaner.patterns import Engine
from cleaner.stages.comments import voice

ENGINES = {f"markers.{n}": getattr(markers, n) for n in dir(markers) if isinstance(getattr(markers, n), Engine)}
ENGINES.update({f"voice.{n}": getattr(voice, n) for n in dir(voice) if isinstance(getattr(voice, n), Engine)})

LINES = [
    "Reply", "reply | 12 points", "Like (3) Reply", "Report abuse", "Show 5 more replies", "+12 votes",
    "Avatar of Mike R", "23 Responses to “A day out”", "Comments (11)", "No comments:", "0 Responses",
    "Leave a Reply", "Comments are closed.", "Mike says:", "October 9, 2012 at 3:04 PM", "2 days ago",
    "@Chris Gr.", "Last edited 14 days ago by Anna", "i think so!! LOL", "The US said it would.",
    "* [Home](http://x.y)", "1. Item", "# Heading", "News »", "a | b", "Ünïcödé Ñame", "ΣΊΣΥΦΟΣ", "3 more comments",
    "According to reports, he told us.", "WHAT?! :-)", "…", "one comment on post", "Discussion", "",
]
PIECES = st.sampled_from([
    *"abcAZ019@#:|.,;!?()[]*-_'’“”»›·•…\t\xa0", " ", "  ", "\n", "é", "Ü", "ß", "ſ", "K", "Σ", "ς", "İ", "中", "٣", "²",
    "reply", "Reply", "like", "points", "comments", "Comments", "responses", "more", "to", "on", "said", "told",
    "US", "LOL", "http://", "](", "says", "ago", "days", "October", "2012", "12:04 pm", "no", "0", "leave a ",
    "avatar", "of", "closed", "are", "read them below", "add a comment",
    "ABCD", "NASA", "ÉABCD", "ABCDé", "_ABCD", "ABCD_", "ABC", "point", "pointsx", "_like", "élike", "like_",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=30).map("".join), st.sampled_from(LINES),
                  st.tuples(st.sampled_from(LINES), st.lists(PIECES, max_size=4).map("".join)).map("".join))


@pytest.mark.parametrize("name", sorted(ENGINES))
@pytest.mark.parametrize("text", LINES)
def test_engine_tests_read_lines_as_regex_does(name, text):
    pattern = ENGINES[name]
    assert pattern.search(text) is bool(pattern.python.search(text))
    assert pattern.match(text) is bool(pattern.python.match(text))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(ENGINES)), TEXTS)
def test_engine_tests_match_the_regex_module(name, text):
    pattern = ENGINES[name]
    assert pattern.search(text) is bool(pattern.python.search(text))
    assert pattern.match(text) is bool(pattern.python.match(text))


def test_every_hot_marker_test_runs_on_the_engine():
    assert {"markers._IS_CUE", "markers._IS_CHROME", "markers._IS_HEADING", "markers._IS_FORM",
            "voice._INFORMAL", "voice._LISTY"} <= set(ENGINES)


GATES = {n: e for n, e in ENGINES.items() if n.startswith("markers._MAY_")}
DATED = st.tuples(st.sampled_from(["", "Mike ", "AmyOctober ", "posted by Joe : ", "Edited ", "Last edited ",
                                   "@", "Reply to ", "Avatar of ", "Anna’s ", "I said that on "]),
                  st.sampled_from(["October 9, 2012 at 3:04 PM", "11:58 AM", "2 days ago", "yesterday",
                                   "Jan 5", "2012-01-05", "5/1/12", "Mike R", "says:", "wrote on", "avatar",
                                   "September 11, 2008", "Today's price", "said...", "14 days ago by Anna"]),
                  st.lists(PIECES, max_size=4).map("".join)).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(sorted(GATES)), st.one_of(TEXTS, DATED))
def test_a_gate_never_turns_a_match_away(name, text):
    """The gates hand the regex module every line it would match (they may pass more)."""
    gate = GATES[name]
    if gate.python.search(text):
        assert gate.may_search(text)
    if gate.python.match(text):
        assert gate.may_match(text)


@pytest.mark.parametrize("text", [*LINES, "AmySeptember 11, 2008 at 2:06 PM", "Mike says: October 9, 2012"])
def test_the_glued_date_gate_passes_every_glued_date(text):
    assert bool(markers.GLUED_DATE.search(text)) <= markers._MAY_GLUED.search(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, DATED))
def test_glued_date_gate_is_a_superset(text):
    assert bool(markers.GLUED_DATE.search(text)) <= markers._MAY_GLUED.search(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, DATED))
def test_words_are_found_as_findall_finds_them(text):
    assert voice._WORDS.findall(text) == voice._WORD.findall(text)
    assert voice._WORDS.findall(text.lower()) == regex.findall(voice._WORDS.source, text.lower())


@pytest.mark.parametrize("text", [*LINES, "_reply_", "re*_ply", "[Re](http://x)ply", "<http://x>ago", "FRİ 3",
                                  "• —", "** ·", "EDITED", "Mon, 3pm", "KELVIN K", "ſays"])
def test_the_cue_gate_passes_every_line_with_a_cue(text):
    """``_MAY_CUE`` reads a line before ``display`` does: it passes every line whose
    display text has the marker cue."""
    _assert_cue_gate_passes(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, DATED))
def test_the_cue_gate_is_a_superset(text):
    _assert_cue_gate_passes(text)


def _assert_cue_gate_passes(text: str) -> None:
    shown = markers.display(text)
    if shown and markers._IS_CUE.search(shown.lower()):
        assert markers._MAY_CUE.search(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, DATED))
def test_the_gate_before_header_passes_every_early_marker(text):
    """``_MAY_OPEN`` stands for the tests ``_parse`` makes before ``header``: a line it turns
    away matches none of them."""
    shown = markers.display(text)
    if markers._IS_CHROME.match(shown) or markers.AVATAR.match(shown) or markers.EDITED.match(shown) \
            or markers.REPLY.match(shown) or markers._IS_HEADING.match(shown) or markers._IS_FORM.match(shown):
        assert markers._MAY_OPEN.may_match(shown)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TEXTS, DATED, st.sampled_from(LINES)), max_size=10))
def test_the_lines_of_a_page_parse_as_one_at_a_time(lines):
    assert markers.parse_all(lines) == {k: m for k, line in enumerate(lines) if (m := markers.parse(line))}


def _header_findings(text: str) -> bool:
    """A date, a time or a verb of saying in ``text`` after each rewrite ``header`` may make."""
    glued = markers.GLUED_DATE.sub(" ", text)
    for rewritten in {text, glued, markers._TRAILING.sub("", text), markers._TRAILING.sub("", glued)}:
        stripped = rewritten.strip(" .|")
        if markers.DATE.search(stripped) or markers.CLOCK_TAIL.search(stripped) \
                or markers.TIME_ONLY.match(stripped) or markers.VERB.search(stripped):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, DATED))
def test_the_header_gate_passes_every_header(text):
    """``_MAY_HEADER`` is asked before ``header`` rewrites the line (a space before a glued
    date, buttons cut off its end): it passes every line with a date, a time or a verb
    of saying after the rewrites."""
    if _header_findings(text):
        assert markers._MAY_HEADER.may_search(text)


PAGE_LINES = st.lists(st.one_of(TEXTS, DATED, st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
                                st.sampled_from(["* Anna Lee", "• http://x.y/anna Anna", "12. Bob K", "[Anna](http://a.b/c)"])),
                      max_size=8)


@settings(max_examples=300, deadline=None)
@given(PAGE_LINES)
def test_lines_read_in_one_call_are_read_as_one_at_a_time(lines):
    from cleaner.render import normalise, normalise_all

    assert normalise_all(lines) == [normalise(line) for line in lines]
    for engine in ENGINES.values():
        assert engine.passing(lines) == {k for k, line in enumerate(lines) if engine.search(line)}
        assert engine.may_passing(lines) == {k for k, line in enumerate(lines) if engine.may_search(line)}


@settings(max_examples=300, deadline=None)
@given(PAGE_LINES)
def test_line_gates_pass_every_name_and_list_item(lines):
    """The page's lines are sorted out in one call before the name and list-item tests:
    no name and no list item of a name is turned away."""
    from cleaner.stages.comments.threads import _ITEM_HEAD, _ITEM_LINES

    names, items = markers.may_be_names(lines), _ITEM_LINES.passing(lines)
    for k, line in enumerate(lines):
        if markers.looks_like_name(line) or markers.looks_like_name(line, True):
            assert k in names
        if _ITEM_HEAD.match(line):
            assert k in items


_VOCABULARY = r"(?<![\p{L}\p{N}_@])\p{Ll}[\p{L}'’-]{2,}"  # the Python reference of _core.lower_words


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, DATED, st.text(alphabet="aAbé1_@-'’ .Xx\n", max_size=40)))
def test_vocabulary_is_the_reference_pattern(text):
    from cleaner import _core
    from cleaner.stages.comments.units import _LOWER_WORD

    found = _core.lower_words(text)
    assert len(found) == len(set(found))
    assert set(found) == set(regex.findall(_VOCABULARY, text))
    source = _LOWER_WORD.pattern if hasattr(_LOWER_WORD, "pattern") else _LOWER_WORD.args[0]
    assert source == _VOCABULARY


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, DATED, st.text(alphabet="iIuUmMeyos’' .!\n", max_size=30)))
def test_voice_tally_is_findall_and_a_count(text):
    """``_voice`` counts words and first- or second-person words with the engine: as it
    did with ``_WORD.findall`` and a loop."""
    low = text.lower()
    tokens = regex.findall(r"[\p{L}\p{N}'’]+", low)
    assert (voice._TALLY or voice._tally()).count(low) == (len(tokens), sum(1 for w in tokens if w in voice._PERSONAL))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbzé1_@-'’ .\nªºʰǅΣσς²٣Ⅻ中ßİK\u0301\u00a0", max_size=40))
def test_vocabulary_scan_reads_unicode_classes_as_the_regex_module(text):
    """The engine's scan reads lower-case letters, letters and numbers from the same
    Unicode tables as its patterns: Lm, Lt and Lo letters, letter-like numbers and marks."""
    from cleaner import _core

    assert _core.lower_words(text) == list(dict.fromkeys(regex.findall(_VOCABULARY, text)))


PARAGRAPHS = st.lists(st.one_of(TEXTS, DATED), max_size=6)


@settings(max_examples=200, deadline=None)
@given(PARAGRAPHS)
def test_a_pages_voices_are_read_as_one_at_a_time(texts):
    assert voice._voices(texts) == [voice._voice(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(TEXTS, DATED).map(lambda t: " ".join(t.split()) or "x"), min_size=1, max_size=5),
                max_size=5))
def test_a_pages_list_shapes_are_read_as_one_at_a_time(paragraphs):
    from cleaner.document import Document

    doc = Document("\n\n".join("\n".join(lines) for lines in paragraphs))
    assert voice._listies(doc, doc.blocks) == [voice._listy(doc, b) for b in doc.blocks]


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, DATED, st.lists(DATED, max_size=3).map(" ".join)))
def test_dates_are_found_where_finditer_finds_them(text):
    """``header`` reads a line's dates off the engine (``_MAY_DATE.spans``): the matches of
    ``DATE.finditer``, each at the same place, also where the gate finds more."""
    assert markers._MAY_DATE.spans(text) == [m.span() for m in markers.DATE.finditer(text)]


@pytest.mark.parametrize("text", [
    "Raplus on November 8, 2012 10:31 pm", "12 October 2012 and 13 October 2012", "Today's best price today",
    "1October 5, 2012", "Ünï October 10, 2012 x 2 days ago ✓ yesterday", "2012-01-05T10:00 5/1/12 at 3:04 PM EST",
    "October 5, 2012's", "on 2012-10-09 at 5:16 pm Alex", "σ 3 weeks ago", "\n2 days ago\n"])
def test_dates_found_by_the_engine_on_lines_of_headers(text):
    assert markers._MAY_DATE.spans(text) == [m.span() for m in markers.DATE.finditer(text)]


ITEM_LINES = st.tuples(st.sampled_from(["* ", "- ", "• ", "12. ", "3) ", "٣. ", "1.\xa0", "*", "¹. ", "o ", ""]),
                       st.sampled_from(["", "2. ", "http://x.y/a ", "https://t.co/b\u2003", "1) "]),
                       st.text(alphabet="Ab é\xa0\u2003\x1c\x85.٣¹-_@", max_size=44)).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(ITEM_LINES, TEXTS), max_size=6))
def test_the_item_gate_passes_every_list_item_of_a_name(lines):
    """A page whose lines hold fewer than two list items of a name has no thread: the
    engine's gate (``_ITEM_LINES``) passes every line ``_ITEM_HEAD`` matches."""
    from cleaner.stages.comments.threads import _ITEM_HEAD, _ITEM_LINES

    passing = _ITEM_LINES.passing(lines)
    assert {k for k, line in enumerate(lines) if _ITEM_HEAD.match(line)} <= passing


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="iImyou’'- .!\nªʰǅΣσ²٣Ⅻ中ßé\u0301\u00a0_@", max_size=40))
def test_voice_tally_reads_unicode_classes_as_the_regex_module(text):
    """The tally reads its one-class pattern character by character, on the same Unicode
    tables as the pattern: letters of every kind, numbers of every kind, not marks."""
    tokens = regex.findall(r"[\p{L}\p{N}'’]+", text)
    assert (voice._TALLY or voice._tally()).count(text) == (len(tokens), sum(1 for w in tokens if w in voice._PERSONAL))


SHORT_LINES = st.one_of(TEXTS, DATED, ITEM_LINES, st.text(alphabet=" \t\xa0\x1c-•#()[]12.)ab*_](<http", max_size=20),
                        st.tuples(st.sampled_from(["- ", "# ", "(3) ", "12. ", "1. 2 ", "• ", "[", "  "]),
                                  st.sampled_from(["May 5, 2012", "Reply]", "Anna Lee", "3 Comments", "2 days ago", "x"]))
                        .map("".join))


@settings(max_examples=500, deadline=None)
@given(st.lists(SHORT_LINES, max_size=8))
def test_lines_are_displayed_in_one_call_as_one_at_a_time(lines):
    """``parse_all`` displays a page's cue lines in one call to the engine: the words
    ``display`` shows, line by line."""
    assert markers.display_all(lines) == [markers.display.__wrapped__(line) for line in lines]
