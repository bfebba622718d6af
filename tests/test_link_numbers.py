"""A text-mode browser's link numbers and reference list (``lynx -dump``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.link_numbers import NUMBER_RULE, PAGE_LINKS_RULE, REFERENCES_RULE, link_numbers

FIXTURE = Path(__file__).parent.parent / "fixtures" / "structure" / "lynx_page.txt"

DUMP = """\
   #[1]Feed [2]Comments Feed

     * [3]Home
     * [4]About

Rivers and their courses

   The river ran along the [5]eastern edge of the valley for most of the last century, and
   the town [6]still argues about why it moved west in a single week of 1987.

   [7]Tweet

References

   Visible links:
   1. https://example.org/feed
   2. https://example.org/comments/feed
   3. https://example.org/
   4. https://example.org/about
   5. https://example.org/east
   6. https://example.org/town
   7. https://twitter.com/share?url=https://example.org/ with a space
"""


def test_the_numbers_the_page_links_and_the_reference_list_are_cut():
    cut = {(DUMP[a:b], rule) for a, b, _, rule in link_numbers(DUMP)}
    assert ("#[1]Feed [2]Comments Feed", PAGE_LINKS_RULE) in cut
    assert {"[3]", "[5]", "[6]", "[7]"} <= {text for text, rule in cut if rule == NUMBER_RULE}
    assert any(text.startswith("References") and text.endswith("with a space") and rule == REFERENCES_RULE
               for text, rule in cut)


def test_the_stages_read_the_page_without_them():
    result = clean(DUMP, language=False)
    assert "eastern edge of the valley" in result.text
    assert "[" not in result.text and "https://" not in result.text
    rules = {r.rule for r in result.removed}
    assert {PAGE_LINKS_RULE, REFERENCES_RULE} <= rules


@pytest.mark.parametrize("text", [
    # no reference list: "[12]" is a citation, not a link number
    "Rivers move [12] when their beds rise.\n\nAnother paragraph of the article [3].\n",
    # a scholarly reference list: entries are no addresses
    "Rivers move [1] when their beds rise.\n\nReferences\n\n1. Smith, J. (2010). Rivers. Press.\n",
    # a list followed by more text is no closing reference list
    "Rivers move [1].\n\nReferences\n\n   1. https://example.org/\n\nMore of the article here.\n",
    # a "References" heading with nothing numbered under it
    "Rivers move [1].\n\nReferences\n\n   Visible links:\n",
])
def test_other_texts_are_left_alone(text):
    assert link_numbers(text) == []
    rules = {r.rule for r in clean(text, language=False).removed}
    assert not rules & {NUMBER_RULE, PAGE_LINKS_RULE, REFERENCES_RULE}


PAGE = """\
   [1]Home [2]About

   The river ran along the [3]eastern edge of the valley for most of the last century.

References

   Visible links:
