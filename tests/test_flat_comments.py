"""Reader comments inside a page a converter printed as one line (trafilatura's html2txt).

The pages are written for the test: an article, then a discussion whose headers
are printed inline ("NAME says DATE", "NAME 2 years ago"), then the page footer,
all on one line; and articles on one line whose sentences only look like headers.
"""
from __future__ import annotations

import pytest

from cleaner import clean, markers
from cleaner.document import COMMENT

ARTICLE = (
    "Library Opens a Tool-Lending Shelf The central library now lends power drills, sewing machines and a "
    "ladder, alongside its books. Members can borrow up to two tools at a time for a week. The shelf started "
    "with donations from a hardware shop that closed last year. Staff check every tool when it comes back, and a "
    "volunteer repairs anything that breaks. The library board will review the scheme in the spring and decide "
    "whether to add garden tools. Borrowers so far have taken drills for shelves and sewing machines for school "
    "costumes, the head librarian said, and nothing has been lost. A second shelf is planned for the branch "
    "library in the north of the town, where a carpenter has offered to teach a monthly repair class. "
)
SAYS = (
    "3 Comments Mary Jones says: March 3, 2024 at 9:15 am What a good idea. I borrowed the ladder last week. "
    "Reply Tom_B says March 4, 2024 at 10:02 pm Will they lend a lawn mower too? Reply "
    "Ann Lee says March 5, 2024 at 8:00 am Our branch needs one of these shelves. Reply "
)
AGO = (
    "Comments Oldest Newest Sara 2 years ago Can we have a list of the tools online? "
    "Mike R 2 years ago Reply to Sara It is on the library website already. "
    "cse 1 year ago Lovely scheme, thank you for writing about it. "
)
FOOTER = "Leave a Reply Your email address will not be published. About us Contact Privacy policy © 2024 Riverside Gazette"


def run(text: str) -> dict:
    assert "\n" not in text and len(text) > 1500  # one flattened line
    return clean(text, language=False).to_dict()


def padded(article: str) -> str:
    return article + "Readers can suggest tools for the shelf at the front desk. " * 12


def test_inline_says_headers_make_a_discussion_of_comments():
    page = padded(ARTICLE) + SAYS + FOOTER
    result = run(page)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom_B", "Ann Lee"]
    assert result["comments"][0]["posted"] == "March 3, 2024 at 9:15 am"
    assert result["comments"][1]["text"] == "Will they lend a lawn mower too?"
    assert "borrowed the ladder" not in result["text"] and "lawn mower" not in result["text"]
    assert "The central library now lends power drills" in result["text"]
    removed = [r["text"] for r in result["removed"] if r["category"] == "comment_meta"]
    assert removed[0].startswith("3 Comments Mary Jones says:") and removed[1].startswith("Reply Tom_B says")


def test_what_follows_the_discussion_on_the_line_is_the_page_footer():
    """The comment form, the archives and the footer after the last comment: the article
    came before the discussion, so none of it is main text."""
    tail = "Post a Comment Name * Email * Website Archives November 2024 October 2024 September 2024 " + FOOTER
    result = run(padded(ARTICLE) + SAYS + tail)
    assert "Archives" not in result["text"] and "Riverside Gazette" not in result["text"]
    [after] = [r for r in result["removed"] if r["rule"] == "comments.flat-tail"]
    assert after["category"] == "page_footer" and after["text"].endswith("© 2024 Riverside Gazette")
    assert "Archives November 2024" in after["text"]
    assert result["text"].startswith("Library Opens a Tool-Lending Shelf The central library")


def test_inline_age_headers_and_replies():
    result = run(padded(ARTICLE) + AGO + FOOTER)
    comments = result["comments"]
    assert [c["author"] for c in comments] == ["Sara", "Mike R", "cse"]
    assert comments[0]["posted"] == "2 years ago"
    assert "Lovely scheme" not in result["text"]


def test_the_page_footer_after_the_last_comment_is_not_a_comment():
    result = run(padded(ARTICLE) + SAYS + FOOTER)
    assert all("Privacy policy" not in c["text"] for c in result["comments"])
    doc_segments = [s for s in result["segments"] if s["label"] == COMMENT]
    assert doc_segments and max(s["end"] for s in doc_segments) < len(padded(ARTICLE) + SAYS)


def test_sentences_that_only_look_like_headers_stay_in_the_article():
    # a date after "says" that goes on as a sentence, "years ago" inside a sentence, quotes
    article = padded(ARTICLE) + (
        "Mayor Smith says March 3, 2024 was the day the idea came up. The shop had opened 40 years ago, "
        "in the old market hall. Smith says May 1, 2024 will see the second shelf open. One borrower said: "
        "“It saved me buying a drill.” Another borrower said: “The ladder was in perfect shape.” "
    ) + FOOTER
    result = run(article)
    assert result["comments"] == [] and not any(s["label"] == COMMENT for s in result["segments"])


