"""The page-structure stage: chrome out of whole-page plain text, articles (with headings) kept."""
from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.document import MAIN, Document
from cleaner.render import normalise
from cleaner.rules import load_rules
from cleaner.stages.rules import RuleStage
from cleaner.stages.structure import (LEAD_REACH, SHORT_ARTICLE, PageStructure, fill_gaps, lead_paragraphs,
                                      ingredient_lists, lone_prose, teasers_under_heading, ticker_entries)
from cleaner.structure.features import markup_spans, split_flat, visible
from cleaner.structure.features import analyse
from cleaner.structure.model import (best_region, context_features, decoding_scores, emission_weights,
                                    load_weights, local_scores, viterbi)
from structure_reference import contents, echoes, previews, says_twice, self_echoes

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "structure"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def stage() -> PageStructure:
    return PageStructure()


@pytest.fixture(scope="module")
def rules() -> RuleStage:
    return RuleStage(load_rules(()))


def clean(text: str, stage: PageStructure, rules: RuleStage | None = None) -> Document:
    doc = Document(text)
    if rules is not None:
        rules(doc)
    stage(doc)
    return doc


def main_text(doc: Document) -> str:
    return "\n".join(normalise(doc.slice(s.start, s.end)) for s in doc.segments() if s.label == MAIN)


def removed(doc: Document) -> dict[str, str]:
    """Display text of every unit the structure stage removed -> its category."""
    return {normalise(doc.slice(a.start, a.end)): a.category for a in doc.annotations
            if a.rule and a.rule.startswith("structure.") and a.category != "markup"}


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- whole pages

NEWS_ARTICLE = [
    "Otters have been seen again along the lower river, half a century after the last family disappeared",
    "The return follows twenty years of work to clean the water.",
    "How the river recovered",
    "Biologists say the otters came back because the fish did.",
    "\"Otters are a sign that the whole river is working again,\" said a biologist",
    "What comes next",
    "Residents can report sightings on a form at the town library.",
]


def test_news_page_keeps_the_article_and_its_headings(stage):
    doc = clean(page("news_page.txt"), stage)
    text = main_text(doc)
    for sentence in NEWS_ARTICLE:
        assert sentence in text, sentence


def test_a_line_removed_whole_shares_its_offsets_with_the_line(stage):
    """The annotation of a unit removed whole holds its line's own offsets (the same ints),
    not two more for each removed line: on a page of many short removed lines those were
    a tenth of the stage's peak memory."""
    doc = clean(page("news_page.txt"), stage)
    lines = {(line.start, line.end): line for line in doc.lines()}
    whole = [a for a in doc.annotations if a.rule.startswith("structure.") and (a.start, a.end) in lines
             and a.start > 256]   # larger ints than the ones Python keeps one of each
    assert len(whole) > 5
    assert all(a.start is lines[a.start, a.end].start and a.end is lines[a.start, a.end].end for a in whole)


def test_news_page_removes_chrome_by_category(stage):
    doc = clean(page("news_page.txt"), stage)
    out = removed(doc)
    text = main_text(doc)
    for chrome in ("Politics", "Contact us", "Accept all cookies", "Related stories",
                   "Why Salmon Are Struggling in Warmer Rivers", "Privacy policy", "Share this article",
                   "© 2024 Valley News Ltd. All rights reserved.", "Skip to main content"):
        assert chrome not in text, chrome
    assert out["• Politics"] == "navigation"
    assert out["Skip to main content"] in ("navigation", "page_header")
    assert out["We use cookies to improve your experience on our site and to show you relevant advertising. "
               "By continuing to browse, you agree to our use of cookies."] == "cookie_notice"
    assert out["Accept all cookies"] == "cookie_notice"
    assert out["Advertisement"] == "advertisement"
    assert out["Related stories"] == "related_links"
    assert out["• Why Salmon Are Struggling in Warmer Rivers"] == "related_links"
    assert out["© 2024 Valley News Ltd. All rights reserved."] == "page_footer"
    assert out["Facebook"] in ("social_share", "related_links")


def test_rules_claims_are_left_alone(stage, rules):
    doc = Document(page("news_page.txt"))
    rules(doc)
    before = [a for a in doc.annotations]
    stage(doc)
    mine = [a for a in doc.annotations if a.rule and a.rule.startswith("structure.")]
    for a in mine:
        for b in before:
            assert a.end <= b.start or a.start >= b.end, (a, b)


def test_markdown_page_drops_menus_links_and_link_targets(stage):
    doc = clean(page("markdown_page.txt"), stage)
    text = main_text(doc)
    assert "Tomatoes do well in pots as long as they get at least six hours of sun a day." in text
    assert "Choosing a pot" in text and "Watering and feeding" in text
    assert "cherry tomato" in text
    assert "/varieties/cherry" not in text  # the link target is markup, not words
    for chrome in ("Recipes", "Gardening", "Ten herbs that grow anywhere", "Privacy", "Copyright"):
        assert chrome not in text, chrome
    out = removed(doc)
    assert out["* [Gardening](/gardening)"] == "navigation"
    assert out["* [How to keep slugs off your lettuce](/posts/slugs)"] == "related_links"
    markup = [a for a in doc.annotations if a.category == "markup"]
    assert markup and all(doc.slice(a.start, a.end).startswith(("[", "](", "![", "_", "**", "\\")) for a in markup)
    assert "[" not in main_text(doc)  # a link reads as its words
    assert "**" not in text and "1\\." not in text  # bold markers and a converter's escapes are no words


