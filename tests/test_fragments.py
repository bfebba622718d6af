"""A text node a line (BeautifulSoup's ``get_text("\\n", strip=True)``): sentences broken at
their links are read back as one line; other layouts keep their line ends."""
from cleaner import clean
from cleaner.document import Document
from cleaner.fragments import fragment_breaks
from cleaner.visible import view

MENU = ["Home", "News", "Sport", "Weather", "About us", "Contact"]
# an article with links and emphasis, every text node on a line of its own
NODES = [
    "Council votes to close the river road",
    "The council met on Tuesday and agreed, after a long debate led by",
    "Maria Lopez",
    ", to close the road along the river to cars during the",
    "summer months",
    ". Families will be able to walk and cycle there in safety, the",
    "city's planning office",
    "said in a statement.",
    "Residents who spoke at the meeting welcomed the plan, although some shop owners on",
    "Water Street",
    "worried about deliveries and asked the council to keep one lane open in the mornings.",
    "The road will close on the first of June and open again in September, when the",
    "council",
    "'s transport committee will review the results of the trial.",
]


def _seen(text: str) -> str:
    return view(Document(text))[0].text


def test_a_sentence_broken_at_its_links_is_one_line():
    text = "\n".join(MENU + NODES + MENU)
    breaks = fragment_breaks(text)
    assert breaks == sorted(breaks) and all(text[at] == "\n" for at in breaks)
    lines = _seen(text).split("\n")
    assert "The council met on Tuesday and agreed, after a long debate led by Maria Lopez, to close the road " \
           "along the river to cars during the summer months. Families will be able to walk and cycle there " \
           "in safety, the city's planning office said in a statement." in lines
    # a link inside a sentence with no punctuation after it, and a possessive after a link
    assert any(line.startswith("Residents who spoke") and line.endswith("in the mornings.") for line in lines)
    assert any(line.endswith("when the council's transport committee will review the results of the trial.")
               for line in lines)
    # the headline and the menus keep their lines
    assert "Council votes to close the river road" in lines
    assert lines[:len(MENU)] == MENU and lines[-len(MENU):] == MENU


def test_an_html_extraction_keeps_its_line_ends():
    # clean_html's text comes from an extractor that keeps sentences whole: a line there that
    # goes on with punctuation is code (")" / ");"), not the rest of a sentence
    text = "\n".join(MENU + NODES + MENU)
    assert view(Document(text, hints={"input": "html"}))[0].text == text


def test_a_link_inside_a_sentence_goes_with_its_sentence():
    text = "\n".join(MENU + NODES + MENU)
    result = clean(text, language=False)
    for piece in ("Maria Lopez", "summer months", "Water Street"):
        assert piece in result.text
    # read line by line, a link's text inside a sentence was a menu item, cut out of it
    assert not any(r.text in ("Water Street", "council") for r in result.removed)
    for segment in result.segments:  # offsets still point into the input
        assert text[segment.start:segment.end].strip()


def test_a_headline_and_its_byline_keep_their_lines():
    for head in (["Council Votes to Close the River Road", "by", "Jane Doe", "June 1, 2026"],
                 ["Budget Talks Run Late", "by Maria Lopez", "June 1, 2026"]):
        lines = _seen("\n".join(MENU + head + NODES + MENU)).split("\n")
        # a byline's label alone over a name; a byline under a headline in title case
        assert all(line in lines for line in head)
    # a name opening its paragraph does not run into the sentence under it, whose pieces
    # are one line
    lines = _seen("\n".join(MENU + ["Tyler King", "The", "river road", "closes in June."] + NODES)).split("\n")
    assert "Tyler King" in lines and "The river road closes in June." in lines


def test_other_layouts_keep_their_line_ends():
    # paragraphs a line, as converters print them: no line goes on the sentence above
    paragraphs = "\n\n".join(" ".join(NODES[k:k + 3]).replace(" ,", ",") for k in range(0, len(NODES), 3))
    assert fragment_breaks(paragraphs) == []
    # code, indented, ends lines with punctuation of its own
    code = "\n".join(["function add(a, b) {", "    return sum(", "        a", "        , b", "    );", "}"] * 4)
    assert fragment_breaks(code) == []
    # one or two lines going on with punctuation are chance, not a layout
    chance = "\n".join(MENU + NODES[:4] + ["Read more"] * 40)
    assert fragment_breaks(chance) == []
