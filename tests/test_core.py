"""The Rust engine (``cleaner._core``) reads text exactly as the Python reference does.

Display text and word counts are checked against a reference written with
Python's own string methods and the ``regex`` module; every built-in rule's
pattern is checked against the ``regex`` module on its examples,
counterexamples and mutations of them, so the engine's syntax translation and
its lookaround confirmation cannot drift from what the rule author tested.
"""
from __future__ import annotations

import dataclasses
import html
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import _core
from cleaner.document import unified_line_ends
from cleaner.rules import RuleError, load_rules
from cleaner.visible import INVISIBLE

_ELEMENTS = ("a abbr address area article aside audio b big blockquote body br button canvas caption center "
             "cite code col dd del details div dl dt em embed fieldset figcaption figure font footer form "
             "h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark "
             "meta nav noscript object ol option p param picture pre q s samp script section select small "
             "source span strike strong style sub summary sup svg table tbody td template textarea tfoot th "
             "thead time title tr tt u ul var video wbr acronym bdi bdo dfn dialog frame frameset hgroup nobr "
             "rp rt ruby").split()
_TAG = regex.compile(rf"(?i)</?(?:{'|'.join(_ELEMENTS)})(?:\s[^<>]{{0,500}})?/?>")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def reference_normalise(text: str, markup: bool = True) -> str:
    text = unified_line_ends(text)
    if markup:
        text = _TAG.sub("", text)
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = regex.sub(f"[{INVISIBLE}]", "", text)
    text = regex.sub(r"[^\S\n]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


PIECES = st.sampled_from([
    "a", "b", "word", " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x1c", "\x1f", "\xa0", "\u2003", "\u202f", "\u2028",
    "\u200b", "\u00ad", "\ufeff", "\u200e", "\u200f", "\u2066", "\u2069", "\u202b", "<", ">", "&", ";", "<b>", "</div >", "<a href='x'>", "<repo url>", "&amp;",
    "&#39;", "&#x27;", "&nbsp;", "&ampx;", "&#1234567;", "&notin;", "é", "’", "中文",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.booleans())
def test_normalise_matches_the_reference(text, markup):
    assert _core.normalise(text, markup) == reference_normalise(text, markup)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(min_value=0, max_value=400), max_size=12), st.booleans())
def test_normalise_spans_is_normalise_of_each_span(text, cuts, markup):
    """A page's lines read out of its text in one call, as ``normalise`` reads each."""
    points = sorted(min(c, len(text)) for c in cuts)
    starts, ends = points[0::2], points[1::2]
    starts = starts[:len(ends)]
    assert _core.normalise_spans(text, starts, ends, markup) == [_core.normalise(text[a:b], markup)
                                                                 for a, b in zip(starts, ends)]


def test_normalise_spans_wants_spans_in_order_inside_the_text():
    with pytest.raises(ValueError):
        _core.normalise_spans("abc", [2, 0], [3, 1])
    with pytest.raises(ValueError):
        _core.normalise_spans("abc", [0], [4])


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_count_is_str_split(text):
    assert _core.word_count(text) == len(text.split())


def reference_sample(text: str, own: set[str], other: set[str], sample: int) -> tuple[int, int, int, int]:
    """The language stage's first look at a passage, as Python reads it."""
    tokens = text.lower().split()
    if len(tokens) > 2 * sample:
        tokens = tokens[:: len(tokens) // sample]
    return (len(tokens), sum(t in own for t in tokens), sum(t in other for t in tokens), sum(map(len, tokens)))


_CASED = st.sampled_from(["The", "THE", "the", "Und", "und", "ΟΔΟΣ", "İst", "ß", "Straße", "ǅ", " ", "\xa0", "\u2028", "\x1c", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, _CASED), max_size=80).map("".join), st.integers(1, 8))
def test_passage_samples_read_as_python_reads_them(text, sample):
    own, other = {"the", "straße", "οδος", "i̇st"}, {"und", "ß"}
    lists = _core.WordLists(sorted(own), sorted(other))
    assert lists.samples([text], sample) == [reference_sample(text, own, other, sample)]


def reference_function_words(text: str, table: dict) -> tuple[int, int, list[tuple[str, int]]]:
    """The letter runs of a passage and its function words by first occurrence, as ``re`` reads them."""
    from collections import Counter
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return len(tokens), sum(map(len, tokens)), list(Counter(t for t in tokens if t in table).items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, _CASED, st.sampled_from(["_", "3", "²", "٣", "x_y", "l'", "ΣΑ", "\u0301"])),
                max_size=80).map("".join))
