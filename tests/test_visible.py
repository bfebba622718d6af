"""Invisible characters and odd line ends do not change what the cleaner decides.

Every seed and plain-text fixture is cleaned as it is and again with characters
a reader never sees injected (zero-width characters inside words, bidirectional
marks at line ends and around words) and with its line ends rewritten (CR, CR LF,
U+2028): the main text, the comments, what was removed and why, and the metadata
must come out the same, with every offset still pointing at the input.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.render import normalise

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("fixtures/*/*.txt"))
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"]
ISOLATES = [("\u2066", "\u2069"), ("\u2068", "\u2069"), ("\u202a", "\u202c")]


def _summary(text: str) -> dict:
    result = clean(text, language=False).to_dict()
    return {"text": result["text"], "title": result["title"], "authors": result["authors"],
            "published": result["published"],
            "comments": [(c["text"], c["author"], c["reply_to"], c["edited"]) for c in result["comments"]],
            "removed": [(normalise(r["text"]), r["category"], r["rule"]) for r in result["removed"]]}


def _inject(text: str, rng: random.Random) -> str:
    """Zero-width characters inside words, a bidi mark at line ends, isolates around names."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        for i, word in enumerate(words):
            if len(word) > 3 and rng.random() < 0.3:
                k = rng.randrange(1, len(word))
                word = word[:k] + rng.choice(INVISIBLE) + word[k:]
            if word[:1].isupper() and rng.random() < 0.1:
                left, right = rng.choice(ISOLATES)
                word = left + word + right
            words[i] = word
        line = " ".join(words)
        if line.strip() and rng.random() < 0.5:
            line += rng.choice(["\u200e", "\u200f", "\u2069"])
        out.append(line)
    return "\n".join(out)


def _covered(text: str, result: dict) -> bool:
    spans = sorted((s["start"], s["end"]) for s in result["segments"])
    marks = [False] * len(text)
    for a, b in spans:
        for i in range(a, b):
            if marks[i]:
                return False
            marks[i] = True
    return all(marks[i] or text[i].isspace() for i in range(len(text)))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\u2028"])
def test_line_ends_do_not_change_the_result(path, line_end):
    text = path.read_text(encoding="utf-8")
    assert _summary(text.replace("\n", line_end)) == _summary(text)


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(PAGES), st.integers(0, 10_000))
def test_invisible_characters_do_not_change_the_result(path, seed):
    text = path.read_text(encoding="utf-8")
    injected = _inject(text, random.Random(seed))
    assert _summary(injected) == _summary(text)
    assert _covered(injected, clean(injected, language=False).to_dict())


def test_a_line_of_invisible_characters_is_still_named():
    text = "A paragraph of the article that is long enough to be one. It goes on.\n\n\u200d\u200b\n\nAnother one here."
    removed = clean(text, language=False).to_dict()["removed"]
    assert [(text[r["start"]:r["end"]], r["rule"]) for r in removed] == [("\u200d\u200b", "markup.invisible")]


@pytest.mark.parametrize("line", ["Share this article on Facebook \u200b", "\ufeff Share this article on Facebook",
                                  "Share this article on Facebook \u200e\u200f "])
def test_an_invisible_character_at_a_removed_line_s_edge_goes_with_it(line):
    """Cut from the view, a character past the line's spaces is covered by no span of the line:
    it goes with the line's removal, not into a segment of its own."""
    body = "A paragraph of the article that is long enough to be one. It goes on for a while.\n\n"
    text = body + line + "\n\n" + body
    result = clean(text, language=False).to_dict()
    invisible = {s["label"] for s in result["segments"] if not text[s["start"]:s["end"]].strip(INVISIBLE_CHARS + " ")}
    assert invisible == set()
    assert any("Share this article" in r["text"] for r in result["removed"])


INVISIBLE_CHARS = "".join(INVISIBLE) + "".join(a + b for a, b in ISOLATES)


def test_a_wrapped_paragraph_is_one_line_and_a_menu_or_a_reference_list_is_not():
    from cleaner.wrapping import wrap_breaks
    import textwrap
    prose = ("The council met on Tuesday to discuss the new budget for the river park, and the members "
             "agreed that the road along the water should be closed to cars during the summer months so "
             "that families can walk and cycle there in safety. ") * 3
    wrapped = "\n\n".join(textwrap.fill(prose, 76) for _ in range(4))
    breaks = wrap_breaks(wrapped)
    assert breaks and all(wrapped[at] == "\n" for at in breaks)
    assert all(wrapped[at + 1] != "\n" for at in breaks)  # a paragraph's end stays
    menu = "\n".join(f"Section number {k} of the site with its own long menu label here" for k in range(40))
    assert wrap_breaks(menu) == []
    refs = "\n".join(f"{k}. A systematic review of the evidence on walking in parks and health outcomes.\n"
                     f"    https://example.org/articles/{k}" for k in range(20))
    assert wrap_breaks(refs) == []
    assert wrap_breaks(prose) == []  # one line a paragraph already


