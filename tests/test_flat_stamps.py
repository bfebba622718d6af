"""Reader comments inside a page printed as one line, read off their timestamps.

The pages are written for the test (see tests/test_flat_comments.py for the
article and the page footer): the stamps stand before a comment with its name,
before it with the name after them, or in a footer below its text.
"""
from __future__ import annotations

from test_flat_comments import ARTICLE, FOOTER, padded, run

BODIES = ("What a good idea. I borrowed the ladder last week.", "Will they lend a lawn mower too?",
          "Our branch needs one of these shelves, and soon.")


def footers(template: str) -> str:
    names, stamps = ("Mary Jones", "Tom_B", "Ann Lee"), ("March 3, 2024 9:15 AM", "March 4, 2024 10:02 PM",
                                                         "March 5, 2024 8:00 AM")
    return "".join(f"{body} {template.format(n=k + 1, name=name, when=when)} "
                   for k, (body, name, when) in enumerate(zip(BODIES, names, stamps)))


def test_footers_below_each_comment_make_a_discussion():
    page = padded(ARTICLE) + "Comments " + footers("Comment #{n} - Posted by: {name} at {when}") + FOOTER
    result = run(page)
    comments = result["comments"]
    assert [c["author"] for c in comments] == ["Mary Jones", "Tom_B", "Ann Lee"]
    assert [c["text"] for c in comments] == list(BODIES)
    assert comments[1]["posted"] == "March 4, 2024 10:02 PM"
    assert "lawn mower" not in result["text"] and "The central library now lends power drills" in result["text"]
    assert "Privacy policy" in " ".join(r["text"] for r in result["removed"]) + result["text"]  # not a comment


def test_a_byline_stamp_above_the_heading_stays_with_the_article():
    byline = "Posted by Editor at March 2, 2024 5:00 PM "
    page = padded(ARTICLE) + byline + "Comments " + footers("by {name} on {when} reply") + FOOTER
    result = run(page)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom_B", "Ann Lee"]
    assert result["comments"][0]["text"] == BODIES[0]
    assert "Readers can suggest tools" in result["text"]


def test_stamps_before_the_name_and_with_a_middle_dot():
    dotted = ("23 Comments Mary Jones March 3, 2024 · 9:15 PM What a good idea. I borrowed the ladder last week. "
              "Reply to this Tom Baker March 4, 2024 · 10:02 PM Will they lend a lawn mower too? "
              "Reply to this Ann Lee March 5, 2024 · 8:00 AM Our branch needs one of these shelves, and soon. ")
    result = run(padded(ARTICLE) + dotted + FOOTER)
    assert [c["author"] for c in result["comments"]] == ["Mary Jones", "Tom Baker", "Ann Lee"]
    assert result["comments"][2]["posted"] == "March 5, 2024 · 8:00 AM"
    assert "shelves, and soon" not in result["text"]


def test_a_name_after_the_stamp_is_no_author_but_the_comments_are_found():
    after = ("Responses on 2024-03-03 at 9:15 am Mary What a good idea. I borrowed the ladder last week. "
             "on 2024-03-04 at 10:02 pm Tom Will they lend a lawn mower too? "
             "on 2024-03-05 at 8:00 am Ann Our branch needs one of these shelves, and soon. ")
    result = run(padded(ARTICLE) + after + FOOTER)
    assert len(result["comments"]) == 3
    assert "lawn mower" not in result["text"]


def test_permalinked_dates_under_a_count_after_a_short_post():
    post = "Red Dress at the Show The actress looks like she walked out of an old magazine in her red dress. "
    comments = "".join(f"{name} September 29, 2012, | Permalink {body} "
                       for name, body in zip(("Eva", "Maria", "Tine"), BODIES))
    page = post + "3 Comments " + comments + FOOTER + " Archives" + " November 2012 October 2012" * 60
    result = run(page)
    assert [c["author"] for c in result["comments"]] == ["Eva", "Maria", "Tine"]
    assert [c["text"] for c in result["comments"]] == list(BODIES)
    assert "walked out of an old magazine" in result["text"]


def test_dated_headlines_under_a_heading_are_not_a_discussion():
    teasers = ("Comments Latest news Mayor backs the new tool shelf March 3, 2024 9:15 AM Council votes on the "
               "bus lanes March 4, 2024 10:02 PM Storm closes the harbour road March 5, 2024 8:00 AM Power cut "
               "in the north March 6, 2024 7:00 AM ")
    result = run(padded(ARTICLE) + teasers + FOOTER)
    assert result["comments"] == []


def test_a_live_blog_of_stamped_entries_without_a_heading_stays_the_article():
    entries = "".join(f"March 3, 2024 {h}:15 AM {body} " for h, body in zip((9, 10, 11), BODIES))
    assert run(padded(ARTICLE) + entries + FOOTER)["comments"] == []


def test_an_article_between_the_heading_and_the_stamps_is_not_a_first_comment():
    """A count in the byline, then the article, then a short run of stamped footers: the
    article is far longer than the comments between the stamps."""
    page = ("14 Comments " + padded(ARTICLE) + padded(ARTICLE)
            + footers("by {name} on {when}") + FOOTER)
    result = run(page)
    assert "The central library now lends power drills" in result["text"]