def test_function_words_read_as_re_reads_them(text):
    from cleaner.language.words import _function_words
    words, engine = _function_words()
    tokens, letters, found = engine.count(text)
    assert (tokens, letters, [(words[k], n) for k, n in found]) == reference_function_words(text, set(words))


@pytest.mark.parametrize("python, text, expected", [
    (r"^a{,2}$", "aa", True),
    (r"^a{,2}$", "aaa", False),
    (r"x(?i)AB", "xab", True),          # a global flag anywhere applies to the whole pattern
    (r"^[[]x]$", "[x]", True),           # '[' inside a class is a literal in Python
    (r"end\Z", "the end", True),
    (r"^{}$", "{}", True),               # a brace that opens no quantifier is a literal
    (r"\p{Lu}\w+", "Zoë", True),
])
def test_python_syntax_is_read_as_python_reads_it(python, text, expected):
    assert _core.Pattern(python).search(text) is expected
    assert bool(regex.search(python, text)) is expected


def test_nested_quantifiers_run_in_linear_time():
    """A pattern that backtracks exponentially in a backtracking engine is a plain automaton here."""
    pattern = _core.Pattern(r"^(?:a|aa)+$")
    assert pattern.linear
    assert not pattern.search("a" * 100_000 + "b")


def test_lookaround_is_confirmed_and_bounded():
    pattern = _core.Pattern(r"(?i)^(?!(?:open|save)\b)[\w ]{1,50}? logo$")
    assert not pattern.linear
    assert pattern.search("Deloitte Logo") and not pattern.search("Open logo")
    hostile = _core.Pattern(r"^(?=(?:a|aa)+$)")
    assert hostile.search("a" * 30) is True
    assert hostile.search("a" * 5_000 + "b") is False  # gives up within its step budget: no match


def _user_rule(tmp_path, rule_id: str, pattern: str) -> str:
    """A user's rule file holding one rule (``pattern`` as TOML's basic string writes it)."""
    path = tmp_path / "mine.toml"
    path.write_text(f'[[rule]]\nid = "{rule_id}"\ncategory = "markup"\npattern = "{pattern}"\n'
                    'rationale = "r"\nexamples = ["ab"]\ncounterexamples = ["y"]\n')
    return str(path)


def test_an_unsupported_pattern_names_its_rule(tmp_path):
    with pytest.raises(RuleError, match="mine.rec"):
        load_rules([_user_rule(tmp_path, "mine.rec", "a(?R)?b")])


def test_a_pattern_is_parsed_when_read_and_built_when_checked(tmp_path):
    # an unknown property parses but cannot be built: a user's file says so when loaded
    with pytest.raises(RuleError, match="(?s)mine.prop.*property not found"):
        load_rules([_user_rule(tmp_path, "mine.prop", "\\\\p{NoSuchScript}")])
    pattern = _core.Pattern(r"\p{NoSuchScript}")      # how a built-in file is read: parsed only
    assert not pattern.search("anything") and pattern.problem()
    assert _core.Pattern(r"(?i)\p{Lu}\w+").problem() is None
    from cleaner.rule_check import failures
    rule = next(r for r in load_rules() if r.id == "comments.buttons")
    broken = dataclasses.replace(rule, pattern=pattern)
    assert failures(broken)[0].startswith("the engine cannot compile the pattern")