def test_a_list_of_dated_teasers_is_not_a_discussion():
    teasers = (
        "Most read Power cut leaves 600 million people in the dark 5 days ago 407 Mayor backs the new "
        "tool shelf 12 hours ago 1994 Council votes on the bus lanes 2 days ago 300 Storm closes the "
        "harbour road 6 days ago "
    )
    result = run(padded(ARTICLE) + teasers + FOOTER)
    assert result["comments"] == []


def test_a_discussion_needs_the_article_before_it():
    result = run(SAYS + padded(ARTICLE) + FOOTER)
    assert result["comments"] == []


def test_one_inline_header_is_not_a_discussion():
    page = padded(ARTICLE) + "Mary Jones says: March 3, 2024 at 9:15 am What a good idea. " + FOOTER
    assert run(page)["comments"] == []


def test_disabling_the_comment_stage_leaves_a_flat_discussion_in_the_text():
    page = padded(ARTICLE) + SAYS + FOOTER
    result = clean(page, language=False, disable=["comments"]).to_dict()
    assert result["comments"] == [] and "borrowed the ladder" in result["text"]
    assert not any(s["label"] == COMMENT or s.get("rule") == "comments.flat" for s in result["segments"])


def test_name_before_stops_at_the_sentence_and_at_buttons():
    text = "I borrowed it. Reply to comment Ann Lee says"
    start, name = markers.name_before(text, text.index(" says"))
    assert name == "Ann Lee" and text[start:].startswith("Ann Lee")
    assert markers.name_before("It was in", len("It was in")) is None  # a stopword, not a name
    assert markers.name_before("Comments Sara", len("Comments Sara"), floor=len("Comments ")) == (9, "Sara")


STAMPED = (
    "3 Responses to “Library Opens a Tool-Lending Shelf” 1 Mary Jones March 3, 2024 at 9:15 am What a good idea. "
    "I borrowed the ladder last week. Reply 2 Tom Baker March 4, 2024 at 10:02 pm Will they lend a lawn mower "
    "too? Reply 3 Ann Lee March 5, 2024 at 8:00 am Our branch needs one of these shelves. Reply "
)


def test_stamped_headers_under_a_counted_heading_make_a_discussion():
    result = run(padded(ARTICLE) + STAMPED + FOOTER)
    comments = result["comments"]
    assert [c["author"] for c in comments] == ["Mary Jones", "Tom Baker", "Ann Lee"]  # not "1 Mary Jones"
    assert comments[1]["posted"] == "March 4, 2024 at 10:02 pm"
    assert comments[0]["text"] == "What a good idea. I borrowed the ladder last week."  # not "… Reply 2"
    assert "lawn mower" not in result["text"]


