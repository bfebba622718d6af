"""The engine's structure features and scores against a Python reference.

The reference below is the Python implementation the engine replaced
(``cleaner/structure/features.py`` and ``model.py`` before the move), kept
compact: the engine must give the same feature names in the same order and the
same scores to the bit. One deliberate difference: the reference lists a line's
chrome-word cues in the order of ``_CUES`` (the old code listed them in the
iteration order of a ``set`` of strings, which changes with the process's hash
seed), as the engine does.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import _core
from cleaner.document import Document
from cleaner.structure.features import StopwordFile, analyse, display, page_units
from cleaner.structure.model import context_features, context_scores, decoding_scores, load_weights, local_scores

# ---------------------------------------------------------------- reference: one line

_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,400}\]\([^()\s]{0,2000}(?:\s+\"[^\n]{0,500}?\")?\)")
_MD_TARGET = re.compile(r"\]\([^()\s]{0,2000}(?:\s+\"[^\n]{0,500}?\")?\)")
_MD_UNDERSCORE = re.compile(r"(?<![\w_])_+(?=\S)|(?<=\S)(?<!_)_+(?![\w_])")
_BULLET = re.compile(r"^(?:[*+\-•·▪►◦‣▸–—]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»“‘«)\]]*)(?:\s|$)")
_DATE = re.compile(r"(?i)\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b")
_GLUED = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
_TITLE_BREAK = re.compile(r"(?<=[a-z\d]) (?=[A-Z][a-z]+ [a-z]{2,})")
_GLUED_TOKEN = re.compile(r"(?<!\S)(?=\S{4})\S*?[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]\S*")
_LETTER = re.compile(r"[^\W\d_]")
_INITIAL = re.compile(r"(?<!\S)[^\W\d_]")
_DIGITS = re.compile(r"\d+")
_TERM = re.compile(r"[^\W\d_]{3,}")
_AGO = re.compile(r"(?i)\b(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|\d+\s*min(?:ute)?s?\s+read)\b")
_CUES = {
    "cookie": ("cookie", "cookies", "consent", "gdpr", "tracking"),
    "legal": ("copyright", "rights", "reserved", "privacy", "terms", "policy", "disclaimer", "imprint", "impressum"),
    "account": ("login", "log", "sign", "signin", "subscribe", "subscription", "register", "account", "newsletter", "password", "email"),
    "share": ("share", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "instagram", "youtube", "reddit", "telegram", "email", "print", "copy", "link"),
    "related": ("related", "recommended", "popular", "trending", "latest", "more", "read", "also", "next", "previous", "prev", "see", "similar", "top", "stories", "articles", "posts", "most"),
    "ad": ("advertisement", "advertising", "sponsored", "ad", "ads", "promoted", "partner", "affiliate", "commission"),
    "nav": ("home", "menu", "search", "skip", "navigation", "contact", "about", "us", "back", "top", "close", "open", "toggle", "main", "content", "sitemap", "categories", "tags", "archives", "faq", "help"),
}
_SYMBOLS = ("|", "»", "›", "•", "·", "/", "©", ">", "→", "←")


def _binner(edges, name):
    labels = [f"{name}<{edges[0]}"] + [f"{name}>={e}" for e in edges]
    return lambda value: labels[bisect_right(edges, value)]


NWORDS = _binner((1, 2, 3, 4, 5, 7, 9, 12, 16, 22, 30, 45, 70, 120), "nw")
STOP = _binner((0.05, 0.15, 0.25, 0.35, 0.45, 0.6), "stop")
CAPS = _binner((0.2, 0.4, 0.6, 0.8, 0.95), "caps")
DIGIT = _binner((0.05, 0.15, 0.3, 0.5), "digit")
LINKS = _binner((0.05, 0.3, 0.6, 0.9), "link")
SENTS = _binner((1, 2, 3, 5), "sents")
MEANLEN = _binner((3.0, 4.0, 5.0, 6.0, 7.5, 10.0), "wlen")
REPEAT = _binner((2, 3, 5), "rep")
POS = _binner((0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95), "pos")
BLINES = _binner((2, 3, 5, 9, 17), "blines")
BWORDS = _binner((4, 10, 25, 60, 150, 400), "bwords")
BSHORT = _binner((0.2, 0.5, 0.8, 0.99), "bshort")
GLUED = _binner((0.1, 0.3), "glued")
BREAKS = _binner((0.02, 0.05, 0.1), "breaks")
PREFIX = _binner((3, 5, 10), "prefix")
_FLAT_CROSSED = ("nw", "sents", "end_", "breaks", "date_in_long", "prose")


def ref_display(raw):
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
        parts, pos = [], 0
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


def ref_line(raw, stopwords):
    """(words, chars, display text lower-cased, prose?, features, repetition key, content words)."""
    shown, link_chars, is_list, is_heading, links, images = ref_display(raw)
    low = shown.lower()
    words = _WORD.findall(low)
    nw = len(low.split())
    chars = len(shown)
    f = [NWORDS(nw)]
    if words:
        stop = sum(map(stopwords.__contains__, words)) / len(words)
        f += [STOP(stop), MEANLEN(sum(map(len, words)) / len(words))]
    else:
        stop = 0.0
        f.append("nowords")
    if _LETTER.search(low) is not None:
        initials = _INITIAL.findall(shown)
        if initials:
            f.append(CAPS(sum(map(str.isupper, initials)) / len(initials)))
        if shown.lstrip("\"'“‘«(¿¡[")[:1].islower():
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
    elif end in "\"'”’»“‘«)":
        f.append("end_quote" if shown[-2:-1] in ".!?," else "end_close")
    elif end == ":":
        f.append("end_colon")
    elif end in ",;":
        f.append("end_comma")
    elif end:
        f.append("end_other")
    sents = len(_SENTENCE_END.findall(shown)) if nw >= 3 else 0
    f.append(SENTS(sents))
    f += ["list"] * is_list + ["md_heading"] * is_heading
    if links:
        f.append(LINKS(link_chars / max(chars, 1)))
        if links >= 3:
            f.append("links>=3")
    f += ["image"] * bool(images) + ["markup_only"] * (not shown)
    f += ["sym" + sym for sym in _SYMBOLS if sym in shown]
    first = set(words[:12])
    f += [("cue_short_" if nw <= 12 else "cue_long_") + cue for cue, ws in _CUES.items() if first.intersection(ws)]
    if "©" in shown or "(c)" in low:
        f.append("copyright")
    if digits and _DATE.search(shown):
        f.append("date" if nw <= 12 else "date_in_long")
    if nw <= 12 and digits and _AGO.search(low):
        f.append("ago")
    if nw <= 3 and chars <= 25:
        f.append("tiny")
    prose = nw >= 8 and stop >= 0.2 and (sents >= 1 or end in ".!?…\"”’")
    f += ["prose"] * prose + ["long_stop"] * (nw >= 20 and stop >= 0.25)
    terms = frozenset(w for w in _TERM.findall(low) if w not in stopwords)
    return nw, chars, low, prose, tuple(f), " ".join(words), terms


# ---------------------------------------------------------------- reference: a page

def ref_page(doc, stopwords):
    """Per unit: (words, text, prose, features, terms, block, flat)."""
    text, size = doc.text, max(len(doc.text), 1)
    units = page_units(doc)
    rows, keys = [], []
    for group in units:
        for line in group:
            nw, chars, low, prose, own, key, terms = ref_line(text[line.start:line.end], stopwords)
            f = list(own) + [POS(line.start / size)]
            if line.flat:
                f += ["flat"] + ["flat_" + x for x in own if x.startswith(_FLAT_CROSSED)]
            f.append("single_line_block" if len(group) == 1 else "block_first" if line is group[0]
                     else "block_last" if line is group[-1] else "block_mid")
            rows.append([nw, low, prose, f, terms, line.block, line.flat])
            keys.append(key)
    counts, prefixes, heads = {}, {}, []
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
        parts = k.split(" ", 2)
        heads.append(" ".join(parts[:2]) if len(parts) >= 3 else "")
        if heads[-1]:
            prefixes[heads[-1]] = prefixes.get(heads[-1], 0) + 1
    for row, k, head in zip(rows, keys, heads):
        if counts.get(k, 0) >= 2:
            row[3].append(REPEAT(counts[k]))
            if row[0] >= 8:
                row[3].append("repeat_long")
        if head and prefixes[head] >= 3:
            row[3].append(PREFIX(prefixes[head]))
    i = 0
    for group in units:
        members = rows[i:i + len(group)]
        n = len(group)
        feats = [BLINES(n), BWORDS(sum(m[0] for m in members)), BSHORT(sum(1 for m in members if m[0] <= 4) / n)]
        feats += ["block_listy"] * (sum(1 for m in members if "list" in m[3]) / n >= 0.5)
        feats += ["block_has_prose"] * any(m[2] for m in members)
        for m in members:
            m[3].extend(feats)
        i += n
    return rows


# ---------------------------------------------------------------- reference: context

SCORE_EDGES = (-4.0, -2.5, -1.5, -0.75, 0.0, 0.75, 1.5, 2.5, 4.0)
MASS_BEFORE = _binner((0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999), "mb")
MASS_AFTER = _binner((0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999), "mass_after_mb")
BEFORE_REGION = _binner((1, 2, 4, 8, 16, 40), "before")
AFTER_REGION = _binner((1, 2, 4, 8, 16, 40), "after")
REGION_SHARE = _binner((0.2, 0.4, 0.6, 0.8), "rshare")
TOPIC = _binner((0.1, 0.25, 0.4, 0.55, 0.7, 0.85), "topic")
_SCORE = {name: _binner(SCORE_EDGES, name) for name in ("s", "p1", "n1", "p3", "n3", "p10", "n10", "blk")}
_SQRT = [1.0 + k ** 0.5 for k in range(61)]
_RELATED_HEAD = re.compile(r"\W*(?:related|recommended|more (?:from|stories|articles|news|posts|on|in|like this|to read|related)|read (?:more|next|also)|also read|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|popular|most (?:read|popular|viewed|shared)|trending|latest|top stories|further reading|see also|recent (?:posts|articles|stories)|what to read next|up next|editor'?s picks|similar)\b")


def _best_region(values):
    best, best_a, best_b, run, a = 0.0, 0, 0, 0.0, 0
    for i, v in enumerate(values):
        run, a = (v, i) if run <= 0.0 else (run + v, a)
        if run > best:
            best, best_a, best_b = run, a, i + 1
    return best_a, best_b


def ref_context(rows, s1):
    """Pass-2 feature names of ``rows`` (:func:`ref_page`) given pass-1 scores."""
    n = len(rows)
    clipped = [6.0 if s > 6.0 else -6.0 if s < -6.0 else s for s in s1]
    prefix = [0.0] * (n + 1)
    for i, v in enumerate(clipped):
        prefix[i + 1] = prefix[i] + v

    def win(a, b, name):
        a, b = max(a, 0), min(b, n)
        return name + "_none" if b <= a else _SCORE[name]((prefix[b] - prefix[a]) / (b - a))

    mass = [v * _SQRT[min(row[0], 60)] for v, row in zip(clipped, rows)]
    ra, rb = _best_region(mass)
    positive = [m if m > 0.0 else 0.0 for m in mass]
    total = sum(positive) or 1.0
    share = REGION_SHARE(max(rb - ra, 0) / n) if n else REGION_SHARE(0.0)
    block_sum, block_count = {}, {}
    for row, v in zip(rows, clipped):
        block_sum[row[5]] = block_sum.get(row[5], 0.0) + v
        block_count[row[5]] = block_count.get(row[5], 0) + 1
    vocab = {}
    for k in range(ra, rb):
        if clipped[k] > 0.0:
            for t in rows[k][4]:
                vocab[t] = vocab.get(t, 0) + 1
    topic = []
    for k, row in enumerate(rows):
        if len(vocab) < 40 or len(row[4]) < 3:
            topic.append("topic_na")
        else:
            own = 1 if ra <= k < rb and clipped[k] > 0.0 else 0
            topic.append(TOPIC(sum(1 for t in row[4] if vocab.get(t, 0) > own) / len(row[4])))
    out, before_mass, since = [], 0.0, 99
    for i, row in enumerate(rows):
        words, text, prose = row[0], row[1], row[2]
        if prose:
            since = 99
        f = [_SCORE["s"](clipped[i]), win(i - 1, i, "p1"), win(i + 1, i + 2, "n1"), win(i - 3, i, "p3"),
             win(i + 1, i + 4, "n3"), win(i - 10, i, "p10"), win(i + 1, i + 11, "n10")]
        if block_count[row[5]] > 1:
            f.append(_SCORE["blk"]((block_sum[row[5]] - clipped[i]) / (block_count[row[5]] - 1)))
        f.append(MASS_BEFORE(before_mass / total))
        before_mass += positive[i]
        f.append(MASS_AFTER(1.0 - before_mass / total))
        f.append("in_region" if ra <= i < rb else BEFORE_REGION(ra - i) if i < ra else AFTER_REGION(i - rb + 1))
        f += [share, topic[i]]
        if since <= 3:
            f.append("after_related<=3")
        elif since <= 15:
            f.append("after_related<=15")
        if words <= 8 and _RELATED_HEAD.match(text):
            since = 0
            f.append("related_head")
        else:
            since += 1
        if '{"' in text or text.count('":') >= 2 or text.startswith(("<", "{", "function(", "var ", "window.")):
            f.append("code")
        out.append(f)
    return out


class _Row:
    """A reference row as the model's Python functions read a unit."""

    def __init__(self, row):
        self.features = row[3]
        self.line = type("U", (), {"flat": row[6], "block": row[5]})


