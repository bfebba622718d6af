"""Reader comments: the discussion is found as a region and split into comments.

Every page here is written for the test (no shared data): the layouts comment
systems print (says/date headers, name over date, headers after the comment,
vote counts, buttons, threads, avatars, "Load more"), a page footer after the
discussion, and articles whose voice or dialogue must not read as comments.
"""
from __future__ import annotations

import pytest

from cleaner import clean
from cleaner import markers
from cleaner.document import Document
from cleaner.stages.comments import CommentSection, block_scores, classify
from cleaner.stages.comments.evidence import MARKER_SCORE

ARTICLE = (
    "Library Opens a Tool-Lending Shelf\n\n"
    "The central library now lends power drills, sewing machines and a ladder, alongside its books. "
    "Members can borrow up to two tools at a time for a week.\n\n"
    "The shelf started with donations from a hardware shop that closed last year. Staff check every tool "
    "when it comes back, and a volunteer repairs anything that breaks.\n\n"
    "The library board will review the scheme in the spring and decide whether to add garden tools.\n\n"
)
FOOTER = "About us · Contact · Privacy policy · Terms of use\n\n© 2024 Riverside Gazette\n"


def run(text: str) -> dict:
    return clean(text, language=False).to_dict()


def texts(result: dict) -> list[str]:
    return [c["text"] for c in result["comments"]]


def meta(result: dict) -> list[str]:
    return [r["text"] for r in result["removed"] if r["category"] == "comment_meta"]


# ------------------------------------------------------------------ markers

@pytest.mark.parametrize("line, kind, name, when", [
    ("Mike R says: January 31, 2011 at 10:12 am", "says", "Mike R", "January 31, 2011 at 10:12 am"),
    ("by james on January 31, 2011 at 9:59 am. Reply #", "says", "james", "January 31, 2011 at 9:59 am"),
    ("• Jewels October 23, 2012 at 3:41 pm", "says", "Jewels", "October 23, 2012 at 3:41 pm"),
    ("1. Lauren K says:", "says", "Lauren K", None),
    ("tRiSh said...", "says", "tRiSh", None),
    ("Posted by: Curtains in my Tree | June 08, 2012 at 02:29 PM", "says", "Curtains in my Tree",
     "June 08, 2012 at 02:29 PM"),
    ("1. On October 29, 2012 at 2:35am, Rosa said...", "says", "Rosa", "October 29, 2012 at 2:35am"),
    ("Posted by: Sabrina at October 11, 2012 7:45 AM [#]", "says", "Sabrina", "October 11, 2012 7:45 AM"),
    ("skalja reblogged this from anklewings and added:", "says", "skalja", None),
    ("sampath, on November 7th, 2012 //", "says", "sampath", "November 7th, 2012"),
    ("Chris Lane, on November 6th, 2012 // Twitter: @chrislanephoto", "says", "Chris Lane", "November 6th, 2012"),
    ("**[Priya N](https://example.org/p)** · [January 5, 2014 at 7:12 pm](https://example.org/t#c1)",
     "says", "Priya N", "January 5, 2014 at 7:12 pm"),
    # html2text escapes what markdown would read as a list or a dash
    (r"1\. [Joel L](http://example.org/j) \- [29 August, 2011](http://example.org/t#comment-1)", "says",
     "Joel L", "29 August, 2011"),
    (r"2\. 23\. Jul, 2012 /  [Courtney](http://example.org/c) says: ", "says", "Courtney", "23. Jul, 2012"),
    ("October 9, 2012 3:04 PM", "date", None, "October 9, 2012 3:04 PM"),
    ("2 days ago", "date", None, "2 days ago"),
    ("Yesterday at 10:02 AM", "date", None, "Yesterday at 10:02 AM"),  # not a comment by "AM"
    ("Sarah today at 5:12 pm", "says", "Sarah", "today at 5:12 pm"),
    ("@Chris Gr.", "reply", "Chris Gr", None),
    ("In reply to grumpy_cyclist", "reply", "grumpy_cyclist", None),
    ("Last edited 14 days ago by jasonovich", "edited", "jasonovich", "14 days ago"),
    ("Avatar of Dana K", "author", "Dana K", None),
    ("malikai's picture", "author", "malikai", None),
    ("Thu, 08/09/2012 - 13:04 | 2691543 malikai", "says", "malikai", "Thu, 08/09/2012 - 13:04"),
    ("Chris Lane, on November 6th, 2012   @chrislanephoto", "says", "Chris Lane", "November 6th, 2012"),
    ("10. bbmgwrote on November 12th, 2012 at 5:30 pm Link To Comment | Reply To Comment", "says", "bbmg",
     "November 12th, 2012 at 5:30 pm"),  # the converter glued the linked name to the verb
    ("• Phil Whiteresponded to Big Daddy on November 13th, 2012 at 4:18 am Link To Comment |", "says",
     "Phil White", "November 13th, 2012 at 4:18 am"),
    ("1. AmySeptember 11, 2008 at 2:06 PM", "says", "Amy", "September 11, 2008 at 2:06 PM"),  # Blogger, glued
    ("1 second ago ( 2:26 PM)", "date", None, "1 second ago ( 2:26 PM)"),
    ("August 9, 2012 02:07 pm at 2:07 pm |", "date", None, "August 9, 2012 02:07 pm at 2:07 pm"),  # CNN
    ("Reply", "chrome", None, None),
    ("Like · Reply · Report", "chrome", None, None),
    ("Please rate this comment: Thumb up 1 Thumb down 0", "chrome", None, None),
    ("* [Reply](https://example.org/t?replytocom=3#respond)", "chrome", None, None),
    ("12 points", "chrome", None, None),
    ("Load more comments", "chrome", None, None),
    ("View 2 more replies", "chrome", None, None),
    ("23 Responses to “Belarus drills”", "heading", None, None),
    ("{ 74 comments… read them below or add one }", "heading", None, None),
    ("4 appreciated comments on “Stop motion. Behind the scenes.”", "heading", None, None),
    ("3 Comments, Comment or Ping", "heading", None, None),
    ("4 Comments. Leave new", "heading", None, None),
    ("12 Responses Add yours", "heading", None, None),
    ("No comments:", "none", None, None),
    ("Leave a Reply", "form", None, None),
    ("Comments are closed.", "form", None, None),
    ("blog comments powered by Disqus", "form", None, None),
    ("You can follow this conversation by subscribing to the comment feed for this post.", "form", None, None),
    ("Post new comment", "form", None, None),
    ("This post's comment feed", "form", None, None),
    ("After you comment, click Post. If you're not already logged in you will be asked to log in.", "form",
     None, None),
])
def test_markers_parse_short_lines(line, kind, name, when):
    marker = markers.parse(line)
    assert marker is not None and marker.kind == kind
    assert marker.name == name
    assert marker.when == when