def test_a_name_glued_to_its_stamp_is_a_header():
    """Blogger's header as a converter prints it, the name run into the date."""
    glued = ("3 comments: AmySeptember 11, 2008 at 2:06 PM What a good idea. I borrowed the ladder last week. "
             "ReplyDelete Replies Reply EditorSeptember 15, 2008 at 9:19 PM Will they lend a lawn mower too? "
             "ReplyDelete Replies Reply JamesApril 27, 2009 at 8:59 AM Our branch needs one of these shelves. ")
    result = run(padded(ARTICLE) + glued + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Amy", "Editor", "James"]
    assert result["comments"][2]["posted"] == "April 27, 2009 at 8:59 AM"
    assert "lawn mower" not in result["text"]


def test_stamped_headers_without_a_counted_heading_are_bylines_not_comments():
    byline = STAMPED.split("” ", 1)[1]  # the same headers, no "3 Responses to …" before them
    result = run(padded(ARTICLE) + byline + FOOTER)
    assert result["comments"] == []


def test_a_titled_heading_without_headers_opens_the_discussion_up_to_the_form():
    discussion = (
        "2 thoughts on “Library Opens a Tool-Lending Shelf” What a good idea. I borrowed the ladder last week. "
        "Reply ↓ Will they lend a lawn mower too? Reply ↓ "
    )
    result = run(padded(ARTICLE) + discussion + FOOTER)
    assert [c["text"] for c in result["comments"]] == [
        "What a good idea. I borrowed the ladder last week.", "Will they lend a lawn mower too?"]
    assert "lawn mower" not in result["text"] and "The central library now lends" in result["text"]
    meta = [r["text"] for r in result["removed"] if r["category"] == "comment_meta"]
    assert meta[0] == "2 thoughts on “Library Opens a Tool-Lending Shelf”"


def test_a_bare_count_heads_a_headerless_discussion_only_late_in_the_page():
    discussion = "2 comments What a good idea. I borrowed the ladder last week. Will they lend a lawn mower too? "
    result = run(padded(ARTICLE) + discussion + FOOTER)
    assert [c["text"] for c in result["comments"]] == [discussion[len("2 comments "):].strip()]
    # a byline's count above the article (under a long menu), the form below it: the article
    # is no discussion
    menu = "Home News Sport Weather Business Culture Travel Food Opinion Video " * 11
    result = run(menu + "By Ann Lee | 2 comments " + padded(ARTICLE) + FOOTER)
    assert result["comments"] == [] and "The central library now lends" in result["text"]


def test_name_before_skips_the_comment_number_and_the_sentence_before():
    text = "you want to learn Christian Roth"
    assert markers.name_before(text, len(text)) == (text.index("Christian"), "Christian Roth")
    text = "Reply 3 jorge jacobo"
    assert markers.name_before(text, len(text)) == (8, "jorge jacobo")
    text = "I agree. Maria de Souza"
    assert markers.name_before(text, len(text)) == (9, "Maria de Souza")


def test_a_header_in_the_middle_of_the_articles_last_sentence_does_not_open_the_discussion():
    # no heading before the comments: the run's first "header" is the article's own sentence
    article = padded(ARTICLE) + ("The shelf moved between two branches of Riverside a year ago "
                                 "Staff say it was a success. ")
    discussion = ("Mary Jones says: March 3, 2024 at 9:15 am What a good idea. Reply "
                  "Tom Baker says: March 4, 2024 at 10:02 pm Will they lend a lawn mower too? Reply ")
    result = run(article + discussion + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom Baker"]
    assert "Staff say it was a success." in result["text"]


@pytest.mark.parametrize("discussion, expected", [
    # a count after the word, numeric dates
    ("Comments 2 Mary Jones 3/12/2021 at 1:48am What a good idea. Reply "
     "Tom Baker 3/13/2021 at 5:42pm Will they lend a lawn mower too? Reply ",
     [("Mary Jones", "3/12/2021 at 1:48am"), ("Tom Baker", "3/13/2021 at 5:42pm")]),
    # a dash before the date, "Posted", a permalink after the time
    ("2 Comments Mary Jones — March 3, 2024, 9:15 am What a good idea. "
     "Tom Baker Posted March 4, 2024 at 10:02 pm | Permalink Will they lend a lawn mower too? ",
     [("Mary Jones", "March 3, 2024, 9:15 am"), ("Tom Baker", "March 4, 2024 at 10:02 pm")]),
])
def test_stamped_header_formats(discussion, expected):
    result = run(padded(ARTICLE) + discussion + FOOTER)
    assert [(c["author"], c["posted"]) for c in result["comments"]] == expected
    assert [c["text"] for c in result["comments"]] == ["What a good idea.", "Will they lend a lawn mower too?"]


def test_one_header_right_under_a_count_is_a_discussion_of_one():
    result = run(padded(ARTICLE) + "One Comment Mary Jones says: March 3, 2024 at 9:15 am What a good idea. " + FOOTER)
    assert [c["text"] for c in result["comments"]] == ["What a good idea."]


def test_one_long_comment_under_a_counted_heading_does_not_cut_the_discussion():
    long_comment = "I have thought about the shelf a great deal and I have more to say about it. " * 60  # 1,020 words
    discussion = (f"3 Comments Mary Jones says: March 3, 2024 at 9:15 am {long_comment}Reply "
                  "Tom_B says March 4, 2024 at 10:02 pm Will they lend a lawn mower too? Reply "
                  "Ann Lee says March 5, 2024 at 8:00 am Our branch needs one of these shelves. Reply ")
    result = run(padded(ARTICLE) + discussion + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom_B", "Ann Lee"]
    assert "more to say about it" not in result["text"]


def test_a_rank_in_a_comment_is_not_a_heading_that_counts_comments():
    ranked = STAMPED.replace("the ladder last week.", "the ladder last week. Tools are my #1 thought daily.")
    result = run(padded(ARTICLE) + ranked + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom Baker", "Ann Lee"]


def test_a_count_a_reader_writes_does_not_move_the_heading():
    quoted = STAMPED.replace("the ladder last week.", "the ladder last week, after reading 75 comments about it.")
    result = run(padded(ARTICLE) + quoted + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom Baker", "Ann Lee"]
    assert "borrowed the ladder" not in result["text"]
