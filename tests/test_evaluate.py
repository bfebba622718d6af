"""Evaluation metrics on hand-computed cases, and ``cleaner eval`` end to end.

The end-to-end tests swap ``cleaner.clean`` for a tiny fake whose output can
be worked out by hand from ``fixtures/eval/tiny.jsonl``: a line starting with
``X: `` is removed as navigation, a line starting with ``C: `` is a comment,
every other line is a main-text paragraph. The figures asserted below are
derived in the comments next to them, so a change in the metric code that
moves a number is caught. One more test runs the real engine for shape only.
"""
from __future__ import annotations

import sys

import json
from collections import Counter
from pathlib import Path

import pytest

import cleaner
from cleaner import cli, evaluate
from cleaner.evaluate import (Prediction, Scores, bag_scores, diagnose, overlap_scores,
                              shingle_scores, shingles, snippet_rates, tokenize)
from cleaner.evaluate.metrics import SnippetCounts
from cleaner.evaluate.scoring import score_document, summarise

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "eval" / "tiny.jsonl"


# --------------------------------------------------------------------------- tokens

def test_tokenize_lowercases_words_and_drops_punctuation():
    assert tokenize("The Cat, the HAT!  42 times") == ["the", "cat", "the", "hat", "42", "times"]


def test_tokenize_keeps_unicode_words():
    assert tokenize("Straße café naïve") == ["straße".casefold(), "café", "naïve"]


def test_replacement_character_splits_like_an_apostrophe():
    assert tokenize("don\ufffdt stop") == tokenize("don't stop") == ["don", "t", "stop"]


def test_mojibake_is_repaired():
    # "you’re" encoded as UTF-8 and read back as Latin-1
    damaged = "you’re".encode("utf-8").decode("latin-1")
    assert tokenize(damaged) == tokenize("you’re") == ["you", "re"]
    # the same damage through cp1252 (â€™)
    assert tokenize("it’s".encode("utf-8").decode("cp1252")) == ["it", "s"]


def test_nul_characters_from_utf16_are_dropped():
    assert tokenize("w\x00o\x00r\x00d\x00") == ["word"]


def test_empty_text_has_no_tokens():
    assert tokenize("") == [] and tokenize(" \n -- ") == []


# --------------------------------------------------------------------------- shingles and scores

def test_shingles_are_clipped_multisets_of_4_grams():
    grams = shingles("a b c d a b c d".split())
    # 5 windows: abcd bcda cdab dabc abcd
    assert grams[("a", "b", "c", "d")] == 2
    assert sum(grams.values()) == 5


def test_short_text_gives_words():
    assert shingles(["x", "y"]) == Counter({("x",): 1, ("y",): 1})


def test_both_empty_is_perfect_and_one_empty_is_zero():
    assert overlap_scores(Counter(), Counter()) == Scores(1.0, 1.0, 1.0)
    assert overlap_scores(Counter(a=1), Counter()) == Scores(0.0, 0.0, 0.0)
    assert overlap_scores(Counter(), Counter(a=1)) == Scores(0.0, 0.0, 0.0)
    assert shingle_scores("", "") == Scores(1.0, 1.0, 1.0)
    assert shingle_scores("--", "some gold") == Scores(0.0, 0.0, 0.0)


def test_shingle_scores_hand_computed():
    # predicted 4-grams: abcd bcde cdef defx  (4); gold: abcd bcde cdef defg efgh (5); common 3
    s = shingle_scores("a b c d e f x", "a b c d e f g h")
    assert s.precision == pytest.approx(3 / 4)
    assert s.recall == pytest.approx(3 / 5)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_are_clipped():
    # the output repeats the gold twice: every gold 4-gram is found, half the output is extra
    gold = "one two three four"
    s = shingle_scores(gold + " " + gold, gold)
    # predicted windows: 5 (one of them "one two three four" twice), gold: 1
    assert s.recall == 1.0
    assert s.precision == pytest.approx(1 / 5)


def test_short_side_falls_back_to_words_on_both_sides():
    # gold has 2 words: compare as words; 2 of the 5 predicted words are gold
    s = shingle_scores("short note really great comment", "short note")
    assert (s.precision, s.recall) == (pytest.approx(0.4), 1.0)
    assert s.f1 == pytest.approx(2 * 0.4 / 1.4)