@pytest.mark.parametrize("line", [
    "The council said on Monday it would act.",
    "I said that on January 5, 2012 at the meeting we would vote.",
    "He wrote this in March 2011 and said nothing.",
    "October 2012",
    "Reply to the minister came quickly.",
    "Post new comments on the thread",   # a sentence, not the form's button
    "Loading...",                        # a placeholder, read inside a discussion only (below)
    "September 18th, 2012 | Tags: parenting, safety, youth | Category: Uncategorized",
    "3 more comments",
    "2. Last checked: 2025-10-28",      # a footnote, not "NAME: DATE"
    "Last updated: March 3, 2024",
    " / Updated Dec. 19, 2025",          # a teaser's stamp, not a comment's
    "Published on November 5th, 2012",
    "Mar 13, 2026 9 mins",               # a teaser's date and reading time
    "Someone forgot today is the 26th.",  # "today" inside a sentence is no date of a header
    "Sussex Modernism Towner Eastbourne 23 May – 28 September 2025",  # an exhibition's dates
    "Jazz Festival 12–14 March 2024",
    "Get a free quote today.",           # a phrase ending in "today", not "Sarah today"
    "Today's best price",
    "Workshop series May 1 - June 3, 2025",
    "02 de febrero de 2022 12:02 PM",    # a date in Spanish, not "NAME TIME"
    "The shop opened its doors inMarch 3, 2021 to long queues.",  # a glued date inside a sentence
    "x" * 400,
])
def test_markers_leave_sentences_and_paragraphs_alone(line):
    assert markers.parse(line) is None


# ------------------------------------------------------------------ layouts

