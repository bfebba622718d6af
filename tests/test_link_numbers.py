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