def test_bag_scores_ignore_order():
    assert bag_scores("d c b a", "a b c d") == Scores(1.0, 1.0, 1.0)
    assert shingle_scores("d c b a", "a b c d").f1 == 0.0
    # 6 of 8 words in common both ways
    s = bag_scores("a b c d e f share this", "a b c d e f g h")
    assert (s.precision, s.recall, s.f1) == (0.75, 0.75, 0.75)


def test_snippet_rates_match_substrings_with_whitespace_collapsed():
    main = "Welcome home.\n\nThe  Cat sat\non the mat."
    kept, dropped = snippet_rates(main, ["Cat sat on", "a missing line"], ["Home", "Login", "ome."])
    assert kept == 0.5                       # "Cat sat on" spans a line break: found; the other not
    assert dropped == pytest.approx(2 / 3)   # "ome." is inside "home.": found; "Home" (case) and "Login" absent
    assert snippet_rates(main, None, []) == (None, None)
    assert snippet_rates(main, ["  "], None) == (None, None)


def test_snippets_match_as_a_reader_sees_them_without_invisible_characters():
    # a page's soft hyphens are in its snippets; a cleaned text has none (and the reverse)
    cleaned = "können endlich die Bevölkerung \u200bretten"
    assert snippet_rates(cleaned, ["Bevöl\u00adke\u00adrung retten", "Bevölkerungen"], None) == (0.5, None)
    assert snippet_rates("Über\u00adle\u00adbens", ["Überlebens"], None) == (1.0, None)


def test_snippets_are_pooled_over_pages_and_split_by_language():
    """Hand-computed: page a (de) finds 2 of 3 'with' and 1 of 2 'without'; page b (de) finds
    its one 'with' and none of its 'without'; page c (en) misses its one 'with' and leaks 1 of 1.
    Pooled: TP 3, FN 2, FP 2; P = 3/5, R = 3/5, F1 = 0.6. German: TP 3, FN 1, FP 1:
    P = R = F1 = 0.75. English: TP 0: P = R = F1 = 0. A page average would differ."""
    records = [
        {"id": "a", "lang": "de", "with": ["Der Hund", "bellt laut", "fehlt"], "without": ["Teilen", "Drucken"]},
        {"id": "b", "lang": "de", "with": ["Es regnet."], "without": ["Anmelden"]},
        {"id": "c", "lang": "en", "with": ["missing"], "without": ["Share"]},
    ]
    mains = {"a": "Der Hund\nbellt  laut.\nTeilen", "b": "Es regnet.", "c": "Share"}
    scores = [score_document(r["id"], Prediction(mains[r["id"]]), r) for r in records]
    assert [s.snippets for s in scores] == [SnippetCounts(2, 1, 1, 1), SnippetCounts(1, 0, 0, 1),
                                           SnippetCounts(0, 1, 1, 0)]
    pooled = summarise(scores)["snippets"]["pooled"]
    assert (pooled["all"]["tp"], pooled["all"]["fn"], pooled["all"]["fp"]) == (3, 2, 2)
    assert pooled["all"]["precision"] == pytest.approx(0.6)
    assert pooled["all"]["recall"] == pytest.approx(0.6)
    assert pooled["all"]["f1"] == pytest.approx(0.6)
    assert list(pooled["languages"]) == ["de", "en"]          # by page count
    assert pooled["languages"]["de"]["documents"] == 2
    assert pooled["languages"]["de"]["f1"] == pytest.approx(0.75)
    assert pooled["languages"]["en"]["f1"] == 0.0
    assert summarise(scores)["main"] is None                    # no gold main text: no main-text row


def test_diagnose_names_kept_removed_and_missing_pieces():
    gold = "the quick brown fox jumps over the lazy dog\nnever seen in the input at all"
    prediction = Prediction(
        main="the quick brown fox jumps\n\nSubscribe to our newsletter today",
        removed=[{"text": "over the lazy dog", "category": "navigation", "rule": "nav.x"},
                 {"text": "Home", "category": "navigation", "rule": "nav.y"}])
    source = "the quick brown fox jumps\nover the lazy dog\nSubscribe to our newsletter today\nHome"
    d = diagnose(prediction, gold, source)
    assert [k["text"] for k in d["kept"]] == ["Subscribe to our newsletter today"]
    assert d["removed"] == [{"text": "over the lazy dog", "category": "navigation", "rule": "nav.x"}]
    assert [m["text"] for m in d["missing"]] == ["never seen in the input at all"]