""" + "".join(f"  {k:2d}. https://example.org/page-{k}\n" for k in range(1, 13))


@pytest.mark.parametrize("tail", [
    # an image map: lynx prints its address under "[USEMAP]" and numbers its areas from 1
    "\n[USEMAP]\nfile://localhost/tmp/lynxXXXX/L1-1TMP.html#social-map\n   1. https://example.org/share\n",
    # an address the page wrote in quotes, or as markup
    "  13. 'https://example.org/east'\n  14. https://example.org/x\n",
    "  13. <a href=\"https://example.org/\">\n  14. https://example.org/x\n",
    # an address with a line break in it runs on over a line of its own
    "  13. https://example.org/share?title=The+river\nand+the+town&via=feed\n  14. https://example.org/x\n",
])
def test_lynx_s_list_as_it_prints_pages_that_write_addresses_otherwise(tail):
    text = PAGE + tail
    cut = [(text[a:b], rule) for a, b, _, rule in link_numbers(text)]
    assert ("[3]", NUMBER_RULE) in cut
    assert cut[-1][1] == REFERENCES_RULE and cut[-1][0].startswith("References")
    assert cut[-1][0].endswith(tail.rstrip()[-20:])
    assert "eastern edge" in clean(text, language=False).text


@pytest.mark.parametrize("tail", [
    # entries that are no addresses: a scholarly list under lynx's
    "".join(f"  {k}. Smith, J. ({k + 1990}). Rivers of the north. Press.\n" for k in range(13, 16)),
    # more text after the list
    "\nMore of the article.\n",
])
def test_a_list_of_other_entries_or_with_text_after_it_is_not_lynx_s(tail):
    assert link_numbers(PAGE + tail) == []


def test_a_number_the_list_does_not_hold_stays():
    text = "Rivers move [99] when [1]their beds rise.\n\nReferences\n\n   1. https://example.org/\n"
    numbers = [text[a:b] for a, b, _, rule in link_numbers(text) if rule == NUMBER_RULE]
    assert numbers == ["[1]"]


def test_a_dump_reads_its_title_authors_and_commenters():
    result = clean(FIXTURE.read_text(encoding="utf-8"), language=False)
    assert result.title == "Why the River Changed Course"
    assert result.authors == ["Mara Lindqvist"]
    assert [c.author for c in result.comments] == ["Anna Berg", "Tomas"]
    assert "[10]" not in result.text and "stone bridge" in result.text


def test_every_character_of_a_dump_is_in_one_segment():
    text = FIXTURE.read_text(encoding="utf-8")
    segments = clean(text, language=False).segments
    covered = [False] * len(text)
    for s in segments:
        for i in range(s.start, s.end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, c in enumerate(text) if not c.isspace())


def _dump(paragraphs: list[str], links: int) -> str:
    """A ``lynx -dump``-shaped text: a sidebar of ``links`` numbered links, the paragraphs
    wrapped at 90 columns and indented by three, and the reference list of every link."""
    import textwrap
    sidebar = "\n".join(f"     * [{k}]Archive page number {k}" for k in range(1, links + 1))
    body = "\n\n".join(textwrap.fill(p, 90, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    refs = "\n".join(f"  {k}. https://example.org/archive/2012/07/a-long-address-for-page-{k}.html"
                     for k in range(1, links + 1))
    return f"{sidebar}\n\n{body}\n\nReferences\n\n   Visible links:\n{refs}\n"


SHORT = ("We hesitate and stall and try for perfect, or we have meetings or polish or avoid the final "
         "decision because we are afraid that the work might not be received well, that the people who "
         "read it will not like it, and that all of the planning was for nothing in the end.")
LONG = [SHORT, "Here is the thing: there is a box on the table, and you need to decide whether or not you "
        "are going to open it, since all the wishing and planning and imagining is not going to change "
        "what is already inside the box or what the people around you will think of it later on.",
        "So do a great job, the best job you can with the resources you have got, but then stop imagining "
        "what might be in there and go ahead and open the box, because the contents of the box were set "
        "a long time ago and worrying about them now is not going to change any of the outcome."]


@pytest.mark.parametrize("paragraphs, links", [
    ([SHORT], 10),   # a short article: three wrapped lines, fewer than a text of unknown shape needs
    (LONG, 150),     # an article among a hundred and fifty links: their addresses are no wrapped lines
])
def test_a_dump_s_paragraphs_are_read_as_one_line_each(paragraphs, links):
    from cleaner.document import Document
    from cleaner.visible import view
    text = _dump(paragraphs, links)
    seen, _ = view(Document(text))
    lines = [line.strip() for line in seen.text.split("\n")]
    for paragraph in paragraphs:
        assert paragraph in lines


def test_a_line_running_on_into_a_link_is_a_wrapped_line():
    from cleaner.wrapping import _runs_on
    assert _runs_on("   the talk was given by the founder of the company and posted by", "   [15]quora staff")
    assert not _runs_on("   the talk was given by the founder of the company and posted by", "   [15]Quora staff")


def test_an_image_placeholder_under_a_long_line_stays_on_its_own_line():
    """A comment's header and its avatar: lynx sets the avatar on a line of its own, and
    joined to the header it would no longer read as one."""
    from cleaner.document import Document
    from cleaner.visible import view
    header = "   by [4]riverwatcher on [5]Aug 9, 2012 10:40 AM EDT [6]reply [7]actions   4 recs and more"
    text = _dump(LONG, 12).replace("\n\nReferences", f"\n\n{header}\n   [8][avatar_small.jpg]\n\nReferences")
    seen, _ = view(Document(text))
    lines = [line.strip() for line in seen.text.split("\n")]
    assert "[avatar_small.jpg]" in lines
    assert LONG[0] in lines  # the paragraphs are still read as one line each
