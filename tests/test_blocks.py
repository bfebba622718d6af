"""Blocks and lines: the paragraphs every stage reads, as the text marks them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import UNMARKED_LINES, UNMARKED_SHARE, split_blocks

LINE = "The council met on Tuesday to talk about the budget for the schools."


def _shape(text: str) -> list[int]:
    return [len(block.lines) for block in split_blocks(text)]


def test_blank_lines_mark_the_paragraphs():
    text = "Title\n\nFirst line\nsecond line\n\n\nLast"
    blocks = split_blocks(text)
    assert _shape(text) == [1, 2, 1]
    assert [b.gap_before for b in blocks] == [0, 1, 2]
    assert [text[b.start:b.end] for b in blocks] == ["Title", "First line\nsecond line", "Last"]


def test_a_page_joined_by_single_line_breaks_is_read_a_line_a_paragraph():
    """A scraper that joined a page's paragraphs, headings and menu items with single line
    breaks marks no paragraphs: each line becomes a block of its own."""
    joined = "\n".join([LINE] * UNMARKED_LINES)
    blocks = split_blocks(joined)
    assert _shape(joined) == [1] * UNMARKED_LINES
    assert [b.index for b in blocks] == list(range(UNMARKED_LINES))
    assert all(b.lines[0].block == b.index and b.lines[0].index == b.index for b in blocks)
    assert _shape("\n".join([LINE] * (UNMARKED_LINES - 1))) == [UNMARKED_LINES - 1]  # a short text: one block
    # a few blank lines among many joined lines do not mark the paragraphs either
    few = "\n".join([LINE] * UNMARKED_SHARE) + "\n\n" + "\n".join([LINE] * UNMARKED_SHARE)
    assert _shape(few) == [1] * 2 * UNMARKED_SHARE
    # a page that marks its paragraphs around a menu of many lines keeps the menu's block
    menu = "\n\n".join([LINE] * 3) + "\n\n" + "\n".join(f"Product {n}" for n in range(120))
    assert _shape(menu) == [1, 1, 1, 120]
    # a list of many items in a page that marks its paragraphs stays one block
    marked = "\n\n".join([LINE] * 5) + "\n\n" + "\n".join(f"Item {n}" for n in range(30))
    assert _shape(marked) == [1] * 5 + [30]


def test_doubled_line_breaks_are_read_back():
    """One blank line after every line, wider gaps between paragraphs: the lines one blank
    line apart share a block again, and a gap of 2n + 1 blank lines is read as n."""
    menu = "\n\n".join(["Home", "News", "About"])
    text = menu + "\n\n\n\n" + "\n\n".join([LINE, "Second line"]) + "\n\n\n\n\n\n" + \
        "\n\n".join(f"Item {n}" for n in range(UNMARKED_LINES))
    blocks = split_blocks(text)
    assert _shape(text) == [3, 2, UNMARKED_LINES]
    assert [b.gap_before for b in blocks] == [0, 1, 2]
    assert all(line.block == block.index for block in blocks for line in block.lines)
    # a page whose one-line blocks are all one blank line apart marks its paragraphs that way
    even = "\n\n".join([LINE] * (UNMARKED_LINES + 5))
    assert _shape(even) == [1] * (UNMARKED_LINES + 5)
    # nor is one whose sections stand two blank lines apart: doubling makes odd gaps only
    sections = ("\n\n".join([LINE] * 10) + "\n\n\n") * 4
    assert _shape(sections) == [1] * 40


def test_blank_lines_of_markup_indentation_mark_no_paragraphs():
    """A page's text nodes as lxml's text_content() leaves them: the source's indentation
    on every blank line, gaps as wide as the markup is deep. Each line is a block."""
    nested = "\n".join(part for n in range(UNMARKED_LINES)
                       for part in [f"{' ' * (4 * (n % 5))}{'Home' if n % 3 else LINE}"] + ["      "] * (n % 4))
    assert _shape(nested) == [1] * UNMARKED_LINES
    assert all(b.gap_before == 0 for b in split_blocks(nested))
    # the same gaps left empty, as converters that write paragraphs leave them, stay gaps
    plain = "\n".join(line.strip() for line in nested.split("\n"))
    assert len(split_blocks(plain)) < UNMARKED_LINES
    assert any(b.gap_before > 1 for b in split_blocks(plain))
    # a short text keeps its blocks
    assert _shape(f"{LINE}\n   \n{LINE}\n{LINE}") == [1, 2]
    # paragraphs one indented blank line apart (an editor's) are paragraphs
    edited = "\n    \n".join(f"{LINE}\n{LINE}" for _ in range(UNMARKED_LINES))
    assert _shape(edited) == [2] * UNMARKED_LINES


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([LINE, "Menu", "", "  ", "• Item"]), max_size=80))
def test_blocks_hold_every_non_blank_line_once_in_order(lines):
    text = "\n".join(lines)
    blocks = split_blocks(text)
    held = [line for block in blocks for line in block.lines]
    assert [text[line.start:line.end] for line in held] == [l.strip() for l in lines if l.strip()]
    assert [line.index for line in held] == [n for n, l in enumerate(lines) if l.strip()]
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(line.block == block.index for block in blocks for line in block.lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Home", "By Jane Doe", "", "  ", "A line of the article text."]), min_size=1,
                max_size=12),
       st.lists(st.tuples(st.integers(0, 300), st.integers(1, 80)), max_size=6))
def test_a_line_s_annotations_are_those_over_its_extent(lines, spans):
    """``line_annotations`` reads a line's slot of the index: what ``annotations_over`` finds
    over the line's extent, in the same order."""
    from cleaner.document import BOILERPLATE, Document

    doc = Document("\n".join(lines))
    for start, size in spans:
        start = min(start, len(doc.text))
        doc.annotate(start, min(start + size, len(doc.text)), BOILERPLATE, "navigation", "test")
    for position, line in enumerate(doc.lines()):
        expected = doc.annotations_over(line.start, line.end)
        assert [id(a) for a in doc.line_annotations(position, line.start, line.end)] == [id(a) for a in expected]