def test_says_headers_with_dates_and_reply_buttons():
    text = ARTICLE + (
        "3 Responses to “Library Opens a Tool-Lending Shelf”\n\n"
        "Mike R says: January 31, 2011 at 10:12 am\n\n"
        "I always wondered why nobody did this. Thanks for writing it up.\n\n"
        "Reply\n\n"
        "Sandra K says: February 1, 2011 at 8:03 pm\n\n"
        "@Mike R. same here! my shed is full of things I used once.\n\n"
        "Reply\n\n"
        "tyreguy77 says: February 2, 2011 at 9:45 am\n\n"
        "Good article but you forgot to mention the deposit, is there one?\n\n"
        "Reply\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    r = run(text)
    assert [c["author"] for c in r["comments"]] == ["Mike R", "Sandra K", "tyreguy77"]
    assert r["comments"][1]["reply_to"] == "Mike R"
    assert r["comments"][0]["posted"] == "January 31, 2011 at 10:12 am"
    assert not any(t in ("Reply", "Leave a Reply") for t in texts(r))
    assert "Reply" in meta(r)
    assert r["text"].endswith("decide whether to add garden tools.")


def test_a_widget_placeholder_is_no_comment_and_no_part_of_one():
    text = ARTICLE + (
        "2 Responses to “Library Opens a Tool-Lending Shelf”\n\n"
        "Mike R says: January 31, 2011 at 10:12 am\n\n"
        "I always wondered why nobody did this. Thanks for writing it up.\n\n"
        "Loading...\n\n"
        "Sandra K says: February 1, 2011 at 8:03 pm\n\n"
        "My shed is full of things I used once, so this is welcome.\n\n"
        "Loading…\n\n"
        "Leave a Reply\n"
    )
    r = run(text)
    assert texts(r) == ["I always wondered why nobody did this. Thanks for writing it up.",
                        "My shed is full of things I used once, so this is welcome."]
    assert [x["rule"] for x in r["removed"] if x["text"].startswith("Loading")] == ["comments.placeholder"] * 2


RELATED = (
    "Mortgage approvals rise slightly\n\n27 Apr 2010\n\n"
    "Large deposits are creating a lost generation of homebuyers\n\n12 Oct 2010\n\n"
    "Council to review the tool-lending scheme in spring\n\n9 Feb 2012\n\n"
    "Hardware shop closure leaves a gap on the high street\n\n19 Jan 2012\n\n"
)


def test_dated_headlines_that_name_nobody_are_teasers_not_a_discussion():
    r = run(ARTICLE + RELATED + FOOTER)
    assert r["comments"] == []


def test_anonymous_dated_comments_that_read_as_sentences_stay_a_discussion():
    text = ARTICLE + (
        "27 Apr 2010\n\nI always wondered why nobody did this. Thanks for writing it up.\n\n"
        "12 Oct 2010\n\nIs there a deposit? The article does not say.\n\n"
        "9 Feb 2012\n\nGreat idea, our town should copy it!\n\n"
    ) + FOOTER
    assert len(run(text)["comments"]) == 3


def test_a_one_word_comment_under_a_named_header_is_the_comment():
    # a giveaway's answers: the same one-word comment many times, each under "NAME says: / DATE"
    answers = (("Fernie", "Buckwheat"), ("Delora", "Buckwheat"),
               ("Anita K", "Buckwheat seeds! Thank you for these fun giveaways, I love them."),
               ("Robin P", "Buckwheat. Happy holidays to you and the whole team!!"))
    text = ARTICLE + "4 Responses to “Library Opens a Tool-Lending Shelf”\n\n" + "".join(
        f"{name} says:\nNovember 10, 2012 at 11:0{n} am\n\n{body}\n\nReply\n\n"
        for n, (name, body) in enumerate(answers))
    r = run(text)
    assert [c["author"] for c in r["comments"]] == [name for name, _ in answers]
    assert texts(r) == [body for _, body in answers]
    assert "Buckwheat" not in meta(r)


def test_name_over_date_with_vote_counts():
    text = ARTICLE + (
        "Comments\n\n"
        "grumpy_cyclist\n2 days ago\n\n"
        "Finally!! I have wanted this for ten years. now do garden tools too\n\n"
        "12 points\nReply\n\n"
        "ShopOwner2020\n2 days ago\n\n"
        "@grumpy_cyclist you don't run a hardware shop. We will lose customers.\n\n"
        "3 points\nReply\n\n"
        "Lena M.\n1 day ago\n\n"
        "I think both of you are right, we need the shelf and the shops.\n\n"
        "5 points\nReply\n\n"
        "Load more comments\n"
    )
    r = run(text)
    assert [c["author"] for c in r["comments"]] == ["grumpy_cyclist", "ShopOwner2020", "Lena M."]
    assert [c["posted"] for c in r["comments"]] == ["2 days ago", "2 days ago", "1 day ago"]
    assert r["comments"][1]["reply_to"] == "grumpy_cyclist"
    assert {"12 points", "3 points", "5 points", "Load more comments"} <= set(meta(r))
    assert not any("points" in t for t in texts(r))


def test_headers_after_the_comment_attach_to_it():
    text = ARTICLE + (
        "12 comments\n\n"
        "I live next to the library and borrowed the ladder last week. Wonderful idea.\n\n"
        "by Helen Parks on March 3, 2013 at 9:14 am. Reply #\n\n"
        "Who pays when something breaks? I hope it is not the book budget.\n\n"
        "Please think about that before you add more tools.\n\n"
        "by oldtimer42 on March 3, 2013 at 11:02 am. Reply #\n\n"
        "Leave a comment\n\n"
        "Jane Doe writes about local politics for the Gazette. She lives two streets away with two cats.\n\n"
        "Categories\n\n• Politics\n• Transport\n• Uncategorized\n"
    )
    r = run(text)
    comments = r["comments"]
    assert [c["author"] for c in comments] == ["Helen Parks", "oldtimer42"]
    assert comments[0]["text"].startswith("I live next to the library")
    assert comments[1]["text"] == ("Who pays when something breaks? I hope it is not the book budget.\n\n"
                                   "Please think about that before you add more tools.")
    assert comments[1]["posted"] == "March 3, 2013 at 11:02 am"
    assert not any("Jane Doe" in t or "Politics" in t for t in texts(r))


def test_blogger_said_and_trailing_date():
    text = ARTICLE + (
        "3 comments:\n\n"
        "Ollie said...\n\n"
        "Mine took almost three weeks, so you are doing great.\n\n"
        "October 9, 2012 3:04 PM\n\n"
        "Marta said...\n\n"
        "Thanks Ollie! I will try the honey trick.\n\n"
        "October 9, 2012 6:30 PM\n\n"
        "breadhead said...\n\n"
        "what flour are you using?? whole rye or light rye\n\n"
        "October 10, 2012 8:12 AM\n\n"
        "Post a Comment\n\n"
        "Older Post Home\n\n"
        "Subscribe to: Post Comments (Atom)\n"
    )
    r = run(text)
    assert [(c["author"], c["posted"]) for c in r["comments"]] == [
        ("Ollie", "October 9, 2012 3:04 PM"), ("Marta", "October 9, 2012 6:30 PM"),
        ("breadhead", "October 10, 2012 8:12 AM")]
    assert not any("Older Post" in t or "Subscribe" in t for t in texts(r))


def test_thread_with_avatars_replies_and_footer():
    text = ARTICLE + (
        "Discussion\n\n"
        "Avatar of grumpy_cyclist\ngrumpy_cyclist\n3 hours ago\n\n"
        "Brilliant idea. I have needed a ladder exactly twice in ten years, no way I am buying one.\n\n"
        "Like · Reply · Report\n\n"
        "Avatar of Dana K\nDana K\n2 hours ago\n\n"
        "In reply to grumpy_cyclist\n\n"
        "Same here! although I wonder who pays when a drill breaks\n\n"
        "Like · Reply · Report\n\n"
        "Avatar of Lib_Staff_Tom\nLib_Staff_Tom\n1 hour ago\n\n"
        "@Dana K Repairs come out of the shelf budget, and so far nothing has been lost.\n\n"
        "Like · Reply · Report\n\n"
        "View 2 more replies\n\n"
        "Load more comments\n\n" + FOOTER
    )
    r = run(text)
    comments = r["comments"]
    assert [c["author"] for c in comments] == ["grumpy_cyclist", "Dana K", "Lib_Staff_Tom"]
    assert [c["reply_to"] for c in comments] == [None, "grumpy_cyclist", "Dana K"]
    assert comments[-1]["text"] == "@Dana K Repairs come out of the shelf budget, and so far nothing has been lost."
    assert not any("Avatar" in t or "Like" in t or "Privacy" in t or "©" in t for t in texts(r))
    assert {"Like · Reply · Report", "View 2 more replies", "Load more comments"} <= set(meta(r))


THREAD = (
    "  • http://twitter.com/dana_k Dana Kowalski\n\n"
    "    Brilliant idea. I have needed a ladder exactly twice in ten years, no way I am buying one.\n\n"
    "    • libstafftom\n\n"
    "      Repairs come out of the shelf budget, and so far nothing has been lost.\n\n"
    "  • grumpy_cyclist\n\n"
    "    what about garden tools? my hedge trimmer is gathering dust\n\n"
    "    • libstafftom\n\n"
    "      The board will look at garden tools in the spring.\n\n"
    "      • http://www.facebook.com/dana.k Dana Kowalski\n\n"
    "        Obama. no, I mean: great.\n\n"
)


def test_threaded_list_of_names_over_comments():
    """Disqus as converters print it: a bullet holds the commenter's name (perhaps after a
    profile link), the comment is indented under it (resiliparse, inscriptis) or flush left
    after it (html2text), and a reply is nested in the comment it answers. No heading, no
    dates: the layout is the evidence. The sidebar after the thread
    (its own "By: NAME" teasers are headers too) is not part of it."""
    sidebar = ("  • Council Approves New Bike Lanes\n\n    By: metrodesk (Diary)\n\n"
               "  • Bakery Wins Regional Prize\n\n    By: foodteam (Diary)\n\n")
    deeper = "\n".join("    " + line if line else line for line in THREAD.split("\n"))  # inscriptis
    markdown = "\n".join(line.replace("•", "*") if line.lstrip().startswith("•") else line.lstrip()
                         for line in THREAD.split("\n"))  # html2text: the text flush left under "  * NAME"
    for thread in (THREAD, deeper, markdown):
        r = run(ARTICLE + thread + sidebar + FOOTER)
        comments = r["comments"]
        assert [c["author"] for c in comments] == ["Dana Kowalski", "libstafftom", "grumpy_cyclist",
                                                   "libstafftom", "Dana Kowalski"]
        assert [c["reply_to"] for c in comments] == [None, "Dana Kowalski", None, "grumpy_cyclist", "libstafftom"]
        assert comments[-1]["text"] == "Obama. no, I mean: great."
        assert "Bakery" not in " ".join(texts(r)) and "ladder exactly twice" not in r["text"]
        assert r["text"].startswith("Library Opens a Tool-Lending Shelf")


def test_a_long_comment_in_a_thread_keeps_the_thread_together():
    """A reply of a dozen paragraphs under one item (a letter it quotes): the items around it
    are still one thread, and each keeps its text."""
    letter = "".join(f"      The timetable, point {n}, lists the winter crossings and the fares.\n\n"
                     for n in range(12))
    thread = THREAD.replace("    • libstafftom\n\n      Repairs",
                            "    • libstafftom\n\n" + letter + "      Repairs", 1)
    r = run(ARTICLE + thread + FOOTER)
    assert [c["author"] for c in r["comments"]] == ["Dana Kowalski", "libstafftom", "grumpy_cyclist",
                                                    "libstafftom", "Dana Kowalski"]
    assert "point 11" in r["comments"][1]["text"] and "Repairs come out" in r["comments"][1]["text"]


@pytest.mark.parametrize("sidebar", [
    # sections over their teasers
    "  • Science\n\n    Researchers mapped the river delta with drones over three summers.\n\n"
    "  • Gadget Lab\n\n    The new tablet ships with a larger battery and a matte screen.\n\n"
    "  • Danger Room\n\n    The agency published its annual report on procurement delays.\n\n",
    # products over their copy, which speaks to "you" as a reader does
    "  • Folding Treadmill\n\n    Compact and quiet, it folds away so you can train in a small flat.\n\n"
    "  • Power Tower\n\n    Transform your routine: pull-ups, dips and push-ups on one frame.\n\n"
    "  • Exercise Mat\n\n    A thick mat that protects your joints, and our best seller this year.\n\n",
    # a sidebar menu whose last items carry a blurb in the owner's voice
    "  * Home\n  * Advertising\n      Check out my new book, I wrote it over two winters!\n\n"
    "  * Contact\n      I love hearing from readers, so write to me any time!\n\n",
    # a listicle: numbered names over paragraphs flush left, some in the writer's voice; a
    # markdown thread would show a reply, a regular or a profile link
    "1. Anna Berg\n\nI met Anna in 2010, and her portraits changed how I see the city.\n\n"
    "2. Tomas Lind\n\nTomas builds cameras from scrap wood and old lenses.\n\n"
    "3. Mira Okafor\n\nHer night series is the one I return to most, I admit.\n\n",
])
def test_list_items_with_excerpts_are_not_a_thread(sidebar):
    """Sections, products, a menu's last items or a listicle's names over their text have a
    thread's shape; the text is not readers talking, or the list shows nothing of a thread,
    so the names do not head comments."""
    r = run(ARTICLE + sidebar + FOOTER)
    assert r["comments"] == []


def test_a_name_in_the_sidebar_after_the_form_does_not_carry_the_discussion_on():
    """Blogger: one comment, the comment form, then the sidebar, whose widget titles sit over
    lines in a reader's voice ("Got a burning question? Email me!"). A bare name is the
    weakest header: after the form it does not make the sidebar part of the discussion."""
    text = ARTICLE + (
        "1 comment:\n\n"
        "Emily said...\n\n"
        "Just made up a batch of this, delicious!\n\n"
        "October 9, 2012 3:04 PM\n\n"
        "Post a Comment\n\n"
        "Older Post Home\n\n"
        "LinkWithin\n\n"
        "Got a burning question? Email me!\n\n"
        "LinkWithin\n\n"
        "Follow me on the radio, I talk about compost every Friday!\n\n" + FOOTER
    )
    r = run(text)
    assert texts(r) == ["Just made up a batch of this, delicious!"]


def test_a_form_line_under_every_comment_does_not_end_the_discussion():
    """Drupal prints "Login or register to post comments" under every comment, the next
    comment's header right below it in the same block: the form ends the discussion only
    where no header follows it."""
    comment = ("  • Login or register to post comments\n"
               "Thu, 08/09/2012 - 13:{m:02d} | 26915{m:02d} {name}\n"
               "{name}'s picture\n\n"
               "{said}\n\n")
    said = {"malikai": "Here is how it looks to us from the trading desk.",
            "Skateboarder": "You mean in the hands of the seed companies, surely.",
            "Abraxas": "Beware, do not mention the name of the Evil One aloud.",
            "indygo55": "All part of the master plan, as usual."}
    thread = "".join(comment.format(m=4 + k, name=n, said=t) for k, (n, t) in enumerate(said.items()))
    text = ARTICLE + "Comment viewing options\n\nSelect your preferred way to display the comments.\n" + \
        thread.replace("  • Login or register to post comments\n", "", 1) + \
        "  • Login or register to post comments\n\n" + FOOTER
    r = run(text)
    # (the first header shares its block with a line of chrome, which goes to the
    # discussion as an unsigned comment: what this test is about is where it ends)
    assert texts(r)[-4:] == list(said.values())
    assert [c["author"] for c in r["comments"]][-4:] == list(said)


def test_markdown_comments_from_html2text():
    text = ARTICLE + (
        "## 3 Comments\n\n"
        "**[Priya N](https://example.org/priya)** · [January 5, 2014 at 7:12 pm](https://example.org/t#comment-1)\n\n"
        "Worked first time, thank you! I had no idea the washer was so cheap.\n\n"
        "* [Reply](https://example.org/t?replytocom=1#respond)\n\n"
        "**[mark_the_plumber](https://example.org/mark)** · [January 6, 2014 at 8:03 am](https://example.org/t#comment-2)\n\n"
        "good guide but check the O-ring too, on mixer taps that is usually the culprit\n\n"
        "* [Reply](https://example.org/t?replytocom=2#respond)\n\n"
        "### Leave a Reply\n\n"
        "* [Home](https://example.org/)\n* [Contact](https://example.org/contact)\n"
    )
    r = run(text)
    assert [c["author"] for c in r["comments"]] == ["Priya N", "mark_the_plumber"]
    assert not any("[Reply]" in t or "Home" in t for t in texts(r))


def test_markdown_comments_with_escaped_numbers_and_dashes():
    """html2text writes "1\\." and "\\-" where markdown would read a list or a dash: the
    headers are read as a reader sees them."""
    said = {"Joel L": "Great result, the away fans were superb all afternoon.",
            "Robbo": "They had better buy some players before the window shuts!",
            "Jeff": "Loved our away fans. I could not have been more proud of us!"}
    text = ARTICLE + "## Comments\n\n" + "".join(
        f"{k}\\. [{name}](http://example.org/{k}) \\- [29 August, 2011](http://example.org/t#comment-{k})\n"
        f"{body}\n[Reply](/t?replytocom={k}#respond)\n"
        for k, (name, body) in enumerate(said.items(), 1)) + "\n" + FOOTER
    r = run(text)
    assert [c["author"] for c in r["comments"]] == list(said)
    assert texts(r) == list(said.values())


@pytest.mark.parametrize("line, name, when, body", [
    ("  * Ted W [ October 14th, 2012 at 4:51 pm ](http://example.org/t#comment-1) Woe is me! I sound just like"
     " my father.", "Ted W", "October 14th, 2012 at 4:51 pm", "Woe is me! I sound just like my father."),
    ("  1. [Ann K](http://example.org/a) says: [April 9, 2012 at 5:18 pm](http://example.org/t#comment-2) If you"
     " are in the 15% bracket, max it out now!", "Ann K", "April 9, 2012 at 5:18 pm",
     "If you are in the 15% bracket, max it out now!"),
])
def test_a_header_that_leads_its_line_is_read_with_the_comment_after_it(line, name, when, body):
    [(marker, text)] = markers.led_headers([line]).values()
    assert (marker.kind, marker.name, marker.when, text) == ("says", name, when, body)


@pytest.mark.parametrize("line", [
    "Smith wrote: “The budget is fine” and he said so at 10:30 today.",  # no date: a quotation
    "The vote, on October 14th, 2012 at 4:51 pm, was close: Ted W counted twice.",  # no name first
    "Ted W October 14th, 2012 at 4:51 pm",  # nothing after it: a marker line of its own
])
def test_lines_no_header_leads(line):
    assert markers.led_headers([line]) == {}


def test_comment_list_printed_one_line_a_comment():
    """html2text prints a comment list as one block, each item one line: the header, then the
    comment's text. The headers are comment metadata, the text after each one a comment."""
    said = {"Ted W": "Woe is me! I sound just like my father, and I cannot stop.",
            "Ann K": "Great idea, I will borrow the drill next week for the shed.",
            "Sara P": "Does it come with bits? Mine are all worn out after the fence."}
    text = ARTICLE + "### 3 comments to Library Opens a Tool-Lending Shelf\n\n" + "".join(
        f"  * {name} [ October {k}th, 2012 at 4:5{k} pm ](http://example.org/t#comment-{k}) {body}\n"
        for k, (name, body) in enumerate(said.items(), 4)) + "\n### Leave a Reply\n\n" + FOOTER
    r = run(text)
    assert [(c["author"], c["text"]) for c in r["comments"]] == list(said.items())
    assert all(f"October {k}th, 2012" in " ".join(meta(r)) for k in (4, 5, 6))
    assert not any(name in r["text"] for name in said)


def test_comment_list_one_block_with_comments_of_several_lines():
    """The comments of such a list run on to lines of their own ("…", a signature, the
    commenter's latest post): the headers are a small share of the block's lines, and still
    the block is the discussion."""
    said = {"Ann K": "If you are in the 15% bracket, max it out now!", "Tom H": "I have one because my rate is low.",
            "Erica": "I agree with the last two comments, it is flexible."}
    text = ARTICLE + "### 3 Responses\n\n" + "".join(
        f"  {k}. [{name}](http://example.org/{k}) says: [April {k}, 2012 at 5:1{k} pm](http://example.org/t#c{k}) "
        f"{body}  \n{name} recently posted..[My week in numbers](http://example.org/p{k})  \nThanks for the post.\n"
        for k, (name, body) in enumerate(said.items(), 1)) + "\n### Leave a Reply\n\n" + FOOTER
    r = run(text)
    assert [c["author"] for c in r["comments"]] == list(said)
    assert [t.split("\n")[0] for t in texts(r)] == list(said.values())
    doc = Document(text)
    [listed] = [b.index for b in doc.blocks if "recently posted" in doc.slice(b.start, b.end)]
    assert block_scores(doc)[listed] >= MARKER_SCORE["says"]  # its headers speak for it


def test_a_header_that_leads_its_line_has_its_comment_beside_it():
    """The comment's text is on the header's line: it is paired whatever the next line holds
    (here the commenter's latest post, a link)."""
    text = ARTICLE + "### 1 Response\n\n" + (
        "  1. [Ann K](http://example.org/a) says: [April 1, 2012 at 5:11 pm](http://example.org/t#c1) If you are in "
        "the 15% bracket, max it out now!  \nAnn K recently posted..[My week](http://example.org/p1)\n\n") + FOOTER
    units = [u for us in classify(Document(text)) for u in us]
    [header] = [u for u in units if u.kind == "says"]
    assert header.marker.name == "Ann K" and header.paired


def test_a_line_of_a_link_with_no_words_is_no_evidence():
    """html2text prints a commenter's avatar as a link with no words ("[](…/users/ann)"): it
    neither reads as a menu against the discussion nor as a comment; a bulleted row of such
    links (a share bar, a sidebar's thumbnails) still reads as a list."""
    text = ARTICLE + "* [](http://example.org/share/t)\n* [](http://example.org/share/f)\n\n## 2 Comments\n\n" \
        "[](http://example.org/users/ann)\n\n#####  Tools\n\nGreat idea, I will borrow the drill next week.\n\n" \
        "by [Ann](http://example.org/users/ann) on  Aug 9, 2012 10:40 AM EDT  reply\n\n" + FOOTER
    doc = Document(text)
    scores = block_scores(doc)
    [avatar] = [b.index for b in doc.blocks if doc.slice(b.start, b.end).startswith("[](")]
    [bar] = [b.index for b in doc.blocks if doc.slice(b.start, b.end).startswith("* [](")]
    assert scores[avatar] == 0.0 and scores[bar] < 0


def test_one_dated_byline_glued_to_a_paragraph_is_no_discussion():
    text = ("Library Opens a Tool-Lending Shelf\n\n"
            "Ted W October 14th, 2012 at 4:51 pm The central library now lends power drills, sewing machines "
            "and a ladder, alongside its books.\n\n" + ARTICLE.split("\n\n", 1)[1] + FOOTER)
    r = run(text)
    assert r["comments"] == [] and "The central library now lends power drills" in r["text"]


def test_discussion_without_a_heading_or_headers(seeds):
    r = clean(seeds["003"], language=False).to_dict()
    assert len(r["comments"]) == 22
    assert r["text"].endswith("in case the Ukrainians do instigate provocations.")


def test_footer_after_the_discussion_is_not_a_comment():
    text = ARTICLE + (
        "2 Responses\n\n"
        "Mike R says: January 31, 2011 at 10:12 am\n\n"
        "Great idea, I will borrow the drill next week.\n\n"
        "Sandra K says: February 1, 2011 at 8:03 pm\n\n"
        "Does it come with bits? Mine are all worn out.\n\n"
        "Comments are closed.\n\n"
        "I'm the editor of the Gazette and I love hearing from you! Write to me any time.\n\n" + FOOTER
    )
    r = run(text)
    assert texts(r) == ["Great idea, I will borrow the drill next week.",
                        "Does it come with bits? Mine are all worn out."]


# ------------------------------------------------------------------ no discussion

def test_first_person_op_ed_gets_no_comments():
    text = (
        "Why I Still Write Letters by Hand\n\n"
        "I have written a letter by hand every week for twenty years. My friends think it is strange, "
        "and my children find it funny, but I have no plans to stop.\n\n"
        "When I write by hand, I slow down. I choose my words more carefully than I do in an email.\n\n"
        "You might say that nobody has time for this anymore. I would answer that we make time for what we value!\n\n"
        "Last month my aunt sent me back a letter I had written to her in 2004. I had forgotten every word.\n\n"
        "So I will keep writing. If you have never tried it, pick a friend and send one letter this week.\n"
    )
    r = run(text)
    assert r["comments"] == []
    assert len(r["text"].split("\n\n")) == 6


def test_posts_listed_under_one_author_are_not_a_discussion():
    """Previous / next posts, each under its author and date, talk like nobody: one voice."""
    text = ARTICLE + (
        "Stef KeeganAugust 5, 2024\n\n"
        "Facebook0 Twitter 0 Likes\n\n"
        "Previous\n\n"
        "Antioxidants: what are they and why are they important?\n\n"
        "Stef KeeganAugust 19, 2024\n\n"
        "Next\n\n"
        "What to Know About Blood Cholesterol Levels\n\n"
        "Stef KeeganJune 24, 2024\n\n"
        "Have a question? Call us toll free: 855-500-4476\n"
    )
    assert run(text)["comments"] == []
    two = text.replace("KeeganAugust 19", "Miller August 19")  # two people: the same layout is a thread
    assert len(run(two)["comments"]) >= 2


def test_dialogue_with_said_lines_gets_no_comments():
    text = (
        "The Night Ferry\n\n"
        "The ferry left at ten, and by half past the deck was empty except for the two of us.\n\n"
        "\"You came back,\" she said. \"I didn't think you would.\"\n\n"
        "I told her I had nowhere else to go. It was true, and she knew it, and she laughed anyway.\n\n"
        "Anna said:\n\n"
        "\"Don't. Whatever it is, don't say it yet.\"\n\n"
        "Tom said:\n\n"
        "\"Then I won't. Not tonight.\"\n\n"
        "When we reached the island it was past midnight, and neither of us said a word until we were home.\n"
    )
    r = run(text)
    assert r["comments"] == []
    assert "Anna said:" in r["text"]


def test_article_with_dateline_and_subheadings_gets_no_comments():
    text = (
        "Boost Your Results With Dynamic Search Ads\n\n"
        "Thursday, October 25, 2012 | 7:14 AM\n\n"
        "Last October we introduced Dynamic Search Ads, an efficient new way to target searches.\n\n"
        "Update (10/29/12):\n\n"
        "Because we crawl pages with more impressions more often, new pages may take a day to show.\n\n"
        "Kartell Frilly Chair\n\n"
        "I love the clever new chair, and I think you will too!\n\n"
        "Last Minute Stool\n\n"
        "Coalesse is also distributing a streamlined and ergonomic stool.\n"
    )
    assert run(text)["comments"] == []


def test_numbered_subheadings_over_paragraphs_are_not_comment_authors():
    """Title-case subheadings over paragraphs look like "NAME / comment": without a reply or
    edit note, a heading or dates, they are the article's list, not a discussion."""
    tips = "".join(
        f"{n}. {title}\n\n{body}\n\n" for n, (title, body) in enumerate([
            ("Commit To Hygiene", "Brushing your teeth twice a day is the simplest habit you can keep."),
            ("Schedule Check Ups", "Regular visits catch small problems before they become painful ones."),
            ("Limit Sugary Foods", "If you drink soda daily, you can cut back by one can a week."),
            ("Quit Tobacco Use", "Smoking is a major risk factor, and quitting helps your gums heal."),
        ], start=1))
    text = "New Year, New Smile\n\nUpdated: Sep 19\n\n" + tips + "Recent Posts\n\nQuick Links\n"
    result = run(text)
    assert result["comments"] == []
    assert "quitting helps your gums heal" in result["text"]
    assert markers.looks_like_name("4. Quit Tobacco Use") is False
    assert markers.looks_like_name("Quit Tobacco Use") is True  # the shape alone is a name's


def test_subheadings_in_the_pages_own_words_are_not_comment_authors():
    """Title-case lines over paragraphs read like "NAME / comment". "Rental Agreement" and
    "Road Signs" are words the page also writes in lower case, so they are headings; people's
    names and handles are not the page's ordinary words."""
    text = (
        "Rental Agreement\n\nThe rental agreement tells you the rules and who pays for damage.\n\n"
        "Road Signs\n\nRoad signs differ between countries, so learn the road signs first.\n\n"
        "Dana Kowalski\n\nI never read the agreement, and you probably do not either!\n\n"
        "grumpy_cyclist\n\nthe signs in this town are a mess anyway\n\n"
    )
    doc = Document(text)
    kinds = {doc.slice(u.line.start, u.line.end).strip(): u.kind for us in classify(doc) for u in us}
    assert kinds["Rental Agreement"] == "content" and kinds["Road Signs"] == "content"
    assert kinds["Dana Kowalski"] == "author"


def test_a_date_over_a_title_is_a_listing_not_a_trailing_header():
    """"DATE / Event name / Place / description" repeated is a list of events: the date heads
    the item after it, so it does not close the paragraph before it as a comment header."""
    events = "".join(f"• {date}\n\n{name}\n\n{place}, United States\n\n{body}\n\n" for date, name, place, body in [
        ("March 16, 2026", "Fabric Conference", "Atlanta", "The largest conference on data platforms, with talks and labs."),
        ("March 17, 2026", "GPU Summit", "San Jose", "Developers and researchers meet to share advances in computing."),
        ("March 18, 2026", "Channel Live", "Columbus", "Two days of sessions where managed service providers grow."),
        ("March 19, 2026", "Secure World", "Charlotte", "For more than 25 years the event has gathered security teams."),
    ])
    result = run("Top IT Conferences in 2026\n\nA list of upcoming events for service providers.\n\n" + events)
    assert result["comments"] == []
    assert not any(r["category"] == "comment_meta" for r in result["removed"])


def test_subheadings_before_a_dated_discussion_stay_in_the_article():
    """Subheadings repeated over paragraphs ("History", "Mechanism" under each account) look
    like "NAME / comment"; when the page's comments carry dates, the discussion starts at the
    first dated header and the subheadings stay in the article."""
    sections = "".join(
        f"{account.upper()}\n\nHistory\n\nThe {account} was created by a tax law and named after the "
        f"senator who sponsored it. It grew popular because withdrawals are flexible.\n\n"
        f"Mechanism\n\nContributions to the {account} are taxed when they are paid in, but the money "
        f"comes out free of tax later, which suits savers who expect a higher rate.\n\n"
        for account in ("Roth account", "traditional account"))
    discussion = "".join(f"{name} says: March {day}, 2012 at 9:1{day} am\n\n{body}\n\nReply\n\n"
                         for day, (name, body) in enumerate([
                             ("Dave", "Thanks, this cleared up a lot for me!"),
                             ("Sarah J", "I wish I had opened one of these twenty years ago."),
                             ("Tom", "Great breakdown, sharing this with my brother."),
                         ], start=1))
    result = run("Roth versus traditional accounts\n\n" + sections + discussion)  # no heading: dates alone
    assert [c["author"] for c in result["comments"]] == ["Dave", "Sarah J", "Tom"]
    assert "History" in result["text"] and "free of tax later" in result["text"]


def test_counted_heading_opens_a_discussion_after_a_short_post():
    """A post of a title and a byline, then "{ 43 comments }": the first comment is not the article."""
    text = (
        "Conversation with my readers\n\n"
        "{ 3 comments… read them below or add one }\n\n"
        "Maria July 7, 2012 at 2:31 pm\n\n"
        "Thank you Paulo for your kind words, wisdom and knowledge. You are truly an inspiration to "
        "people's lives and I am reading the Zahir now.\n\n"
        "Reply\n\n"
        "Lynnette July 5, 2012 at 9:42 am\n\n"
        "Just wanted to write you and say thank you for enlightening me through your books.\n\n"
        "Reply\n\n"
        "Yan July 5, 2012 at 6:51 am\n\n"
        "Is there any way to download it?\n"
    )
    result = run(text)
    assert [c["author"] for c in result["comments"]] == ["Maria", "Lynnette", "Yan"]
    assert "Thank you Paulo" not in result["text"]


def test_blog_post_footer_is_not_a_comment_header_before_a_counted_heading():
    """Blogger: "DATE / title / post / Posted by NAME at TIME" reads like two comment headers;
    "1 comment:" is where the discussion starts."""
    text = (
        "The Fishbowl\n\n"
        "A blog about schools, teaching and the future of learning, written by a high school "
        "teacher in Colorado who likes to think out loud now and then.\n\n"
        "Wednesday, October 03, 2012\n\n"
        "The Eliot Era?\n\n"
        "I'm trying to blog more often, mostly for my own sake. So this is another post just to "
        "capture a thought I had today.\n\n"
        "I heard this story on the radio this morning. It was about the discovery of three new human "
        "viruses, which is interesting in and of itself.\n\n"
        "Posted by Karl Fisch at 5:53 PM\n\n"
        "1 comment:\n\n"
        "Wesley Fryer 10/8/12 8:26 PM\n\n"
        "I think a big piece of the puzzle is rethinking what high school graduation requires.\n\n"
        "Reply\n\n"
        "Add comment\n"
    )
    result = run(text)
    assert "I heard this story on the radio" in result["text"]
    assert [c["author"] for c in result["comments"]] == ["Wesley Fryer"]


def test_a_comments_heading_with_a_header_soon_after_opens_the_discussion():
    """TypePad: "Posted by NAME on DATE" under the post reads like a trailing comment header
    with the article's last paragraphs as its comment. The "Comments" heading opens the
    discussion when a comment header follows within a few blocks, paired with a body or
    not (a long comment may leave its "Posted by: NAME | DATE" line unpaired)."""
    from cleaner.stages.comments import Unit, _from_heading

    def unit(kind: str, paired: bool = False, name: str | None = None) -> list[Unit]:
        marker = None if kind == "content" else markers.Marker(kind, name)
        return [Unit(None, kind, marker, paired=paired)]

    units = [unit("content"), unit("content"), unit("says", True, "Dana Reyes"), unit("content"),
             [Unit(None, "claimed_meta", markers.Marker("heading"))], unit("content"),
             unit("author", name="Kevin Walli"), unit("content"), unit("says", name="Kevin Walli"),
             unit("author", True, "Dana Reyes"), unit("content")]
    assert _from_heading(units, (0, len(units) - 1)) == (4, len(units) - 1)


def test_the_articles_end_printed_in_the_headings_block_stays_in_the_article():
    """A page that prints the article's last paragraph, the discussion's heading and the
    comments without a blank line between makes them one block: the discussion starts at
    the heading, and the paragraph before it is the article's, not a comment without a
    header."""
    ending = "The board meets again in March to decide whether the shelf becomes permanent."
    text = ARTICLE + ending + "\nComments\n" + (
        "Maria Lopez says: March 3, 2024 at 9:12 am\nBorrowed the ladder last week, it saved me a trip to the shop.\n"
        "Tom Becker says: March 3, 2024 at 11:40 am\nI hope they add a lawn mower next spring.\n"
        "Ann Ito says: March 4, 2024 at 8:05 am\nThe volunteer who repairs the tools deserves a medal.\n\n") + FOOTER
    result = run(text)
    assert ending in result["text"]
    assert [c["author"] for c in result["comments"]] == ["Maria Lopez", "Tom Becker", "Ann Ito"]
    assert not any(ending in t for t in texts(result))
    start = text.index("Comments\n")
    assert all(c["start"] > start for c in result["comments"])


def test_embedded_posts_signatures_are_not_comment_headers():
    """An article quoting posts prints each embed's signature ("— NAME (@handle) DATE"): a
    name with a date, like a comment header, but the embed's author, not a reader."""
    text = ARTICLE + (
        "The mayor posted about the opening the same morning:\n\n"
        "Proud to open the tool shelf today with our librarians. Come and borrow a drill! https://t.co/x1\n"
        "— Mayor Ann Hill (@mayorhill) January 7, 2024\n\n"
        "A volunteer shared the first loan a few hours later:\n\n"
        "First drill out the door at 9:05. A good day for the library. https://t.co/x2\n"
        "— Sam Ortiz (@samortiz) January 7, 2024\n\n"
        "By the evening the shelf was half empty, and the hardware shop that gave the first tools "
        "said it would give more:\n\n"
        "Glad to see our old stock in good hands. Three more boxes are on the way. https://t.co/x3\n"
        "— Riverside Hardware (@rshardware) January 8, 2024\n\n"
        "The library expects the shelf to grow as more donations arrive over the winter, and it will publish "
        "a list of the tools on its website every month.\n\n") + FOOTER
    result = run(text)
    assert result["comments"] == []
    assert "A volunteer shared the first loan" in result["text"]
    assert "The library expects the shelf to grow" in result["text"]


def test_a_discussion_cut_off_a_run_that_was_not_one_is_still_tried(monkeypatch):
    """The best run of evidence may hold a short discussion and, past a long stretch without
    headers, a sign-in box that scores higher: the run is cut there and the box's part is
    judged and turned down. The discussion's part is then the next candidate, not thrown
    away with it."""
    from cleaner.stages.comments import section

    scores = [0.0, 2.0, 2.0, 2.0, 0.2, 5.0, 5.0, 5.0]
    judged: list[tuple[int, int]] = []

    def accept(doc, units, scores_, structural, lasting, span, tried=None):
        part = (5, 7) if span[1] >= 5 else span  # the cut keeps the part with the most evidence
        judged.append(part)
        if tried is not None:
            tried.append(part)
        return None if part == (5, 7) else part

    monkeypatch.setattr(section, "classify", lambda doc, hopeless=None: [[] for _ in scores])
    monkeypatch.setattr(section, "_evidence", lambda doc, units: (scores, [True] * 8, [False] * 8))
    monkeypatch.setattr(section, "_earliest", lambda doc, units: 0)
    monkeypatch.setattr(section.CommentSection, "_accept", staticmethod(accept))
    doc = Document("\n\n".join(f"block {k}" for k in range(len(scores))))
    assert CommentSection()._region(doc) == (1, 4)
    assert judged == [(5, 7), (1, 4)]


def test_a_long_comment_does_not_split_the_discussion():
    """A comment of many paragraphs between comment headers: the discussion goes on past it."""
    long_comment = "\n\n".join(f"Point {n}: I think the connector matters less than the cable, honestly." for n in range(14))
    text = ARTICLE + (
        "Jo says: July 24, 2012 at 11:29 am\n\nFirst!\n\nReply\n\n"
        "Sam says: July 24, 2012 at 11:40 am\n\nI disagree with the premise here.\n\nReply\n\n"
        f"Kim says: July 24, 2012 at 12:01 pm\n\n{long_comment}\n\nReply\n\n"
        "Lee says: July 24, 2012 at 1:15 pm\n\nGreat points, Kim.\n\nReply\n\n"
        "Max says: July 24, 2012 at 2:20 pm\n\nNot convinced at all.\n\nReply\n"
    )
    result = run(text)
    assert [c["author"] for c in result["comments"]][:1] == ["Jo"]
    assert "I disagree with the premise" not in result["text"]
    assert {"Jo", "Sam", "Kim", "Lee", "Max"} <= {c["author"] for c in result["comments"]}


def test_two_long_comments_in_a_row_do_not_split_the_discussion():
    """Two comments of many paragraphs one after the other: the part holding the second one
    has a single header, and the discussion still goes on past it."""
    def long(name: str) -> str:
        return "\n\n".join(f"{name} point {n}: I think the connector matters less than the cable." for n in range(14))
    text = ARTICLE + (
        "Jo says: July 24, 2012 at 11:29 am\n\nFirst!\n\nReply\n\n"
        "Sam says: July 24, 2012 at 11:40 am\n\nI disagree with the premise here.\n\nReply\n\n"
        f"Kim says: July 24, 2012 at 12:01 pm\n\n{long('Kim')}\n\nReply\n\n"
        f"Lee says: July 24, 2012 at 1:15 pm\n\n{long('Lee')}\n\nReply\n\n"
        "Max says: July 24, 2012 at 2:20 pm\n\nNot convinced at all.\n\nReply\n\n"
        "Ann says: July 24, 2012 at 3:05 pm\n\nGreat thread, thanks all.\n\nReply\n"
    )
    result = run(text)
    assert {"Jo", "Sam", "Kim", "Lee", "Max", "Ann"} <= {c["author"] for c in result["comments"]}
    assert "Not convinced at all" not in result["text"] and "First!" not in result["text"]


def test_no_comments_notice_means_no_discussion():
    text = ARTICLE + (
        "Posted by Marta at 9:00 PM\n\n"
        "Skye Jewels\n\n"
        "We will have two lucky winners this month, so send your photos!\n\n"
        "Lorelei Eurto\n\n"
        "I am donating two pendants worth $50, good luck everyone!\n\n"
        "No comments:\n\n"
        "Post a Comment\n"
    )
    assert run(text)["comments"] == []


def test_comment_stage_can_be_switched_off():
    text = ARTICLE + "Comments\n\nMike R says: January 31, 2011 at 10:12 am\n\nGreat idea!\n\n" \
                     "Sandra K says: February 1, 2011 at 8:03 pm\n\nI agree, great idea!\n"
    assert clean(text, language=False, disable={"comments"}).to_dict()["comments"] == []
    assert len(run(text)["comments"]) == 2


def test_section_is_a_contiguous_run_of_blocks():
    text = ARTICLE + (
        "Comments\n\n"
        "Mike R says: January 31, 2011 at 10:12 am\n\nGreat idea!\n\nReply\n\n"
        "Sandra K says: February 1, 2011 at 8:03 pm\n\nI agree, great idea!\n\nReply\n\n" + FOOTER
    )
    doc = Document(text)
    CommentSection()(doc)
    first, last = doc.discussion
    units = classify(doc)
    assert [u.kind for u in units[first]] == ["heading"]
    assert any(u.kind == "says" for u in units[first + 1])
    assert [u.kind for u in units[last]] == ["chrome"]
    assert text[doc.blocks[last].end:].strip() == FOOTER.strip()


def test_lines_read_in_batches_read_as_in_one(monkeypatch):
    """The comment stages read a page's lines for markers a batch at a time; where a batch
    ends changes nothing: the discussion found, its comments, and the units themselves."""
    import cleaner.stages.comments.reading as reading

    article = "\n\n".join("The council met on Tuesday to discuss the budget for the coming year, and the "
                          f"mayor said the plan would be published in full next month ({i})." for i in range(6))
    thread = "\n\n".join(f"{name}\nMarch {i + 1}, 2021 at 3:0{i} pm\nI think the council is right about "
                         f"this, number {i}.\nReply" for i, name in enumerate(["Jane Doe", "Tom Hill", "Ann Lee"] * 3))
    text = article + "\n\n5 Comments\n\n" + thread
    whole = clean(text, language=False).to_dict()
    units = [[(u.line, u.kind, u.marker, u.paired, u.shown) for u in us] for us in classify(Document(text))]
    monkeypatch.setattr(reading, "READ_BATCH", 3)
    assert clean(text, language=False).to_dict() == whole
    assert [[(u.line, u.kind, u.marker, u.paired, u.shown) for u in us] for us in classify(Document(text))] == units
    assert len(whole["comments"]) >= 6


def _article_first_of(text: str):
    from cleaner.stages.comments.section import _article_first
    doc = Document(text)
    units = classify(doc)
    return _article_first(doc, units)


def test_a_byline_over_the_article_then_dated_teasers_is_not_one_discussion():
    """A run that opens with a header whose text holds most of the run's words (the article
    under its byline's name and date) starts at the second header: a list of dated teasers
    must be a discussion on its own."""
    sentences = [f"The council {verb} the bridge over the river in its meeting number {n} this year."
                 for n in range(20) for verb in ("debated", "funded")]
    article = "\n\n".join(" ".join(sentences[k:k + 8]) for k in range(0, 40, 8))  # 5 paragraphs, 320 words
    teasers = "".join(f"{d} Dec 2025\n\nA teaser about the town number {d}, in a sentence.\n\n" for d in (18, 17, 16))
    assert _article_first_of("Jane Mills\n\n19 Dec 2025\n\n" + article + "\n\n" + teasers) == 7
    # a first comment of a few sentences is a comment
    short = "\n\n".join(sentences[:3])
    assert _article_first_of("Jane Mills\n\n19 Dec 2025\n\n" + short + "\n\n" + teasers) is None
    # long, but no more than the others' words together: a discussion with one long comment
    long_others = "".join(f"{d} Dec 2025\n\n{article}\n\n" for d in (18, 17))
    assert _article_first_of("Jane Mills\n\n19 Dec 2025\n\n" + article + "\n\n" + long_others) is None