def ref_scores(rows, weights):
    infos = [_Row(r) for r in rows]
    own = s = local_scores(infos, weights.local, weights.local_bias)
    for w, bias in weights.passes:
        s = context_scores(ref_context(rows, s), infos, w, bias)
    return decoding_scores(s, own, infos, weights.lift, weights.bias, weights.bias_flat)


# ---------------------------------------------------------------- the comparisons

STOPWORDS = load_weights().stopwords
ENGINE = _core.Features(sorted(STOPWORDS))

LINES = [
    "", "   ", "Home", "## Latest news", "* [Sign in](https://example.com/login) | [Register](/r)",
    "![logo](/img/logo.png \"Logo\") Welcome to the site", "1. First item", "a) lettered", "12345. not a list",
    "Posted Dec 19, 2025 by staff", "Updated 3 hours ago", "5 min read", "19 December 2025", "2025-12-19",
    "NoticeTerms PrivacyPolicy CookieSettings", "The committee met on Tuesday and said that the plan, which it "
    "had discussed for years, was finally ready.", "“Quoted.”", "x)", "\"", "__init__ and _emphasis_ and snake_case",
    "**Bold** text", "Visit www.example.com or http://x.y/z today", "© 2024 Example Inc. All rights reserved.",
    "Weight Loss Diets Protein continues to be huge in the diet world and it is here to stay",
    "ΟΔΟΣ ΣΑΣ Σ", "İstanbul ſtraße K", "١٢/٣/٢٠٢٠ التاريخ", "Müller-Lüdenscheidt GmbH & Co. KG", "a\u0301b c\u0308d",
    "share tweet email print", "{\"a\": 1, \"b\": 2}", "⅓ cup ² ½", "\x1cinfo\x1fsep", "Related: more stories",
]