def test_markdown_reads_as_its_words_in_the_text_and_the_metadata():
    """Bold markers go with the space a converter prints after them before punctuation
    ("**Pot size** : use …" reads "Pot size: use …"), an escaped list number reads "1.",
    and the byline "By [Jane Gardner](/authors/jane)" names its author."""
    result = cleaner.clean(page("markdown_page.txt"))
    assert "Pot size: use a container" in result.text
    assert "1. Water deeply every morning" in result.text
    assert result.title == "How to Grow Tomatoes on a Balcony" and result.authors == ["Jane Gardner"]
    assert cleaner.clean("Berliner*innen und 5 * 3 = 15, sagte die Lehrerin am Montag in der Schule.").text \
        == "Berliner*innen und 5 * 3 = 15, sagte die Lehrerin am Montag in der Schule."


def test_flattened_page_is_cut_into_sentences(stage):
    text = page("flat_page.txt")
    assert text.count("\n") == 1  # the whole page on one line
    doc = clean(text, stage)
    kept = main_text(doc)
    assert "For forty-two years Tom Harris climbed the spiral stairs" in kept
    assert "glad that he can finally rest." in kept
    assert "Harbour Festival Returns in August" not in kept
    assert "Sign in Subscribe" not in kept


# ---------------------------------------------------------------- leave extractions alone

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_are_unchanged(stage, rules, path):
    text = path.read_text(encoding="utf-8")
    doc = Document(text)
    rules(doc)
    before = list(doc.annotations)
    stage(doc)
    assert doc.annotations == before


def test_already_clean_short_text_is_unchanged(stage):
    text = ("Why the Town Hall Clock Stopped\n\n"
            "The clock on the town hall stopped at twenty past four on Sunday, and it has not moved since.\n\n"
            "Engineers found that a worn gear had slipped. They expect to repair it within two weeks, "
            "once a new part arrives from the maker.\n\n"
            "Repairs\n\n"
            "The council will pay for the work from its maintenance budget.\n")
    doc = clean(text, stage)
    assert doc.annotations == []


def test_empty_and_blank_texts(stage):
    for text in ("", "\n\n   \n"):
        doc = clean(text, stage)
        assert doc.annotations == []


# ---------------------------------------------------------------- pieces

def test_split_flat_cuts_sentences_and_menu_runs():
    text = ("Home News Sport Weather Travel Culture Sign In Subscribe The cat sat on the mat all day. "
            "It was warm. Then it left.")
    pieces = [text[a:b] for a, b in split_flat(text, 0, len(text))]
    assert pieces[-2:] == ["It was warm.", "Then it left."]
    assert any(p.startswith("The cat sat on the mat") for p in pieces)


def _features(text: str) -> list[list[str]]:
    return [i.features for i in analyse(Document(text), load_weights().stopwords)]


def test_teaser_titles_run_together_show_their_breaks_and_dates():
    teasers = ("Recent Articles Stopping a medication Handling tough decisions as a caregiver How we make "
               "memories Treating mild cognitive impairment Dec 19, 2025 Cathay Pacific launches new suites")
    prose = ("The review found that people who exercised regularly had fewer symptoms of depression, "
             "and the effect held for walking, yoga and strength training alike.")
    (teaser,), (sentence,) = _features(teasers), _features(prose)
    assert "breaks>=0.1" in teaser and "date_in_long" in teaser
    assert "breaks<0.02" in sentence and "date_in_long" not in sentence


def test_pieces_of_a_flattened_line_carry_their_shape_apart_from_lines():
    line = "The cat sat on the mat all day long and did not move at all. "
    flat = _features(line * 30)  # one line of 1,800 characters: cut into pieces
    assert all("flat" in f and "flat_end_stop" in f and "flat_prose" in f for f in flat)
    (own,) = _features(line.strip())
    assert not any(x.startswith("flat") for x in own)


def test_markup_spans_are_link_targets_images_and_underscores():
    raw = "_See_ the [report](https://example.org/r) and ![chart](c.png) now"
    spans = [raw[a:b] for a, b in markup_spans(raw)]
    assert "](https://example.org/r)" in spans and "![chart](c.png)" in spans and "[" in spans
    assert "report" in visible(raw) and "example" not in visible(raw)
    assert markup_spans("plain snake_case text") == []


def test_a_link_title_that_quotes_is_markup_to_its_end():
    """html2text prints a link's ``title``, at times a whole teaser with quotes in it: none
    of it is shown, up to the '")' that closes it."""
    title = 'Clear your calendars, because HTC and Verizon are meeting on November 13 for the "latest' \
            ' collaboration" between the two, as the invitation ' + "says so " * 30 + "\\[…\\]"
    raw = f"* [HTC and Verizon to show off a phone](http://example.org/p \"{title}\") (4)"
    assert " ".join(visible(raw).split()) == "* HTC and Verizon to show off a phone (4)"
    shown = cleaner._core.display(raw)[0]  # the structure model reads the same words
    assert "HTC and Verizon to show off a phone" in shown and "calendars" not in shown
    untitled = "* [Basics](http://example.org/b \"This section covers the basics" + " of design" * 60 + "\")"
    assert "design" in visible(untitled)  # past 500 characters it is no title


class _Unit:
    def __init__(self, block, flat=False):
        self.block, self.flat = block, flat


class _Info:
    def __init__(self, block, flat=False):
        self.line = _Unit(block, flat)


def test_viterbi_smooths_isolated_flips():
    infos = [_Info(0), _Info(0), _Info(0), _Info(0), _Info(0)]
    assert viterbi([3, 3, -0.5, 3, 3], infos, 0.5, 2.0) == [True] * 5
    assert viterbi([-3, -3, 0.5, -3, -3], infos, 0.5, 2.0) == [False] * 5
    assert viterbi([], [], 1.0, 1.0) == []