SHORT_ARTICLE = ("We stall or try for perfect or have meetings or polish or avoid the final go because "
                 "we're afraid that it might not work, that the art won't be well received, that people "
                 "will hate it. Here's the thing: there's a box on the table and you need to decide whether "
                 "or not you're going to open it. All the wishing and planning and imagining isn't going to "
                 "change what's already in the box, and the well-known fear of a first-time failure doesn't "
                 "deserve anxiety either, because what's in the box was decided a long time ago.")


def _markdown_page(article: str) -> str:
    """A page as html2text prints it by default: paragraphs wrapped at 78 columns, list items
    and link lines left whole, however long."""
    import textwrap
    links = "\n".join(f"  * [Another long headline from the archive, number {k}](http://example.org/2012/07/"
                      f"another-long-headline-from-the-archive-number-{k}.html)" for k in range(90))
    wrapped = textwrap.fill(article, 78)  # breaks inside hyphenated words too
    return f"{links}\n\n### What's in the box?\n\n{wrapped}\n\nPosted by [Seth](http://example.org/seth) " \
           f"on July 21, 2012 | [Permalink](http://example.org/2012/07/whats-in-the-box.html)\n"


def test_a_short_wrapped_article_among_long_link_lines_is_read_unwrapped():
    from cleaner.visible import view
    from cleaner.document import Document

    article = " ".join([SHORT_ARTICLE] * 2)
    text = _markdown_page(article)
    seen, _ = view(Document(text))
    assert " ".join(article.split()) in seen.text.split("\n")  # the paragraph is one line again


def test_a_line_broken_inside_a_hyphenated_word_is_joined_without_a_space():
    from cleaner.visible import view
    from cleaner.document import Document
    import textwrap

    article = " ".join([SHORT_ARTICLE] * 2)
    breaking = [w for w in range(60, 90) if any(line.endswith("-") for line in textwrap.wrap(article, w))]
    text = "\n\n".join(textwrap.fill(article, breaking[0]) for _ in range(3))
    seen, _ = view(Document(text))
    assert seen.text.split("\n\n") == [" ".join(article.split())] * 3


def test_a_short_wrapped_article_among_many_short_lines_is_read_unwrapped():
    # a page of menu lines and teasers around one article, wrapped at 78 (html2text's default);
    # lines ending in a link's long address say nothing of the width
    from cleaner.document import Document
    from cleaner.visible import view
    import textwrap

    menu = "\n".join(f"[Another section of the site, number {k:03}](/section/{k})" for k in range(100))
    notes = "\n".join(f"Read the whole report on the state of the parks at https://example.org/reports/{k}/"
                      f"the-state-of-the-parks-in-the-county\nwhich the council published today." for k in range(3))
    article = " ".join([SHORT_ARTICLE] * 2)
    seen, _ = view(Document(f"{menu}\n\n{notes}\n\n{textwrap.fill(article, 78)}\n"))
    assert " ".join(article.split()) in seen.text.split("\n")


def test_a_wrapped_article_of_a_few_lines_is_read_unwrapped():
    # a one-paragraph post among menu lines: few lines run on, but every one overruns the width
    from cleaner.document import Document
    from cleaner.visible import view
    import textwrap

    menu = "\n".join(f"[Another section of the site, number {k:03}](/section/{k})" for k in range(40))
    seen, _ = view(Document(f"{menu}\n\n### What's in the box?\n\n{textwrap.fill(SHORT_ARTICLE, 78)}\n\n{menu}\n"))
    assert " ".join(SHORT_ARTICLE.split()) in seen.text.split("\n")


def test_paragraphs_printed_whole_are_not_read_as_wrapped():
    # headlines that end short before a lower-case "updated ..." line, among whole paragraphs
    from cleaner.wrapping import wrap_breaks

    teasers = "\n".join(f"    The story of the week, number {k:02} in our long series\n    updated {k}:08 PM EDT, "
                        f"Thu November 1, 2012" for k in range(12))
    paragraphs = "\n".join(f"  {SHORT_ARTICLE}" for _ in range(14))
    assert wrap_breaks(f"{teasers}\n{paragraphs}") == []


def test_a_wrapped_text_keeps_every_character_in_a_segment():
    import textwrap
    paragraphs = [
        "Families can walk and cycle along the river in safety now that the council has closed the road "
        "to cars for the summer, the mayor said on Tuesday afternoon. The trial will run until the end of "
        "September, when the members will look at the numbers again and decide what comes next.",
        "Shop owners on the waterfront were divided. Some said they had lost trade in the first week, while "
        "others reported more people stopping for coffee and lunch than at any time since they opened.",
        "The council will publish a survey next month and asks everyone who uses the path to take part, "
        "whether they live in the town or only visit it at the weekend with their children.",
    ]
    text = "Home  News  Sport\n\n" + "\n\n".join("   " + textwrap.fill(p, 70, subsequent_indent="   ")
                                              for p in paragraphs)
    result = clean(text, language=False).to_dict()
    assert _covered(text, result)
    words = [w for p in paragraphs for w in p.split()]
    assert result["text"].split()[-len(words):] == words