def _compare_line(raw):
    nw, chars, low, prose, feats, key, terms = ENGINE.line(raw)
    assert (nw, chars, low, prose, tuple(feats), key, frozenset(terms)) == ref_line(raw, STOPWORDS), raw
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize("raw", LINES)
def test_a_line_has_the_reference_features(raw):
    _compare_line(raw)
    assert display(raw) == ref_display(raw)


ALPHABET = st.sampled_from(list("aAbZz09 _*#[]()!.,;:?\"'”’»“‘«„-/|©•<>{}\t\u00a0\x1cé߀ΣσİıſK١²½\u0301\u200b\n") +
                           ["http://", "www.", "](", "![", "Dec ", " 2025", "ago", "min", "read", "related",
                            "the ", "and "])
_lines = st.lists(ALPHABET, max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_any_line_has_the_reference_features(raw):
    _compare_line(raw)
    assert display(raw) == ref_display(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_lower_cased_as_python_does(raw):
    assert ENGINE.line(raw)[2] == ref_display(raw)[0].lower()


def _compare_page(text):
    doc = Document(text)
    infos = analyse(doc, STOPWORDS)
    rows = ref_page(doc, STOPWORDS)
    assert [i.features for i in infos] == [r[3] for r in rows]
    assert [(i.words, i.text, i.prose, i.terms) for i in infos] == [(r[0], r[1], r[2], r[4]) for r in rows]
    w = load_weights()
    # the first context pass's names, from the engine and from the reference
    s1 = local_scores(infos, w.local, w.local_bias)
    assert context_features(infos, s1) == ref_context(rows, s1)
    assert w.scores(infos) == ref_scores(rows, w)  # to the bit
    return infos


PAGE = (
    "Skip to content\nHome\nNews\nSport\n\n"
    "# Otters return to the river\n\nBy Jane Doe | Dec 19, 2025\n\n"
    "Otters returned to the river after fifty years, biologists said on Monday. The otters feed on fish.\n"
    "Biologists counted twelve otters along the river banks this spring, and the fish followed.\n\n"
    "## Related\n\n* [Beavers build again](/b)\n* [Salmon leap the weir](/s)\n\n"
    "© 2025 River News. All rights reserved.\nPrivacy Policy\nTerms of Use\n"
)


def test_a_page_has_the_reference_features_and_scores():
    infos = _compare_page(PAGE)
    assert "list" in infos[-5].features or "list" in infos[-4].features
    assert load_weights().decode(infos) == load_weights().decode(list(infos))


def test_a_flattened_page_has_the_reference_features_and_scores():
    flat = " ".join(["Home News Sport Weather Contact Us"] +
                    ["The council approved the new budget on Monday after a long debate."] * 40 +
                    ["Share this article Facebook Twitter Email"])
    infos = _compare_page("Menu\n" + flat + "\nFooter links")
    assert any(i.line.flat for i in infos)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_lines, st.sampled_from(LINES)), max_size=30).map("\n".join))
