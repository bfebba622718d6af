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
