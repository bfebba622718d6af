"""The document model: spans over the original text, resolved without loss."""
from __future__ import annotations

import pytest

from cleaner import InputError, clean, decode
from cleaner.document import Document, split_blocks


def test_blocks_keep_offsets_and_gaps():
    text = "Title\n\n\n  First line \nsecond line\n\nLast"
    blocks = split_blocks(text)
    assert [(text[b.start:b.end], b.gap_before) for b in blocks] == [
        ("Title", 0), ("First line \nsecond line", 2), ("Last", 1)]
    assert [text[l.start:l.end] for l in blocks[1].lines] == ["First line", "second line"]


def test_stronger_and_later_annotations_win():
    doc = Document("aaaa bbbb cccc dddd")
    doc.annotate(0, 19, "comment", None, "c")
    doc.annotate(5, 9, "boilerplate", "share_prompt", "r1")
    doc.annotate(10, 14, "boilerplate", "markup", "r2")
    doc.annotate(10, 14, "boilerplate", "separator", "r3")
    got = [(doc.text[s.start:s.end], s.label, s.rule) for s in doc.segments()]
    assert got == [("aaaa", "comment", "c"), ("bbbb", "boilerplate", "r1"),
                   ("cccc", "boilerplate", "r3"), ("dddd", "comment", "c")]


def test_annotation_outside_the_text_is_refused():
    with pytest.raises(ValueError):
        Document("abc").annotate(0, 10, "boilerplate")
    with pytest.raises(ValueError):
        Document("abc").annotate(0, 1, "deleted")


def test_normalisation_changes_text_not_offsets():
    text = ("Region: <u>Europe</u> &amp; the\u00a0world\u200b said so, in a sentence that is long enough "
            "to be an article paragraph. And another one follows here.")
    result = clean(text, language=False).to_dict()
    assert result["text"] == ("Region: Europe & the world said so, in a sentence that is long enough "
                              "to be an article paragraph. And another one follows here.")
    seg = result["segments"][0]
    assert (seg["start"], seg["end"]) == (0, len(text))


def test_windows_line_endings_do_not_move_offsets():
    text = "Headline Of The Day\r\n\r\nThe first paragraph has two sentences. It is long enough to stay here.\r\n\r\n*\r\n"
    result = clean(text, language=False).to_dict()
    assert result["text"].split("\n\n") == ["Headline Of The Day",
                                            "The first paragraph has two sentences. It is long enough to stay here."]
    star = [r for r in result["removed"] if r["category"] == "separator"][0]
    assert text[star["start"]:star["end"]] == "*"


@pytest.mark.parametrize("data, message", [
    (b"\xff\xfe bad", "invalid UTF-8"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    ("a\x00b", "NUL"),
])
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        decode(data)
    with pytest.raises(InputError):
        clean(data)


@pytest.mark.parametrize("raw, shown", [
    ("<u>www.example.org</u> has more", "www.example.org has more"),
    ('Read <a href="/x">the report</a>.<br/>', "Read the report."),
    ("git clone <repo url>", "git clone <repo url>"),            # not an HTML element: text
    ("<version>: the schema version", "<version>: the schema version"),
    ("Fish &amp; chips", "Fish & chips"),
])
def test_display_text_strips_html_remnants_only(raw, shown):
    assert clean(raw, language=False).to_dict()["text"] == shown


def test_empty_and_blank_documents_give_empty_results():
    for text in ("", "   \n\n \t"):
        result = clean(text).to_dict()
        assert result["text"] == "" and result["segments"] == [] and result["removed"] == []


def test_huge_document_is_refused(monkeypatch):
    import cleaner.errors
    monkeypatch.setattr(cleaner.errors, "MAX_CHARS", 100)
    with pytest.raises(InputError, match="exceeds"):
        clean("x" * 101)


def test_hostile_text_does_not_hang():
    """Long runs of the characters patterns branch on finish quickly (regex timeouts bound the worst case)."""
    import time
    hostile = "\n\n".join(["By " + "A" * 5000, "@" + "a " * 3000, "Photo " * 2000 + ":", "<" * 20000,
                           "-" * 50000, "Follow us on " * 500])
    started = time.perf_counter()
    result = clean(hostile, language=False).to_dict()
    assert time.perf_counter() - started < 20
    assert result["segments"]


def test_stages_can_be_switched_off(seeds):
    text = seeds["003"]
    assert clean(text, disable={"comments"}, language=False).to_dict()["comments"] == []
    assert clean(text, disable={"metadata"}, language=False).to_dict()["authors"] == []
    assert clean(text, language=False).to_dict()["flags"] == []
    without_rules = clean(seeds["004"], disable={"rules"}, language=False).to_dict()
    assert not any(r["rule"].startswith(("share.", "copyright.")) for r in without_rules["removed"])


def test_a_headline_ending_in_a_date_is_the_title_not_a_dateline():
    body = ("Thank you all for the letters this month. Many of you asked about the new book, "
            "and I will answer the questions that came up most often below.")
    out = clean(f"Conversation with my readers, 29 June 2012\n\n{body}", language=False).to_dict()
    assert out["text"].startswith("Conversation with my readers, 29 June 2012")
    out = clean(f"Posted on Friday, June 29, 2012 at 8:15 am\n\n{body}", language=False).to_dict()
    assert out["published"] and not out["text"].startswith("Posted on")


def test_a_stage_that_reads_no_lines_runs_after_they_are_let_go(seeds):
    """The lines and blocks (a Python object each, many times the text on a page of short
    lines) are let go before a last stage that reads only segments: it finds the segments
    the result gives, and no lines held beside them."""
    from cleaner.options import Options
    from cleaner.pipeline import build

    seen = {}

    class Probe:
        name = "probe"
        reads_lines = False

        def __call__(self, doc: Document) -> None:
            seen["blocks"] = doc._blocks
            seen["segments"] = list(doc.segments())

    pipeline = build(Options())
    pipeline.stages.append(Probe())
    result = pipeline(Document(seeds["003"]))
    assert seen["blocks"] is None
    assert seen["segments"] == result.segments
    assert result.to_dict() == clean(seeds["003"]).to_dict()