def test_any_page_has_the_reference_features_and_scores(text):
    _compare_page(text)


def test_a_subset_of_units_is_scored_as_the_reference_scores_it():
    doc = Document(PAGE)
    infos = analyse(doc, STOPWORDS)
    rows = ref_page(doc, STOPWORDS)
    keep = [k for k in range(len(infos)) if k % 3]
    w = load_weights()
    assert w.scores([infos[k] for k in keep]) == ref_scores([rows[k] for k in keep], w)


def test_every_weighted_name_is_a_feature_the_engine_knows():
    """A weight whose name the engine cannot produce would be dropped without a word."""
    data = json.loads(resources.files("cleaner").joinpath("data/structure.json").read_text(encoding="utf-8"))
    names = set(data["local"]["weights"])
    for p in data["passes"]:
        names |= set(p["weights"])
    assert names - set(_core.feature_names()) == set()


def test_units_of_two_pages_are_refused():
    a = analyse(Document("One line.\nTwo lines."), STOPWORDS)
    b = analyse(Document("Other page."), STOPWORDS)
    with pytest.raises(ValueError):
        load_weights().decode(a + b)


def test_the_engine_reads_the_stopword_file_as_the_listed_words():
    """The packaged stopwords are read by the engine from their file: the same lines as
    an engine given the words, and the file's words are the set Python reads."""
    assert isinstance(STOPWORDS, StopwordFile) and len(STOPWORDS) == 23134
    from_file = _core.Features.from_file(STOPWORDS.path)
    for raw in LINES:
        assert from_file.line(raw) == ENGINE.line(raw)
    with open(STOPWORDS.path, encoding="utf-8") as handle:
        assert frozenset(handle.read().split()) == STOPWORDS.words  # no word holds a space


