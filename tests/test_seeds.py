"""The seeds clean as an editor would: what stays, what goes and why."""
from __future__ import annotations

import regex
import pytest

from cleaner import clean


@pytest.fixture(scope="module")
def results(seeds):
    return {key: clean(text, id=key).to_dict() for key, text in seeds.items()}


def _categories(result):
    return {r["category"] for r in result["removed"]}


def test_000_keeps_every_article_paragraph_and_drops_the_embed(results, seeds):
    r = results["000"]
    paragraphs = [p.strip() for p in seeds["000"].split("\n\n") if p.strip() and "twitter.com" not in p]
    assert r["text"].count("\n\n") + 1 == len(paragraphs)
    assert "Is Belarus Set to Join the War?" in r["text"].split("\n\n")  # a heading stays main
    assert [x["category"] for x in r["removed"]] == ["social_embed"]
    assert r["comments"] == [] and r["flags"] == []
    assert r["title"] is None


def test_003_head_metadata(results):
    r = results["003"]
    assert r["title"] == "West Hopes To Drag Belarus Into War With Ukraine"
    assert r["authors"] == ["Ahmed Adel"]
    assert r["text"].startswith("West Hopes To Drag Belarus Into War With Ukraine\n\nUkraine is unlikely")
    assert "Written by" not in r["text"]


def test_003_discussion_found_without_a_heading(results):
    r = results["003"]
    assert r["text"].endswith("in case the Ukrainians do instigate provocations.")
    texts = [c["text"] for c in r["comments"]]
    assert texts[0].startswith("This maybe the ideal excuse")
    assert texts[-1].startswith("Ah, actually")
    assert len(texts) == 22
    assert not any(t in ("Chris Gr", "@Chris Gr.") or t.startswith("Last edited") for t in texts)


def test_003_comment_markers_attach(results):
    comments = results["003"]["comments"]
    by_text = {c["text"].split()[0] + " " + c["text"].split()[1]: c for c in comments}
    assert by_text["It seems"]["edited"] == "14 days ago"
    assert by_text["It seems"]["author"] == "jasonovich"
    assert by_text["You are"]["author"] == "Chris Gr"
    assert by_text["It will"]["author"] == "Chris Gr"
    assert by_text["Yes, the"]["reply_to"] == "Chris Gr"
    assert by_text["Both are"]["author"] == "Chris Gr"
    meta = [x for x in results["003"]["removed"] if x["category"] == "comment_meta"]
    assert len(meta) == 6  # four author lines, one reply marker, one edit marker


def test_003_only_the_slovak_comment_is_flagged(results):
    flags = results["003"]["flags"]
    assert [(f["lang"], f["section"]) for f in flags] == [("sk", "comments")]
    assert flags[0]["text"].startswith("Tak dúfa")
    assert results["003"]["language"] == "en"


def test_004_boilerplate_has_fitting_categories(results):
    r = results["004"]
    assert r["title"] == "US-NATO Wants to Drag Belarus Into War with Ukraine?"
    assert r["authors"] == ["Ahmed Adel"] and r["published"] == "2023-01-24"
    assert {"byline", "site_notice", "subscription_prompt", "share_prompt", "author_bio", "image_credit",
            "separator", "source_note", "disclaimer", "copyright", "contact", "navigation"} <= _categories(r)
    for phrase in ("Global Research", "Follow us", "click", "Disclaimer", "<u>", "InfoBrics"):
        assert phrase not in r["text"], phrase
    assert r["comments"] == [] and r["flags"] == []


def test_004_glued_prompts_leave_the_last_sentence(results):
    last = results["004"]["text"].split("\n\n")[-1]
    assert last.endswith("in case the Ukrainians do instigate provocations.")
    glued = [x for x in results["004"]["removed"] if x["text"].startswith(("Note to readers", "Feel free"))]
    assert {x["category"] for x in glued} == {"share_prompt"}


def _fold(text: str) -> str:
    """Typography differs between publishers (’ vs ', no-break spaces); the words do not."""
    return regex.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip()


def test_same_article_from_two_publishers_gives_the_same_main_text(results):
    body_003 = results["003"]["text"].split("\n\n")[2:]   # after title and standfirst
    body_004 = results["004"]["text"].split("\n\n")[1:]   # after title
    assert [_fold(p) for p in body_003] == [_fold(p) for p in body_004]


def test_every_removal_names_rule_and_category(results):
    for r in results.values():
        assert all(x["rule"] and x["category"] for x in r["removed"])


def _joined(text: str) -> str:
    """The text as a scraper that joins paragraphs with single line breaks leaves it."""
    return "\n".join(line for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("key", ["003", "004"])
def test_paragraphs_joined_by_single_line_breaks_keep_the_article(results, seeds, key):
    """Without blank lines the page marks no paragraphs: each line is read as one, so the
    article, its head metadata and its removals come out as from the original. (003's
    comments have no headers: only the wider gaps between them told them from the
    article, and joining the lines takes those away; its discussion is not asked for.)"""
    joined = clean(_joined(seeds[key]), id=key).to_dict()
    original = results[key]
    article, text = _fold(original["text"].replace("\n\n", " ")), _fold(joined["text"].replace("\n\n", " "))
    assert text == article if key == "004" else text.startswith(article)
    assert joined["title"] == original["title"] and joined["published"] == original["published"]
    assert {r["rule"] for r in joined["removed"]} >= {r["rule"] for r in original["removed"]
                                                      if r["category"] != "comment_meta"}


@pytest.mark.parametrize("key", ["000", "003", "004"])
def test_doubled_line_breaks_clean_like_the_original(results, seeds, key):
    """A converter that writes a blank line after every line keeps the paragraphs apart by
    wider gaps: read back, the seed cleans as the original, comments and all."""
    doubled = clean(seeds[key].replace("\n", "\n\n"), id=key).to_dict()
    original = results[key]
    assert _fold(doubled["text"].replace("\n\n", " ")) == _fold(original["text"].replace("\n\n", " "))
    assert [c["text"] for c in doubled["comments"]] == [c["text"] for c in original["comments"]]
    assert (doubled["title"], doubled["authors"], doubled["published"]) == \
        (original["title"], original["authors"], original["published"])


@pytest.mark.parametrize("key", ["000", "003", "004"])
@pytest.mark.parametrize("width", [72, 100])
def test_paragraphs_wrapped_at_a_width_clean_like_the_original(results, seeds, key, width):
    """Mail, ``fmt`` and text-mode browsers wrap each paragraph at a width: read back as
    one line a paragraph, the seed gives the same words, metadata and comments."""
    import textwrap
    text = "\n".join(textwrap.fill(line, width, subsequent_indent="   ", break_on_hyphens=False) if line.strip() else line
                     for line in seeds[key].split("\n"))
    assert text.count("\n") > seeds[key].count("\n") + 20  # the seed was wrapped
    wrapped = clean(text, id=key).to_dict()
    original = results[key]
    assert wrapped["text"].split() == original["text"].split()
    assert [c["text"].split() for c in wrapped["comments"]] == [c["text"].split() for c in original["comments"]]
    assert (wrapped["title"], wrapped["authors"], wrapped["published"]) == \
        (original["title"], original["authors"], original["published"])
