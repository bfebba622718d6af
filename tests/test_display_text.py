"""The text a user reads: markdown links read as their words, mojibake repaired, NFC;
offsets still index the raw input."""
import unicodedata

from cleaner import clean

BODY = ("The council voted on Monday to keep the library open through the winter, after "
        "residents filled the hall and argued for two hours that the branch is the only warm "
        "public room in the district.")


def test_a_markdown_link_reads_as_its_words():
    text = f"{BODY} New [plant-based formulations](https://example.org/p/1) were on the agenda too.\n"
    result = clean(text, language=False)
    assert "plant-based formulations were on the agenda" in result.text
    assert "[" not in result.text and "https://" not in result.text
    target = text.index("(https://")
    covered = [s for s in result.segments if s.start <= target < s.end]
    assert covered and covered[0].label != "main"  # the target is kept, labelled, not shown


def test_mojibake_is_repaired_and_text_is_nfc():
    text = f"{BODY} It\u00c3\u00a2\u00c2\u0080\u00c2\u0099s a cafe\u0301 now.\n"
    result = clean(text, language=False)
    assert "It\u2019s a caf\u00e9 now." in result.text
    assert unicodedata.is_normalized("NFC", result.text)
    assert max(s.end for s in result.segments) <= len(text)  # offsets into the raw input


def test_a_page_s_lines_are_read_as_each_line_is():
    """``normalise_spans`` reads a text's spans as ``normalise`` reads each, a lone surrogate too."""
    from cleaner.render import normalise, normalise_spans

    for text in ("By  Jane &amp; Bo\nMarch 3, 2024 \u200b", "Caf\ud800 au lait\n  <b>x</b>"):
        starts, ends = [0, text.index("\n") + 1], [text.index("\n"), len(text)]
        assert normalise_spans(text, starts, ends) == [normalise(text[a:b]) for a, b in zip(starts, ends)]