def test_viterbi_prices_a_switch_between_pieces_of_a_flattened_line_apart():
    """Each piece of a flattened line is its own pseudo-block; its own price decides there."""
    scores = [3, 3, -0.5, 3, 3]
    pieces = [_Info(k, flat=True) for k in range(5)]
    blocks = [_Info(k) for k in range(5)]
    assert viterbi(scores, pieces, 0.0, 0.0) == [True, True, False, True, True]  # as between blocks
    assert viterbi(scores, pieces, 0.0, 0.0, switch_flat=0.5) == [True] * 5
    assert viterbi(scores, blocks, 0.0, 0.0, switch_flat=0.5) == [True, True, False, True, True]


def test_a_long_unit_counts_more_in_the_decoding():
    """A paragraph of 180 words with modest article evidence between two teasers is kept
    when long units count by their words, outvoted as one more label when they do not."""
    infos = [_Info(k) for k in range(5)]
    for info, words in zip(infos, (5, 5, 180, 5, 5)):
        info.words = words
    scores = [-1.5, -1.5, 0.6, -1.5, -1.5]
    assert emission_weights(infos, 20.0, 1.0) is None
    assert emission_weights(infos, 20.0, 2.0) == [1.0, 1.0, 2.0, 1.0, 1.0]
    assert viterbi(scores, infos, 0.5, 0.5) == [False] * 5
    weights = emission_weights(infos, 20.0, 3.0)
    assert weights[2] == 3.0
    assert viterbi(scores, infos, 0.5, 0.5, weights=weights) == [False, False, True, False, False]


def test_pieces_of_a_flattened_line_get_their_own_bias():
    infos = [_Info(0), _Info(1, flat=True)]
    assert decoding_scores([1.0, 1.0], [0.0, 0.0], infos, 1.5, 1.0, bias_flat=0.5) == [2.0, 1.5]
    assert decoding_scores([1.0, 3.0], [0.0, 0.0], infos, 1.5, 1.0) == [2.0, 2.5]  # capped at own + lift


OTTER_ARTICLE = (
    "Otters returned to the river after fifty years, biologists said on Monday.\n"
    "The otters feed on fish that came back once the river water was cleaned.\n"
    "Biologists counted twelve otters along the river banks this spring.\n"
    "Fish numbers in the river doubled, and the otters followed the fish.\n"
    "Farmers upstream planted hedges, and the town rebuilt its sewage works.\n"
    "Anglers helped remove weirs that had blocked salmon and trout for generations.\n"
    "Volunteers filmed two adults and a cub near the old mill at dawn.\n"
    "Wildlife officers confirmed the sighting a week later from footprints and droppings.\n"
    "Residents can report sightings on a form at the town library.\n"
)


def _topic(text: str, line: str) -> str:
    doc = Document(text)
    infos = analyse(doc, load_weights().stopwords)
    k = next(i for i, info in enumerate(infos) if info.text == line.lower())
    feats = context_features(infos, [3.0 if info.prose else -3.0 for info in infos])
    return next(f for f in feats[k] if f.startswith("topic"))


def test_topic_tells_a_line_about_the_article_from_one_about_something_else():
    """A unit's share of content words that the article region uses too: an article keeps
    to its topic, a teaser or a disclaimer after it does not."""
    on_topic = "Biologists counted otters that feed on fish this spring."
    off_topic = "Subscribe to our weekly newsletter for mortgage deals."
    short = "Otters again."
    text = OTTER_ARTICLE + on_topic + "\n" + off_topic + "\n" + short + "\n"
    assert _topic(text, on_topic) == "topic>=0.85"
    assert _topic(text, off_topic) == "topic<0.1"
    assert _topic(text, short) == "topic_na"  # too few content words to say
    # an article of a few lines has too small a vocabulary for the share to mean much
    small = "\n".join(OTTER_ARTICLE.splitlines()[:2]) + "\n" + off_topic + "\n"
    assert _topic(small, off_topic) == "topic_na"


def test_best_region():
    assert best_region([-1, 2, 3, -1, 2, -5, 1]) == (1, 5)
    assert best_region([-1, -2]) == (0, 0)


def test_weights_ship_with_the_package():
    weights = load_weights()
    assert weights.local and weights.passes and "the" in weights.stopwords


def test_a_line_that_repeats_the_line_above_is_a_duplicate(stage):
    """Converters print an image's alt text over its caption, a title link over its heading:
    the second copy (and a third) is removed as ``duplicate``, the first stays; a short
    repeat ("Reply") is not judged by this."""
    alt = "An otter swimming past the old mill at dawn"
    text = page("news_page.txt").replace(
        "How the river recovered\n", f"{alt}\n{alt}\n{alt}\n\nHow the river recovered\n")
    doc = clean(text, stage)
    assert main_text(doc).count(alt) == 1
    dupes = [a for a in doc.annotations if a.category == "duplicate"]
    assert [doc.slice(a.start, a.end) for a in dupes] == [alt, alt]
    assert all(a.rule == "structure.duplicate" for a in dupes)
    short = clean(page("news_page.txt").replace("Advertisement\n", "Reply\nReply\n"), stage)
    assert not any(a.category == "duplicate" for a in short.annotations)


def test_lines_that_differ_in_a_link_alone_are_no_duplicates():
    text = ("[Check your connection](https://a.example/)\n[Check your connection](https://b.example/)\n"
            "[Check your connection](https://b.example/)\n")
    doc = Document(text)
    infos = analyse(doc, load_weights().stopwords)
    assert infos[0].text == infos[1].text == infos[2].text  # the same words shown ...
    assert echoes(doc, infos, [True] * 3) == {2}  # ... but only the third line repeats the second