def test_weights_may_list_their_stopwords(tmp_path):
    """A weights file with the stopwords in it (as fitted before they had a file of
    their own) reads as one that names their file."""
    data = json.loads(resources.files("cleaner").joinpath("data/structure.json").read_text(encoding="utf-8"))
    data["stopwords"] = sorted(STOPWORDS)
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    listed = load_weights(str(path))
    assert listed.stopwords == STOPWORDS.words
    doc = Document("Home | News\n\nThe committee met on Tuesday and said that the plan was ready.")
    assert listed.decode(analyse(doc, listed.stopwords)) == load_weights().decode(analyse(doc, STOPWORDS))
    with pytest.raises(FileNotFoundError):
        _core.Features.from_file(str(tmp_path / "missing.txt"))


# ---------------------------------------------------------------- languages that capitalise nouns

GERMAN = _core.Features(sorted(STOPWORDS), [], True)


def _bins(engine, raw, prefix):
    return [f for f in engine.line(raw)[4] if f.startswith(prefix)]


def test_a_sentence_in_a_language_that_capitalises_nouns_reads_its_capitals_from_a_floor():
    """A German sentence has a third of its words capitalised (its nouns): read as an English
    sentence would be, its share counts from 0.2 up, and no title breaks are read in it."""
    raw = "Eine Schneedecke auf der Anlage sorgt nicht nur für geringeren Ertrag, sagt der Experte."
    share = 5 / 14  # Eine, Schneedecke, Anlage, Ertrag, Experte
    assert _bins(ENGINE, raw, "caps") == [CAPS(share)] == ["caps>=0.2"]
    assert _bins(GERMAN, raw, "caps") == [CAPS((share - 0.2) / 0.8)] == ["caps<0.2"]
    assert _bins(ENGINE, raw, "breaks") and not _bins(GERMAN, raw, "breaks")
    assert _bins(GERMAN, raw, "flat_breaks") == []