# --------------------------------------------------------------------------- end to end

class _FakeResult:
    def __init__(self, data: dict):
        self._data = data

    def to_dict(self) -> dict:
        return self._data


def _fake_clean(text, *, id=None, options=None, **_):
    main, comments, removed = [], [], []
    for line in text.splitlines():
        if line.startswith("X: "):
            removed.append({"text": line[3:], "category": "navigation", "rule": "test.nav",
                            "start": 0, "end": 0})
        elif line.startswith("C: "):
            comments.append({"text": line[3:], "author": None, "reply_to": None,
                             "edited": None, "start": 0, "end": 0})
        elif line.strip():
            main.append(line.strip())
    return _FakeResult({"id": id, "text": "\n\n".join(main), "comments": comments,
                        "removed": removed, "flags": [], "segments": []})


@pytest.fixture
def fake_engine(monkeypatch):
    monkeypatch.setattr(cleaner, "clean", _fake_clean)


def _eval_main(argv: list[str]) -> int:
    """The ``eval`` command as ``cleaner`` runs it, without the other commands' imports."""
    import argparse
    parser = argparse.ArgumentParser(prog="cleaner")
    evaluate.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def _run(argv: list[str], capsys) -> tuple[int, str]:
    code = _eval_main(argv)
    return code, capsys.readouterr().out


def test_cli_offers_eval(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["eval", "--help"])
    assert exit_.value.code == 0
    assert "--worst" in capsys.readouterr().out


def test_eval_command_on_fixture(fake_engine, tmp_path, capsys):
    out_json = tmp_path / "eval.json"
    code, out = _run(["eval", str(FIXTURE), "--input", "text", "--worst", "2",
                      "--json", str(out_json)], capsys)
    assert code == 0
    result = json.loads(out_json.read_text())
    s = result["summary"]
    assert s["documents"] == 3 and s["errors"] == 0
    assert result["sources"] == {"text": 3}

    # per document (main): a = exact (1, 1, 1; bag 1)
    #   b: output "alpha..zeta" + "share this" vs gold "alpha..zeta eta theta":
    #      4-grams 5 vs 5, 3 common -> P = R = F1 = 0.6; words 6 of 8 -> bag 0.75
    #   c: output 5 words vs 2-word gold -> words: P 0.4, R 1, F1 4/7; bag the same
    main = s["main"]["all"]
    assert main["documents"] == 3
    assert main["precision"] == pytest.approx((1 + 0.6 + 0.4) / 3)
    assert main["recall"] == pytest.approx((1 + 0.6 + 1) / 3)
    assert main["f1"] == pytest.approx((1 + 0.6 + 4 / 7) / 3)
    assert main["bag_f1"] == pytest.approx((1 + 0.75 + 4 / 7) / 3)
    # pages with gold comments: a and c; without: b
    assert s["main"]["with_comments"]["f1"] == pytest.approx((1 + 4 / 7) / 2)
    assert s["main"]["without_comments"]["f1"] == pytest.approx(0.6)
    # comments: a exact (1), b none and none (1), c missed (0)
    assert s["comments"]["all"]["f1"] == pytest.approx(2 / 3)
    assert s["comments"]["with_comments"]["f1"] == pytest.approx(0.5)
    assert s["comments"]["without_comments"]["f1"] == 1.0
    # snippets: 'with' only on a (found); 'without' on a (absent: 1) and b (present: 0)
    assert s["snippets"]["with"] == {"documents": 1, "kept": 1.0}
    assert s["snippets"]["without"] == {"documents": 2, "dropped": 0.5}
    # one navigation removal: "Home News Sport", 15 characters
    assert s["removed"] == {"navigation": {"segments": 1, "chars": 15}}

    # worst two by F1: c (0.571) then b (0.6), each with what went wrong
    worst = result["worst"]
    assert [w["id"] for w in worst] == ["c", "b"]
    assert worst[0]["kept"] == [{"text": "really great comment"}]
    assert worst[1]["kept"] == [{"text": "Share this"}]

    # the printed table carries the same figures
    assert "main text" in out and "0.724" in out  # macro F1 (1 + 0.6 + 4/7) / 3
    assert "navigation" in out and "worst 2 documents" in out
    assert "kept, not gold: really great comment" in out