def test_a_line_that_says_itself_twice_is_a_duplicate(stage):
    """A feed prints a caption's preview and then the caption; a card its alt text and its
    title. The line goes as ``duplicate``; a name that repeats a short word does not."""
    assert says_twice("Shamrock Saturday is here, t Shamrock Saturday is here, the shamrocks are in")
    assert says_twice("10 Best New Books for Foodies 10 Best New Books for Foodies")
    assert not says_twice("New York New York is a song about the city")
    assert not says_twice("The river recovered, and the river recovered its otters too")
    card = "Ten Walks Along the Valley Ten Walks Along the Valley to Try This Summer"
    text = page("news_page.txt").replace("How the river recovered\n", f"{card}\n\nHow the river recovered\n")
    doc = clean(text, stage)
    assert card not in main_text(doc)
    assert [doc.slice(a.start, a.end) for a in doc.annotations if a.category == "duplicate"] == [card]
    heading = "Thermal Imaging Camera Thermal imaging cameras detect heat in wiring before it fails."
    row = "Dataset   Language   Speed, GB/s   Dataset   Language   Speed, GB/s   English   C   4.1"
    doc = Document(f"{heading}\n{row}\n")
    infos = analyse(doc, load_weights().stopwords)
    assert self_echoes(doc, infos, [True, True]) == set()  # a heading run into its paragraph; a table


def test_a_preview_cut_short_beside_its_line_is_a_duplicate():
    """A gallery prints a caption's preview ("…") by the caption; the preview goes, and a
    line that ends in an ellipsis of its own (a quote trailing off) stays."""
    lines = ["with nothing but a pack on your back and a trail in front of you...",
             "With nothing but a pack on your back and a trail in front of you, you can set up camp.",
             "How To Write a Lawn Care & Landsca...",
             "Otters returned to the river after forty years, and then...",
             "The council said it would count them again next spring."]
    doc = Document("\n".join(lines) + "\n")
    infos = analyse(doc, load_weights().stopwords)
    assert previews(infos, [True] * len(lines)) == {0}
    assert previews(infos, [False] + [True] * (len(lines) - 1)) == set()  # only kept lines are judged


def test_a_table_of_contents_is_navigation_and_its_headings_stay(stage):
    """Under "Table of contents", entries the page prints again further down (as the
    article's headings) are navigation; the headings themselves stay in the article."""
    toc = "Table of contents\n  • How the river recovered\n  • What comes next\n\n"
    text = page("news_page.txt").replace("Otters have been seen again", toc + "Otters have been seen again", 1)
    doc = clean(text, stage)
    kept = main_text(doc)
    assert kept.count("How the river recovered") == 1 and kept.count("What comes next") == 1
    assert "Table of contents" not in kept
    removed_toc = [doc.slice(a.start, a.end) for a in doc.annotations if a.category == "navigation"]
    assert "• How the river recovered" in removed_toc and "Table of contents" in removed_toc


def test_a_list_under_a_contents_heading_that_the_page_does_not_repeat_is_no_table():
    text = "Contents\n  • One tent for two\n  • Two sleeping bags\n\nThe kit packs into one bag.\n"
    infos = analyse(Document(text), load_weights().stopwords)
    assert contents(infos) == set()
    again = text + "\nOne tent for two\n\nIt weighs a kilo.\n\nTwo sleeping bags\n\nBoth are down.\n"
    assert contents(analyse(Document(again), load_weights().stopwords)) == {0, 1, 2}


def test_html_extractions_are_left_alone(stage):
    text = page("news_page.txt")
    doc = Document(text, hints={"input": "html", "path": "trafilatura"})
    stage(doc)
    assert doc.annotations == []
    doc = Document(text, hints={"input": "html", "path": "plain-text"})
    stage(doc)
    assert removed(doc)  # html2txt's whole-page text is this stage's business


def test_hinted_discussion_is_not_decided_here(stage):
    text = page("news_page.txt")
    start = text.index("Advertisement")
    doc = Document(text, hints={"comments_start": start})
    stage(doc)
    assert all(a.end <= start for a in doc.annotations)
    assert "Politics" not in main_text(doc).split("Advertisement")[0]