@pytest.mark.parametrize("raw", ["Mehr aus Thüringen", "Schutz der Kegelrobben", "• Startseite", "Die meistgelesenen Artikel"])
def test_a_short_line_reads_its_capitals_alike_in_every_language(raw):
    """Menu items and headings are capitalised in English too (title case): under eight words
    a line's features do not depend on the language's nouns."""
    assert GERMAN.line(raw) == ENGINE.line(raw)


@pytest.mark.parametrize("raw", ["Der Bischof schloss mit den Worten: „Bleiben Sie getrost! Gott ist nah.“",
                                 "Sie sagte: »Wir bleiben hier.« Dann ging sie."])
def test_a_german_quotation_closes_a_sentence(raw):
    """German closes a quotation with “ (or «): a paragraph ending in one ends in a quote,
    and a sentence end inside one counts."""
    feats = ENGINE.line(raw)[4]
    assert ("end_quote" in feats) == raw.endswith("“")
    assert "end_other" not in feats
    assert "sents>=2" in feats


def test_units_out_of_page_order_have_the_reference_context():
    """The engine sums a block's pass-1 scores run by run when the units come in page order,
    and by block otherwise (a block's units reversed, or apart): each is the reference's."""
    doc = Document(PAGE)
    infos = analyse(doc, STOPWORDS)
    rows = ref_page(doc, STOPWORDS)
    w = load_weights()
    n = len(infos)
    for order in (list(range(n)), list(range(n))[::-1], list(range(1, n)) + [0]):
        chosen = [infos[k] for k in order]
        s1 = local_scores(chosen, w.local, w.local_bias)
        assert context_features(chosen, s1) == ref_context([rows[k] for k in order], s1)