def test_eval_limit_and_custom_field_names(fake_engine, tmp_path, capsys):
    data = tmp_path / "mine.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [
        {"id": 1, "body": "one two three four five", "gold": "one two three four five"},
        {"id": 2, "body": "other text", "gold": "nothing alike"},
    ]) + "\n")
    out_json = tmp_path / "out.json"
    code, _ = _run(["eval", str(data), "--text-field", "body", "--gold-field", "gold",
                    "--limit", "1", "--json", str(out_json)], capsys)
    assert code == 0
    s = json.loads(out_json.read_text())["summary"]
    assert s["documents"] == 1 and s["main"]["all"]["f1"] == 1.0
    assert s["comments"] is None and s["snippets"] is None  # no such fields in this data


def test_eval_converts_html_records_and_caches(fake_engine, monkeypatch, tmp_path, capsys):
    from cleaner import converters
    calls = []

    def shout(html: str) -> str:
        calls.append(html)
        return html.replace("<p>", "").replace("</p>", "\n")

    monkeypatch.setitem(converters.CONVERTERS, "resiliparse", shout)
    data = tmp_path / "pages.jsonl.gz"
    import gzip
    with gzip.open(data, "wt") as fh:
        fh.write(json.dumps({"id": "p", "html": "<p>one two three four</p><p>X: Menu</p>",
                             "main": "one two three four"}) + "\n")
    cache = tmp_path / "cache"
    for _ in range(2):
        code, out = _run(["eval", str(data), "--cache-dir", str(cache), "--json",
                          str(tmp_path / "o.json")], capsys)
        assert code == 0
    assert len(calls) == 1  # the second run read the cache
    result = json.loads((tmp_path / "o.json").read_text())
    assert result["sources"] == {"resiliparse": 1}
    assert result["summary"]["main"]["all"]["f1"] == 1.0
    assert result["summary"]["removed"] == {"navigation": {"segments": 1, "chars": 4}}


def test_a_cached_text_is_the_text_as_converted(monkeypatch, tmp_path):
    # a converter may leave CR and CR LF line ends: read back, the text must not change
    from cleaner import converters
    from cleaner.evaluate import converted_text

    monkeypatch.setitem(converters.CONVERTERS, "resiliparse", lambda html: "one\r\ntwo\rthree\n")
    first = converted_text("<p>page</p>", "resiliparse", tmp_path)
    assert converted_text("<p>page</p>", "resiliparse", tmp_path) == first == "one\r\ntwo\rthree\n"


def test_eval_html_input_needs_clean_html(monkeypatch, capsys):
    monkeypatch.delattr(cleaner, "clean_html", raising=False)
    monkeypatch.setitem(sys.modules, "cleaner.html", None)  # as if the HTML path were not installed
    with pytest.raises(SystemExit, match="clean_html"):
        _eval_main(["eval", str(FIXTURE), "--input", "html"])


def test_eval_missing_dataset_is_a_clear_error(capsys):
    assert _eval_main(["eval", "/nonexistent/data.jsonl"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_eval_with_the_real_engine(tmp_path, capsys):
    out_json = tmp_path / "eval.json"
    code, out = _run(["eval", str(FIXTURE), "--no-language", "--json", str(out_json)], capsys)
    assert code == 0
    s = json.loads(out_json.read_text())["summary"]
    assert s["documents"] == 3
    for block in (s["main"]["all"], s["comments"]["all"]):
        for key in ("precision", "recall", "f1", "bag_f1"):
            assert 0.0 <= block[key] <= 1.0


def test_bench_skips_cleanly_without_data(tmp_path):
    import subprocess
    import sys
    bench = Path(__file__).resolve().parent.parent / "bench" / "run.py"
    done = subprocess.run([sys.executable, str(bench), "--data", str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "skipping" in done.stdout