def _lines(text: str) -> list:
    """Fake units (start, end, words) for the lines of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            unit = _Unit(len(out))
            unit.start, unit.end = pos, pos + len(line)
            info = _Info(len(out))
            info.line, info.words = unit, len(line.split())
            out.append(info)
        pos += len(line) + 1
    return out


def test_a_lone_dropped_line_inside_the_article_is_kept():
    prose = " ".join(["word"] * 20)
    text = f"{prose}\n\nTable 1  Results\n\n{prose}\n"
    infos = _lines(text)
    free = {0, 1, 2}
    assert fill_gaps(text, infos, [True, False, True], free) == [True, True, True]
    # too little article on one side; a line an earlier stage claimed; two lines dropped
    short = f"a few words\n\nTable 1  Results\n\n{prose}\n"
    assert fill_gaps(short, _lines(short), [True, False, True], free) == [True, False, True]
    assert fill_gaps(text, infos, [True, False, True], {0, 2}) == [True, False, True]
    two = f"{prose}\n\nShare\n\nTweet\n\n{prose}\n"
    assert fill_gaps(two, _lines(two), [True, False, False, True], {0, 1, 2, 3}) == [True, False, False, True]


def test_a_gap_across_text_the_stage_does_not_see_is_not_filled():
    """Units on both sides of a discussion are not neighbours."""
    prose = " ".join(["word"] * 20)
    text = f"{prose}\n\nLeave a comment\n\nRequired\n\nA comment the stage never saw.\n\n{prose}\n"
    infos = [i for i in _lines(text) if i.line.start not in (text.index("Leave"), text.index("A comment"))]
    assert fill_gaps(text, infos, [True, False, True], {0, 1, 2}) == [True, False, True]


def test_the_structure_stage_reads_capitals_by_the_page_language():
    from cleaner.stages.structure import _language_reading
    german = Document("Die Stadt hat am Montag beschlossen, dass der neue Radweg an der Elbe bis zum Jahr "
                      "2025 fertig werden soll. Nach Angaben der Verwaltung kostet der Bau rund vier Millionen "
                      "Euro, von denen das Land die Hälfte übernimmt, und die Arbeiten beginnen im Frühjahr.")
    english = Document("The council approved the new budget on Tuesday after a long debate about school "
                       "funding, and the mayor said that the plan would be reviewed again in the spring.")
    assert _language_reading(german)[1] is True
    assert _language_reading(english) == ((), False)


GERMAN_LEAD = """Startseite
Politik
Wirtschaft
Kultur
Sport
Schnee belastet Solarmodule
Eine Schneedecke auf der Photovoltaikanlage sorgt nicht nur für geringeren Stromertrag. Das Gewicht belastet auch Module und Befestigungssysteme. Verschiedene Experten warnen deshalb davor, den Schnee selbst vom Dach zu holen.
10.12.2022 18:27
Hinrich Neumann
Impressum
Datenschutz
Kontakt
"""


def test_a_german_lead_reads_as_more_article_with_its_nouns_capitalised():
    """Read as a language that capitalises its nouns, the lead of a German article scores as
    article more than read as English, and a menu item scores the same."""
    w = load_weights()
    doc = Document(GERMAN_LEAD)
    plain = w.scores(analyse(doc, w.stopwords))
    german = w.scores(analyse(doc, w.stopwords, (), True))
    infos = analyse(doc, w.stopwords)
    lead = next(k for k, i in enumerate(infos) if GERMAN_LEAD[i.line.start:].startswith("Eine Schneedecke"))
    assert german[lead] > plain[lead] + 0.5
    menu = next(k for k, i in enumerate(infos) if GERMAN_LEAD[i.line.start:].startswith("Politik"))
    assert abs(german[menu] - plain[menu]) < 0.5


LEAD_PAGE = """Home
News
Video
Sign in
The council approved the new budget for the town's schools on Tuesday after a long debate, and the mayor said that the plan would be reviewed again in the spring.
Share
Tweet
Watch the video
Subscribe for full access
Related
Schools get new funding from the state this year
Roads to be repaired next year
"""
LEAD = "The council approved"


def _lead_units(text: str):
    w = load_weights()
    infos = analyse(Document(text), w.stopwords)
    lead = next(k for k, i in enumerate(infos) if text[i.line.start:].startswith(LEAD))
    return w, infos, lead


def test_a_short_article_keeps_the_lead_paragraph_before_it():
    """A page whose decoding left no article, or a short one after the lead, gets the prose
    paragraph that reads as article on its own evidence back; the chrome stays out."""
    w, infos, lead = _lead_units(LEAD_PAGE)
    free = set(range(len(infos)))
    nothing = [False] * len(infos)
    assert [k for k, on in enumerate(lead_paragraphs(infos, nothing, free, w)) if on] == [lead]
    tail = [k == len(infos) - 1 for k in range(len(infos))]  # a short region after the lead
    assert [k for k, on in enumerate(lead_paragraphs(infos, tail, free, w)) if on] == [lead, len(infos) - 1]
    bullet = LEAD_PAGE.replace(LEAD, "* " + LEAD)  # a teaser in a list, even before a short article
    infos = analyse(Document(bullet), w.stopwords)
    assert any("list" in i.features and i.prose for i in infos)
    assert lead_paragraphs(infos, nothing, set(range(len(infos))), w) == nothing


def test_a_description_of_the_site_or_its_author_is_no_lead():
    """A sidebar's "About" box before a short article reads as prose on its own, but it
    describes the site or its author, not the article."""
    w = load_weights()
    for about in ["We are sisters who love to travel, try new things, and experience all that life has to "
                  "offer! We currently live in Los Angeles, but are hoping to be able to travel and live in "
                  "different parts of the world in the near future.",
                  "An online design resource dedicated to everything relating to contemporary architecture, "
                  "interior design, furniture and product design, with new projects from around the world "
                  "every day."]:
        infos = analyse(Document(LEAD_PAGE.replace(LEAD_PAGE.splitlines()[4], about)), w.stopwords)
        nothing = [False] * len(infos)
        assert lead_paragraphs(infos, nothing, set(range(len(infos))), w) == nothing, about


def test_a_lead_is_not_taken_past_a_long_article_teasers_or_a_claim():
    """Not when the decoded article is long enough, not after the article, not from a run of
    teaser paragraphs before it, and not a paragraph an earlier stage claimed."""
    w, infos, lead = _lead_units(LEAD_PAGE)
    free = set(range(len(infos)))
    before = [k < lead for k in range(len(infos))]  # the article decoded before the paragraph
    assert lead_paragraphs(infos, before, free, w) == before
    nothing = [False] * len(infos)
    assert lead_paragraphs(infos, nothing, free - {lead}, w) == nothing
    paragraph = LEAD_PAGE.splitlines()[4]
    others = ["The library will open on Sundays from next month, after readers asked the town for longer "
              "hours and the council found the money to pay for the extra staff.",
              "A new bus line will link the station with the hospital from the autumn, the transport "
              "office said on Monday, and tickets will cost the same as on the other lines.",
              "The swimming pool is closed for repairs until the end of June, and the school classes that "
              "use it will go to the pool in the next town by bus in the meantime, the school said.",
              "Volunteers planted two hundred trees along the river on Saturday, and the town says that it "
              "will plant as many again in the park next year if the weather allows it."]
    teasers = LEAD_PAGE.replace("Sign in\n", "\n".join(others) + "\n")
    w, infos, _ = _lead_units(teasers)
    assert lead_paragraphs(infos, [False] * len(infos), set(range(len(infos))), w) == [False] * len(infos)


def test_a_lead_before_a_long_article_keeps_to_its_topic_and_stands_near_it():
    """Before a long article, the standfirst under the headline is kept when it shares the
    article's words and stands near it; an author's bio there (prose too, about something
    else) is not, nor the standfirst far above the article."""
    paragraph = LEAD_PAGE.splitlines()[4]
    body = "\n\n".join([paragraph] * 9) + "\n"
    head = "Home\nNews\nVideo\n\nCouncil approves the school budget\n\n" + paragraph + "\n\nShare\nTweet\n"

    def decoded(text: str):
        w, infos, lead = _lead_units(text)
        start = next(k for k, i in enumerate(infos) if k > lead and text[i.line.start:].startswith(LEAD))
        return w, infos, lead, start, [k >= start for k in range(len(infos))]

    w, infos, lead, _, article = decoded(head + "\n" + body)
    assert sum(i.words for i, on in zip(infos, article) if on) >= SHORT_ARTICLE
    kept = lead_paragraphs(infos, article, set(range(len(infos))), w)
    assert [k for k, on in enumerate(kept) if on and not article[k]] == [lead]
    bio = ("The author is a travel writer who lives in Lisbon with her two dogs, and she has written "
           "four books about walking holidays in the mountains of southern Europe.")
    w, infos, start = _lead_units(head.replace(paragraph, bio) + "\n" + body)  # the body's first paragraph
    article = [k >= start for k in range(len(infos))]
    other = next(k for k, i in enumerate(infos) if i.text.startswith("the author"))
    assert local_scores([infos[other]], w.local, w.local_bias)[0] > 0  # reads as article on its own
    assert lead_paragraphs(infos, article, set(range(len(infos))), w) == article
    w, infos, start = _lead_units(head.replace(paragraph, "• " + paragraph, 1) + "\n" + body)
    article = [k >= start for k in range(len(infos))]
    assert any("list" in i.features and i.prose for i in infos[:start])
    assert lead_paragraphs(infos, article, set(range(len(infos))), w) == article  # a bullet is no standfirst
    menu = "\n".join(f"Section {n}" for n in range(LEAD_REACH + 5)) + "\n"
    w, infos, lead, start, article = decoded(head.replace("Tweet\n", "Tweet\n" + menu) + "\n" + body)
    assert start - lead > LEAD_REACH
    assert lead_paragraphs(infos, article, set(range(len(infos))), w) == article


TEASER_PAGE = """Council approves the budget