def _mutations(sample: str) -> list[str]:
    return [sample, sample.upper(), sample.lower(), f"  {sample}  ", f"Intro. {sample}", f"{sample} More text here.",
            sample[: len(sample) // 2], sample.replace(" ", "  "), sample + sample, "_" * 60 + "x1.jpgX" + sample]


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.id)
def test_every_builtin_pattern_agrees_with_the_regex_module(rule):
    reference = regex.compile(rule.pattern.pattern)
    for sample in rule.examples + rule.counterexamples:
        for text in _mutations(sample):
            try:
                expected = reference.search(text, timeout=2.0) is not None
            except TimeoutError:
                continue
            assert rule.pattern.search(text) is expected, (rule.id, text)


_BOUNDARY = regex.compile(
    r"(?<=[.!?…][\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[\p{Lu}\p{N}@#])"
    r"|(?<=\S)\s+(?=(?:Click|Follow|Subscribe|Sign up|Share|Join|Like us|Support|Donate)\b)")


def reference_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > pos:
            spans.append((start + pos, start + m.start()))
        pos = m.end()
    if pos < len(text.rstrip()):
        spans.append((start + pos, start + len(text.rstrip())))
    return spans


SENTENCE_PIECES = st.sampled_from([
    "word", "Word", "x", "1", "@me", "#tag", " ", "  ", "\n", "\t", "\x1c", "\u2003", ".", "!", "?", "…", "\"", "'",
    "”", "’", "»", ")", "]", "“", "‘", "«", "(", "[", "Share", "Sign up", "Like us", "Donate", "Shares", "É", "é",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=30).map("".join), st.integers(0, 50))
def test_sentences_match_the_reference(text, start):
    from cleaner.sentences import is_prose, split_sentences
    assert split_sentences(text, start) == reference_sentences(text, start)
    words = len(text.split())
    assert is_prose(text) == (words >= 40 or (words >= 12 and len(reference_sentences(text.rstrip())) >= 2))


# ---- segments: annotations resolved in the engine against the Python reference ------------

from cleaner.document import _STRENGTH, LABELS, MAIN, Annotation, Segment, resolve, split_blocks  # noqa: E402


def reference_resolve(text: str, annotations: list[Annotation], blocks) -> list[Segment]:
    """The resolver as Python: the strongest, latest annotation over each piece of a block."""
    pieces = _reference_pieces(annotations)
    text = unified_line_ends(text)
    segments: list[Segment] = []
    k = 0
    for block in blocks:
        pos = block.start
        while k < len(pieces) and pieces[k][1] <= block.start:
            k += 1
        j = k
        while pos < block.end:
            while j < len(pieces) and pieces[j][1] <= pos:
                j += 1
            if j < len(pieces) and pieces[j][0] <= pos:
                end, owner = min(pieces[j][1], block.end), pieces[j][2]
            else:
                end, owner = min(pieces[j][0] if j < len(pieces) else block.end, block.end), None
            _reference_add(segments, text, pos, end, owner)
            pos = end
    return segments


def _reference_pieces(annotations):
    cuts = sorted({a.start for a in annotations} | {a.end for a in annotations})
    ranked = sorted(enumerate(annotations), key=lambda p: p[1].start)
    pieces, active, r = [], [], 0
    for left, right in zip(cuts, cuts[1:]):
        while r < len(ranked) and ranked[r][1].start <= left:
            active.append(ranked[r])
            r += 1
        active = [p for p in active if p[1].end > left]
        if active:
            pieces.append((left, right, max(active, key=lambda p: (_STRENGTH[p[1].label], p[0]))[1]))
    return pieces


def _reference_add(segments, text, start, end, owner):
    chunk = text[start:end]
    start, end = start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))
    if start >= end:
        return
    label, category, rule = (owner.label, owner.category, owner.rule) if owner else (MAIN, None, None)
    if segments:
        last = segments[-1]
        between = text[last.end:start]
        blank = "\n" in between and any(not part.strip() for part in between.split("\n")[1:-1])
        if (last.label, last.category, last.rule) == (label, category, rule) and not blank:
            last.end = end
            return
    segments.append(Segment(start, end, label, category, rule))


_SEG_TEXT = st.text(st.sampled_from(list("ab é\u4e2d\n\n\r\t\u2028\u2029\u00a0\x0b\ud800")), max_size=60)


@st.composite
def _annotated(draw):
    text = draw(_SEG_TEXT)
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(LABELS),
                                    st.sampled_from([None, "nav", "share"]), st.sampled_from([None, "r1", "r2"])),
                          max_size=8))
    annotations = [Annotation(min(a, b), max(a, b), label, cat, rule) for a, b, label, cat, rule in spans]
    return text, annotations


@given(_annotated())
@settings(max_examples=400, deadline=None)
def test_segments_match_the_reference(case):
    text, annotations = case
    blocks = split_blocks(text)
    starts, ends = [block.start for block in blocks], [block.end for block in blocks]
    assert resolve(text, annotations, starts, ends) == reference_resolve(text, annotations, blocks)


def test_segments_refuse_spans_outside_the_text():
    with pytest.raises(ValueError):
        _core.resolve("abc", [0], [9], [1], [1], [], [])