The council approved the new budget for the town's schools on Tuesday after a long debate, and the mayor said that the plan would be reviewed again in the spring.

The plan gives every school two more teachers, and the money comes from the sale of the old depot, which the council agreed to last year after a vote.

Related Coverage
Town sells the old bus depot to a builder

Parents had asked for smaller classes for years, and the head of the parents' association said that the decision was a good day for the town and its children.

Read more: Town sells the old bus depot to a builder

The budget will be voted on again in the spring, when the council knows how much the state will add to it, the mayor said after the meeting on Tuesday.
"""


def test_a_related_heading_and_its_headlines_inside_the_article_are_dropped(stage):
    """"Related Coverage" and the headline under it are a teaser list even between two
    paragraphs of the article; a "Read more: title" line is one link the article may keep,
    and the paragraphs around both stay."""
    doc = clean(TEASER_PAGE, stage)
    main = " ".join(main_text(doc).split())
    assert "Related Coverage" not in main
    assert "Town sells the old bus depot to a builder Parents" not in main
    assert "Parents had asked for smaller classes" in main and "The budget will be voted on again" in main
    assert "Read more: Town sells the old bus depot to a builder" in main


def test_a_related_heading_over_prose_is_not_a_teaser_list():
    """A heading followed by prose (no headline under it), or one above the start of the
    kept article (a menu's "Latest" over the headline), is left to the decoding."""
    w = load_weights()
    text = TEASER_PAGE.replace("Related Coverage\nTown sells the old bus depot to a builder\n\n", "Related Coverage\n")
    infos = analyse(Document(text), w.stopwords)
    keep = [True] * len(infos)
    assert teasers_under_heading(infos, keep, set(range(len(infos)))) == keep
    infos = analyse(Document(TEASER_PAGE), w.stopwords)
    keep = [True] * len(infos)
    dropped = [infos[k].text for k, on in enumerate(teasers_under_heading(infos, keep, set(range(len(infos)))))
               if not on]
    assert dropped == ["related coverage", "town sells the old bus depot to a builder"]
    head = next(k for k, i in enumerate(infos) if i.text == "related coverage")
    later = [k >= head for k in range(len(infos))]  # the kept article starts at the heading: a menu's
    assert teasers_under_heading(infos, later, set(range(len(infos)))) == later


def test_a_heading_that_only_opens_with_a_teaser_word_heads_the_articles_own_list():
    """"Recommended configuration" over a spec line, or "Popular concepts include:" over
    items, is the article's list: after an English teaser word only what the teasers are
    ("Coverage", "News") or where they come from ("More from the Times") makes a teaser
    heading."""
    w = load_weights()
    for heading, kept in [("Recommended configuration", True), ("Popular concepts include:", True),
                          ("More from the Times", False), ("Latest News", False),
                          ("Recommended China Reading", False)]:
        text = TEASER_PAGE.replace("Related Coverage", heading)
        infos = analyse(Document(text), w.stopwords)
        keep = [True] * len(infos)
        result = teasers_under_heading(infos, keep, set(range(len(infos))))
        assert (result == keep) is kept, heading


RECIPE_UNITS = ["Home", "Rezepte", "Zutaten", "Für die Form:", "etwas Fett", "Hefeteig:", "50 ml Milch",
                "100 g Butter", "250 g Weizenmehl", "1 Pck. Trockenbackhefe", "2 Eier (Größe M)", "Belag:",
                "25 g Zucker", "1 EL Honig", "Zubereitung",
                "Milch erwärmen und darin die Butter zerlassen, dann alles zu einem glatten Teig verkneten.",
                "Den Teig zugedeckt an einem warmen Ort gehen lassen, bis er sich sichtbar vergrößert hat."]


def test_an_ingredient_list_before_the_method_is_kept():
    """Quantity lines ("250 g Weizenmehl", "1 EL Honig") with the short lines between them
    ("Belag:") are the recipe's, when they stand next to the kept method; a menu without
    quantities before them, and the same list far from any kept text, stays dropped."""
    text = "\n".join(RECIPE_UNITS) + "\n"
    w = load_weights()
    infos = analyse(Document(text), w.stopwords)
    names = [i.text for i in infos]
    method = names.index("zubereitung") + 1
    keep = [k >= method for k in range(len(infos))]
    kept = ingredient_lists(infos, keep, set(range(len(infos))))
    back = [infos[k].text for k, on in enumerate(kept) if on and not keep[k]]
    assert back[0] == "50 ml milch" and "belag:" in back and "1 el honig" in back
    assert "home" not in back and "rezepte" not in back
    far = [False] * len(infos)
    assert ingredient_lists(infos, far, set(range(len(infos)))) == far
    menu = "\n".join(["Home", "Rezepte", "Kuchen", "Torten", "Brot", "Kontakt"] * 2 + RECIPE_UNITS[-2:]) + "\n"
    infos = analyse(Document(menu), w.stopwords)
    keep = [k >= len(infos) - 2 for k in range(len(infos))]
    assert ingredient_lists(infos, keep, set(range(len(infos)))) == keep



def test_a_kept_lead_stays_in_the_head_the_metadata_stage_reads():
    """A standfirst the structure stage kept before a long article is the article's text,
    but the metadata stage reads the head (headline, byline) up to the decoded article."""
    from cleaner.document import Document
    from cleaner.metadata.region import read_page

    paragraph = LEAD_PAGE.splitlines()[4] + " Parents had asked for it for years. The vote was close."
    text = "Council approves the school budget\n\n" + paragraph + "\n\nBy Jane Smith\n\n" + paragraph + "\n"
    lead, article = 1, 3  # line positions: headline, lead, byline, article
    assert read_page(Document(text)).first == lead
    doc = Document(text)
    doc.article_start = text.rindex(paragraph)
    page = read_page(doc)
    assert page.first == article and page.head().start == 0


def test_a_link_bracket_between_two_words_leaves_them_apart():
    # some converters print a link whose space sat inside it as "out[a new way](url)"
    text = ("Shoppers get promotions\n\nToday, we are rolling out[a new way](https://example.com/promo) for "
            "retailers to reach shoppers at the moment of interest. Retailers can now add promotions to "
            "their product listings to make them stand out.\n\nSee the [cherry tomato](/varieties/cherry). "
            "It grows well in small pots on any balcony that gets sun for most of the day.\n")
    out = cleaner.clean(text).text
    assert "rolling out a new way for retailers" in out
    assert "See the cherry tomato. It grows" in out  # a target glued to the full stop stays glued


def test_category_gates_pass_every_unit_a_pattern_names():
    """The engine's gates before the category patterns are supersets of them: white space
    that ``re`` reads as such and the engine's ``\\s`` does not (U+001C to U+001F), any
    ``\\W`` before an advertisement label, and footer words inside longer tokens."""
    import structure_reference

    from cleaner.structure import categories as c
    spaces = [ch for ch in map(chr, range(0x3001)) if ch.isspace()]
    marks = spaces + ["", "*", "»", "¿", "\u200b", "_"]
    texts = [f"(c){s}2024 acme" for s in spaces] + [f"{m}advertisement" for m in marks] \
        + [f"{m}related stories" for m in marks] + [f"{m}sign up for{m}" for m in marks] \
        + ["© acme", "all rights reserved", "cookies", "share", "email this", "about us", "r&d", "a_b"]
    patterns = (c._COOKIE, c._AD, c._LEGAL, c._NEWSLETTER, c._RELATED_HEAD)
    named = {k for k, t in enumerate(texts) if any(p.search(t) for p in patterns)
             or any(w in c._SHARE_NAMES for w in c._SHARE_TOKEN.findall(t))}
    assert named and named <= c._MAY_NAME.may_passing(texts)
    footer = {k for k, t in enumerate(texts) if any(w in c._FOOTER_WORDS for w in c._FOOTER_TOKEN.findall(t))}
    assert footer and footer <= structure_reference._MAY_FOOTER.may_passing(texts)


def test_a_page_named_in_batches_reads_as_in_one(stage, monkeypatch):
    """The reference ``categorise`` finds the removed units whose words may name their
    category a batch at a time; where a batch ends changes no category, and the stage
    (the engine's walk) names them as the reference does."""
    import structure_reference as categories

    doc = Document(page("news_page.txt"))
    infos = analyse(doc, stage.weights.stopwords)
    keep = stage.weights.decode(infos)

    def names() -> list:
        return [category for _, category in categories.categorise(doc, infos, keep)]

    whole = names()
    monkeypatch.setattr(categories, "GATE_BATCH", 2)
    assert names() == whole
    assert {"cookie_notice", "page_footer", "related_links"} <= set(whole)
    spans = {(a.category) for a in clean(page("news_page.txt"), stage).annotations}
    assert {"cookie_notice", "page_footer", "related_links"} <= spans


TICKER_ENTRIES_TEXT = [
    "The home side pressed from the first whistle and forced three corners in five minutes.",
    "A long ball over the top found the striker, but his shot went just wide of the far post.",
    "The visitors finally settled and kept the ball for long spells in the middle of the pitch.",
    "The goalkeeper saved well with his legs after a deflection wrong-footed the whole defence.",
]

ENTRY_TEXTS = {entry.lower() for entry in TICKER_ENTRIES_TEXT}   # a unit's text is its display text


def _ticker(stamps: list[str]) -> str:
    lines = ["Home | Live | Scores | Tables", ""]
    for stamp, entry in zip(stamps, TICKER_ENTRIES_TEXT):
        lines += [stamp, "", entry, ""]
    return "\n".join(lines)


def test_a_live_tickers_entries_under_their_time_stamps_are_the_article():
    """Entries that run on from the kept article, each under a time stamp ("88'", "12:45"),
    are the article's though the stamps between them read as menu items; the stamps stay
    out. Without stamps between them, or with fewer than three entries in the ticker (those
    kept at the article's edge and those that run on), nothing changes."""
    w = load_weights()
    for stamps in (["88'", "85'", "81'", "79'"], ["12:45", "12:40", "12:31", "12:20"]):
        infos = analyse(Document(_ticker(stamps)), w.stopwords)
        entries = [k for k, i in enumerate(infos) if i.text in ENTRY_TEXTS]
        keep = [k == entries[0] for k in range(len(infos))]   # the decoding kept the first entry
        out = ticker_entries(infos, keep, set(range(len(infos))))
        assert [k for k, on in enumerate(out) if on] == entries, stamps
        # the decoding kept three entries and their stamps: the ticker is theirs, the last runs on
        keep = [k <= entries[2] and k >= entries[0] for k in range(len(infos))]
        out = ticker_entries(infos, keep, set(range(len(infos))))
        assert out[entries[3]] and out[entries[3] - 1] is False, stamps
    for stamps in (["Sport", "Weather", "Travel", "Opinion"],   # short units, no time stamp
                   ["12.05.2021", "11.05.2021", "10.05.", "09.05."]):   # dated teasers, no ticker
        infos = analyse(Document(_ticker(stamps)), w.stopwords)
        entries = [k for k, i in enumerate(infos) if i.text in ENTRY_TEXTS]
        keep = [k == entries[0] for k in range(len(infos))]
        assert ticker_entries(infos, keep, set(range(len(infos)))) == keep, stamps
    short = _ticker(["88'", "85'"])   # one entry runs on from the kept one: two make no ticker
    infos = analyse(Document(short), w.stopwords)
    entries = [k for k, i in enumerate(infos) if i.text in ENTRY_TEXTS]
    keep = [k == entries[0] for k in range(len(infos))]
    assert ticker_entries(infos, keep, set(range(len(infos)))) == keep


LONE_PAGE = "\n".join([
    "Guitar | Learn Guitar | Buy a Guitar | Guitar Tabs", "",
    "Neil Young's 'Like a Hurricane' Tablature", "",
    "By Dan Cross", "",
    "In the few days before the storm, one song stuck in my mind as I readied the house. Now that "
    "the storm has passed and the power is back, I have written out the tablature for the song, "
    "with the chords and the solo as he played it on the live album.", "",
    "Related Articles", "",
    "Top 100 Guitar Solo Tabs", "Easy Song Tabs", "How to Read Tab",
])


def test_a_decoding_that_kept_no_article_keeps_the_pages_longest_prose_block():
    """Kept: a title (fewer than LONE_PROSE words); the one paragraph of prose joins it. A
    decoding that kept a poem (short lines, no prose) is left as it was, and so is a page
    printed on one line: its pieces make no paragraph."""
    w = load_weights()
    infos = analyse(Document(LONE_PAGE), w.stopwords)
    texts = [i.text for i in infos]
    title = texts.index("neil young's 'like a hurricane' tablature")
    paragraph = next(k for k, t in enumerate(texts) if t.startswith("in the few days"))
    keep = [k == title for k in range(len(infos))]
    out = lone_prose(infos, keep, range(len(infos)))
    assert [k for k, on in enumerate(out) if on] == [title, paragraph]
    assert lone_prose(infos, keep, [k for k in range(len(infos)) if k != paragraph]) == keep  # claimed
    verse = "\n".join(["I wander often from the way, and sin afflicts me every day"] * 6 + ["", LONE_PAGE])
    infos = analyse(Document(verse), w.stopwords)
    keep = [k < 6 for k in range(len(infos))]
    assert lone_prose(infos, keep, range(len(infos))) == keep
    flat = " ".join(line for line in ((LONE_PAGE + "\n") * 4).split("\n") if line)   # over FLAT characters
    infos = analyse(Document(flat), w.stopwords)
    assert all(i.line.flat for i in infos) and any(i.prose for i in infos)
    keep = [k == 0 for k in range(len(infos))]
    assert lone_prose(infos, keep, range(len(infos))) == keep
