"""HTML input: trafilatura's extraction, then the cleaner's stages (issue 7)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import InputError
from cleaner import html as H
from cleaner.html import extraction
from cleaner.render import normalise

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
ARTICLE = (FIXTURES / "article_with_comments.html").read_text(encoding="utf-8")
NO_ARTICLE = (FIXTURES / "no_article.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> H.HtmlResult:
    return H.clean_html(ARTICLE, id="alps", language=False)


def test_article_keeps_structure_and_drops_the_share_prompt(article):
    out = article.to_dict()
    assert out["path"] == "trafilatura"
    paragraphs = article.paragraphs()
    # headings are paragraphs of their own, list items stay one per line
    assert "Why now" in paragraphs and "What passengers get" in paragraphs
    assert ("- Private compartments with two or four beds\n- Breakfast served before arrival\n"
            "- Bicycle spaces on every train") in paragraphs
    assert paragraphs[-1].startswith("Tickets go on sale in September")
    # page chrome never reaches the text; the prompt inside the article is removed with its rule
    assert "Home" not in out["text"] and "Copyright" not in out["text"]
    assert "Share this article" not in out["text"]
    share = [r for r in out["removed"] if "Share this article" in r["text"]]
    assert share and share[0]["category"] == "share_prompt" and share[0]["rule"].startswith("share.")


def test_comments_are_kept_apart_and_split(article):
    out = article.to_dict()
    texts = [c["text"] for c in out["comments"]]
    assert len(texts) == 3
    assert texts[0].startswith("Finally! I took the old Zurich sleeper")
    assert texts[1].startswith("Ten years too late")
    assert texts[2].startswith("Does anyone know")
    assert not any(t.split()[0] in out["text"] for t in texts)  # none leaked into the article
    # author and date lines are comment chrome, not comment text
    assert all("March" not in t and "Anna Berger" not in t for t in texts)
    assert {"Anna Berger", "March 14, 2024 at 9:12 am"} <= {r["text"] for r in out["removed"]
                                                            if r["category"] == "comment_meta"}
    assert out["comments"][0]["author"] == "Anna Berger"
    assert all(c["posted"] for c in out["comments"])


def test_metadata_comes_from_the_page(article):
    out = article.to_dict()
    assert out["title"] == "Night trains return to the Alps"
    assert out["authors"] == ["Maria Keller"]
    assert out["published"] == "2024-03-14"


def test_metadata_fills_only_what_the_text_does_not_show():
    doc = cleaner.Document("x")
    doc.meta.update(title="From the text")
    H.fill_metadata(doc, {"title": "From <title>", "authors": ["A. Writer"], "published": "2020-01-02"})
    assert doc.meta == {"title": "From the text", "authors": ["A. Writer"], "published": "2020-01-02"}


def test_offsets_refer_to_the_extracted_text(article):
    out = article.to_dict(source=True)
    source = out["source"]
    assert source == article.source and "<" not in source
    for seg in out["segments"]:
        assert source[seg["start"]:seg["end"]].strip() == source[seg["start"]:seg["end"]]
    for item in out["removed"]:
        assert normalise(source[item["start"]:item["end"]]) == item["text"]
    for comment in out["comments"]:
        assert comment["text"] in normalise(source[comment["start"]:comment["end"]])
    # the comments follow the article in the extracted text
    assert source.index("Does anyone know") > source.index("Tickets go on sale")


def test_source_is_in_the_output_only_when_asked():
    assert "source" not in H.clean_html(ARTICLE, language=False).to_dict()
    assert "source" in H.clean_html(ARTICLE, language=False, source=True).to_dict()


def test_a_page_without_an_article_takes_the_plain_text_path():
    result = H.clean_html(NO_ARTICLE, language=False)
    out = result.to_dict()
    assert out["path"] == "plain-text"
    assert "This page has moved." in result.source
    assert out["title"] == "Page moved"


def test_extraction_that_returns_nothing_falls_back_to_the_page_text(monkeypatch):
    monkeypatch.setattr(extraction, "_trafilatura", lambda tree, **kw: None)
    result = H.clean_html(ARTICLE, language=False)
    assert result.path == "plain-text"
    assert "Rail companies say demand for overnight travel" in result.text
    assert "<p>" not in result.source


def test_recall_extraction_is_preferred_only_when_it_adds_to_an_article():
    page = lambda: 5000  # noqa: E731
    assert H.prefer_recall(1000, 1200, page)          # a whole article, recall adds headings and lists
    assert not H.prefer_recall(1000, 1020, page)      # not longer enough
    assert not H.prefer_recall(1000, 800, page)       # shorter
    assert H.prefer_recall(50, 900, page)             # truncated: a small part of the page
    assert not H.prefer_recall(150, 400, lambda: 600)  # short page: recall adds teasers

    calls = []
    H.prefer_recall(1000, 1200, lambda: calls.append(1) or 0)
    assert not calls  # the page is only measured when needed


ARTICLE_P = ("<p>The council voted on Tuesday to close the old bridge to cars from next spring, "
             "after engineers found that its steel supports had corroded far faster than expected "
             "and could no longer carry heavy traffic safely.</p>")


def _page(body: str) -> str:
    return f"<html><head><title>Bridge</title></head><body>{body}</body></html>"


def test_comment_sections_are_found_by_the_names_of_their_containers():
    # Disqus markup: trafilatura drops "message" classes and finds no comment here
    page = _page(f"<article><h1>Old bridge to close</h1>{ARTICLE_P}{ARTICLE_P.replace('Tuesday', 'Monday')}</article>"
                 '<div id="disqus_thread"><ul id="dsq-comments">'
                 '<li class="dsq-comment"><div class="dsq-comment-header"><cite>Hanna Vogel</cite> '
                 '<span>March 3, 2024 at 8:15 am</span></div>'
                 '<div class="dsq-comment-message"><p>About time. I cross it every day by bike and '
                 'the holes in the deck have been getting worse all winter.</p></div></li>'
                 '<li class="dsq-comment"><div class="dsq-comment-header"><cite>Paul</cite> '
                 '<span>March 3, 2024 at 9:40 am</span></div>'
                 '<div class="dsq-comment-message"><p>Where are the buses supposed to go now? '
                 'Nobody has explained the detour.</p></div></li></ul>'
                 '<form id="commentform"><label>Name *</label><input name="author"><label>Email *</label></form>'
                 '<div class="hiddenBox"><h3>Previewing your Comment</h3></div></div>')
    tree = H.parse(page)
    blocks = H.comment_sections(tree, [H.page_text(H.parse(_page(ARTICLE_P)))])
    assert any("Hanna Vogel" in b for b in blocks)          # the author line is kept for the splitter
    assert not any("Name *" in b or "Previewing" in b for b in blocks)  # form and hidden preview are not
    out = H.clean_html(page, language=False).to_dict()
    assert [c["author"] for c in out["comments"]] == ["Hanna Vogel", "Paul"]
    assert out["comments"][0]["text"].startswith("About time.")
    assert "About time" not in out["text"] and "council voted" in out["text"]


def test_a_container_named_for_comments_with_no_comment_in_it_is_not_a_discussion():
    for chrome in ('<div id="comments"><p>blog comments powered by Disqus</p></div>',
                   '<div class="comments_wrap"><span>30 tweets 4 likes 0 comments</span></div>',
                   '<div class="most-commented"><ul><li class="comment">Bridge row: who pays?</li></ul></div>'):
        tree = H.parse(_page(ARTICLE_P + chrome))
        assert H.comment_sections(tree, []) == [], chrome


def test_a_container_that_wraps_the_article_is_searched_inside():
    page = _page(f'<div class="post-with-comments">{ARTICLE_P}'
                 '<ol class="commentlist"><li class="comment"><p>Ben</p>'
                 '<p>Good riddance to that eyesore, honestly.</p></li></ol></div>')
    blocks = H.comment_sections(H.parse(page), [H.page_text(H.parse(_page(ARTICLE_P)))])
    assert blocks and not any("council voted" in b for b in blocks)
    assert any("Good riddance" in b for b in blocks)


def test_comments_named_one_by_one_without_a_container_are_found():
    # Movable Type: div.commentbody under the post (each in an unnamed anchor div), no
    # container named for them; a code listing's span.comment is not a comment
    code = '<pre><span class="comment">// read the config</span>\n<span class="comment">// then the data</span></pre>'
    comments = "".join(f'<div id="c{n}"><div class="commentbody by-{name}"><div><p>{text}</p></div>'
                       f'<p class="posted">Posted by: {name} at November 8, 2012 1:57 PM</p></div></div>'
                       for n, (name, text) in enumerate((
                           ("geraldo", "Engineering is not sexy, but it is what keeps the lights on."),
                           ("charjk", "Good essay, and the second half is the part worth reading."))))
    tree = H.parse(_page(f"<div class='entry'>{ARTICLE_P}{code}</div>{comments}"))
    blocks = H.comment_sections(tree, [H.page_text(H.parse(_page(ARTICLE_P)))])
    assert any("Engineering is not sexy" in b for b in blocks) and any("second half" in b for b in blocks)
    assert not any("read the config" in b or "council voted" in b for b in blocks)
    only_code = H.parse(_page(f"<div class='entry'>{ARTICLE_P}{code}</div>"))
    assert H.comment_sections(only_code, []) == []


def _comment(n: int, name: str, text: str, cls: str = "comment") -> str:
    return (f'<li class="{cls}" id="comment-{n}"><cite>{name}</cite> <em>wrote on November 13th, 2012</em>'
            f'<p>{text}</p></li>')


COMMENTS = (("Davey", "Once again, the old bridge floats to the surface of the council agenda."),
            ("Phil", "Nobody has explained where the buses are supposed to go now."),
            ("Kyle", "The engineers warned about the supports five years ago."))


def test_collapsed_comments_are_kept_and_a_second_view_of_the_list_is_not():
    # Slashdot collapses comments below the reader's threshold with class "hidden";
    # a "most recent" and a "highest rated" tab both print every comment
    recent = "".join(_comment(n, name, text, "comment hidden" if n == 2 else "comment")
                     for n, (name, text) in enumerate(COMMENTS))
    rated = "".join(_comment(n, name, text) for n, (name, text) in reversed(list(enumerate(COMMENTS))))
    page = _page(f"{ARTICLE_P}<ol class='commentlist' id='by-date'>{recent}</ol>"
                 f"<ol class='commentlist' id='by-rating'>{rated}</ol>")
    blocks = H.comment_sections(H.parse(page), [ARTICLE_P])
    text = "\n".join(blocks)
    assert "five years ago" in text                   # the collapsed one
    for _, body in COMMENTS:
        assert text.count(body) == 1, body           # once, not once per tab


def test_a_comment_posted_twice_stays_twice():
    twice = _comment(1, "Phil", COMMENTS[1][1])
    page = _page(f"{ARTICLE_P}<div>{_comment(0, *COMMENTS[0])}{twice}{twice.replace('-1', '-2')}</div>")
    blocks = H.comment_sections(H.parse(page), [ARTICLE_P])
    assert "\n".join(blocks).count(COMMENTS[1][1]) == 2


TYPEPAD_COMMENTS = "".join(
    f'<a id="c{n}"></a><p>{text}</p><p class="posted">Posted by: <a href="#">{name}</a> | Mar 20, 2007 {n}:19:46 PM</p>'
    for n, (name, text) in enumerate(COMMENTS, start=1))


def test_a_discussion_no_markup_names_is_found_under_its_heading():
    # TypePad: a flat run of paragraphs and "Posted by:" lines under <h2 id="comments">,
    # which trafilatura leaves in the article text
    body = (f"<div class='entry'><h1>Old bridge to close</h1>{ARTICLE_P}{ARTICLE_P.replace('Tuesday', 'Monday')}"
            "<p class='posted'>Posted by Kathy on March 20, 2007</p>"
            f"<h2><a id='comments'></a>Comments</h2>{TYPEPAD_COMMENTS}"
            "<form><p>Post a comment</p><textarea></textarea></form></div>")
    out = H.clean_html(_page(body), language=False).to_dict()
    assert [c["author"] for c in out["comments"]] == ["Davey", "Phil", "Kyle"]
    assert "five years ago" in out["comments"][2]["text"]
    assert "council voted" in out["text"] and "five years ago" not in out["text"]


def test_a_discussion_heading_split_over_inline_elements_is_found():
    # the heading's word printed in two pieces ("Com<em>ments</em>"): its text is one word
    body = (f"<div class='entry'>{ARTICLE_P}</div>"
            f"<h2><span>3</span> Com<em>ments</em></h2>{TYPEPAD_COMMENTS}")
    root = H._body(H.parse(_page(body)))
    found = "\n".join(H.headed_discussion(root, [ARTICLE_P]))
    assert "five years ago" in found and "Posted by: Davey" in found


def test_comment_containers_named_in_any_case_are_found():
    # the names are read as the patterns' (?i) reads them, dotted capital I and long s included
    for outer, item in (("COMMENTS", "COMMENT"), ("D\u0130SQUS", "comment"), ("di\u017fcussion", "comment")):
        items = "".join(_comment(n, name, text, item) for n, (name, text) in enumerate(COMMENTS))
        tree = H.parse(_page(f"{ARTICLE_P}<ol class='{outer}'>{items}</ol>"))
        text = "\n".join(H.comment_sections(tree, [ARTICLE_P]))
        assert all(body in text for _, body in COMMENTS), outer


def test_a_discussion_nested_deeper_than_python_recursion_is_found():
    items = "".join(_comment(n, name, text) for n, (name, text) in enumerate(COMMENTS))
    depth = 1500  # the search once recursed per level and gave up past about a thousand
    page = _page(f"{ARTICLE_P}{'<div>' * depth}<ol class='commentlist'>{items}</ol>{'</div>' * depth}")
    text = "\n".join(H.comment_sections(H.parse(page), [ARTICLE_P]))
    assert all(body in text for _, body in COMMENTS)


def test_a_count_of_comments_is_not_a_discussion_heading():
    teasers = "".join(f"<div class='teaser'><h4>Story {n}</h4><p class='byline'>by Tim Lee {n} days ago</p>"
                      f"<p class='byline'>{n} comments</p></div>" for n in range(2, 6))
    root = H._body(H.parse(_page(f"<div>{ARTICLE_P}</div><div class='sidebar'>{teasers}</div>")))
    assert H.headed_discussion(root, [ARTICLE_P]) == []


def test_a_comment_count_above_the_post_does_not_head_the_article():
    # a live blog's timestamps read as comment headers; the count link above heads the article
    meta = "<div class='meta'><a href='#comments'>3 Comments</a></div>"
    post = "".join(f"<p>Updated March 3, 2024 at {h}:15 am</p>{ARTICLE_P}" for h in (8, 9))
    root = H._body(H.parse(_page(f"{meta}<div class='post'>{post}</div>")))
    assert H.headed_discussion(root, [H.page_text(H.parse(_page(ARTICLE_P)))]) == []


def test_fallback_keeps_the_article_region_and_judges_what_lies_outside():
    """On the fallback path the recall extraction's additions inside the region the
    balanced extraction printed stay (a heading, code); a sidebar after it goes."""
    prose = ("The council voted on Tuesday to close the old bridge to cars from next spring, after "
             "engineers found that its steel supports had corroded far faster than expected.")
    article = [prose, prose.replace("Tuesday", "Monday"), prose.replace("council", "mayor")]
    recall = ([article[0], "How the supports failed", "load = span * weight;", article[1], article[2],
               "Popular Posts"] + [f"Teaser {n}: another story" for n in range(12)])
    extraction = H.Extraction(recall, path=H.FALLBACK, trusted=article)
    doc = H.document(extraction)
    start, end = doc.hints["trusted"]
    assert doc.text[start:end].startswith(prose) and doc.text[end:].lstrip().startswith("Popular Posts")
    from cleaner.pipeline import cached_pipeline
    text = cached_pipeline(cleaner.Options(language=False))(doc).to_dict()["text"]
    assert "How the supports failed" in text and "load = span * weight;" in text
    assert "Teaser 5" not in text and "Popular Posts" not in text


def test_a_short_menu_outside_the_article_region_is_judged_on_its_own():
    """Four menu items after a one-paragraph article are few words next to the article,
    but the article region is not in question: what lies outside it is all chrome."""
    prose = ("The actress wore a bright red dress to the show on Tuesday, one that looked as if it "
             "had walked out of the pages of a vintage fashion magazine from the nineteen fifties.")
    recall = [prose, "- Feeds\n- Favorites\n- My work\n- Follow me"]
    doc = H.document(H.Extraction(recall, path=H.FALLBACK, trusted=[prose]))
    from cleaner.pipeline import cached_pipeline
    text = cached_pipeline(cleaner.Options(language=False))(doc).to_dict()["text"]
    assert prose in text and "Favorites" not in text


def test_tumblr_notes_are_the_discussion_and_likes_are_not_comments():
    out = H.clean_html((FIXTURES / "tumblr_notes.html").read_text(encoding="utf-8"), language=False).to_dict()
    assert [c["author"] for c in out["comments"]] == ["oldmaps", "northernlights"]
    assert "grandfather delivered the supplies" in out["comments"][0]["text"]
    assert "liked this" not in out["text"] and "reblogged" not in out["text"]
    assert "reactions" in {r["rule"].split(".")[-1] for r in out["removed"]}


def test_a_discussion_at_the_end_of_an_article_block_is_cut_out_of_it():
    # the recall extraction may print the article and the notes under it as one block,
    # and break a note's header from its words where the page did not
    prose = "The keeper's logbook was found last spring under a loose floorboard of the tower."
    comments = ["kim liked this\nkim reblogged this from sea and added:\nWhat a find, thank you for posting it.",
                "lee from the coast said: I want to see the whole book."]
    block = "\n".join([prose, "The museum will show it from June.", "kim liked this",
                       "kim reblogged this from sea and added:", "What a find, thank you for posting it.",
                       "lee from the coast said:", "I want to see the whole book."])
    assert H.without_discussion([block], comments) == [prose + "\nThe museum will show it from June."]


def test_a_comment_quoting_the_article_s_last_line_does_not_cut_it():
    prose = "The keeper's logbook was found last spring under a loose floorboard of the tower."
    last = "Oh Arsenal, we love you!"
    assert H.without_discussion([prose, last], ["Great read.\n" + last]) == [prose, last]


def test_repeated_lines_in_the_article_are_marked_duplicate():
    text = ("Free delivery on all orders over fifty euros this week only\n\n"
            "A paragraph of the article with enough words to stand on its own.\n\n"
            "Free delivery on all orders over fifty euros this week only\n\n\n"
            "A comment that repeats: Free delivery on all orders over fifty euros this week only")
    doc = cleaner.Document(text)
    comments_start = text.index("A comment")
    H.mark_repeats(doc, comments_start)
    marked = [(a.start, a.category, a.rule) for a in doc.annotations]
    second = text.index("Free delivery", 10)
    assert marked == [(second, "duplicate", "html.repeated-line")]


def test_repeated_list_fields_stay_and_a_repeated_block_goes():
    days = "".join(f"Day {d}: a long interval session on the track with the club\n"
                   "- Warm up with twenty minutes of easy jogging and drills\n\n" for d in range(1, 4))
    block = "- First point of the boxed offer for all readers\n- Second point of the boxed offer for all readers\n" \
            "- Third point of the boxed offer for all readers\n\n"
    text = days + block + "A paragraph of the article with enough words to stand alone.\n\n" + block
    doc = cleaner.Document(text)
    H.mark_repeats(doc)
    marked = sorted(doc.slice(a.start, a.end) for a in doc.annotations)
    assert marked == sorted(block.split("\n")[:3])  # the second copy of the block only


def test_a_repeated_label_line_stays_and_a_repeated_promo_goes():
    label = "Bring it to life with the page builder:"
    promo = "Free delivery on all orders over fifty euros this week only"
    text = "".join(f"{label}\n- step {n} of a different section of the guide\n\n{promo}\n\n" for n in range(3))
    doc = cleaner.Document(text)
    H.mark_repeats(doc)
    assert sorted(doc.slice(a.start, a.end) for a in doc.annotations) == [promo, promo]


def test_angle_brackets_the_page_showed_are_text():
    """Parsed HTML has no markup left: "&lt;repo url&gt;" in a code sample stays as the page shows it."""
    paragraph = "<p>To copy a repository and start working on it, run the clone command with its address. " * 4
    page = (f"<html><body><article><h1>Git basics</h1>{paragraph}</p><pre>git clone &lt;repo url&gt;</pre>"
            f"<p>Then stage a file with <code>git add &lt;path&gt;</code> and commit it.</p>{paragraph}</p>"
            "</article></body></html>")
    text = cleaner.clean_html(page).to_dict()["text"]
    assert "git clone <repo url>" in text and "git add <path>" in text


def test_page_text_breaks_blocks_and_skips_scripts():
    tree = H.parse("<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1>"
                   "<p>One <b>bold</b> line<br>next line</p><script>var x=1;</script>"
                   "<div style='display: none'>hidden</div><ul><li>a</li><li>b</li></ul></body></html>")
    assert H.page_text(tree) == "Head\n\nOne bold line\nnext line\n\na\nb"


@pytest.mark.parametrize("html", ["", "   \n", "<html>", "<html><body></body></html>", "<<<>>>&&&",
                                  "<p>" * 3000 + "deep", "<div><p>unclosed <b>tags"])
def test_empty_or_broken_html_gives_a_result_not_a_crash(html):
    result = H.clean_html(html, language=False)
    assert result.path in H.PATHS
    assert isinstance(result.to_dict()["text"], str)


@pytest.mark.parametrize("data", [b"\x00\x01binary", "text with a NUL \x00 inside", 42])
def test_non_documents_are_refused_with_a_clear_error(data):
    with pytest.raises(InputError):
        H.clean_html(data)


def test_bytes_are_decoded_by_their_charset():
    page = ("<html><head><meta charset='iso-8859-1'><title>Caf\xe9</title></head><body><article>"
            "<p>Le caf\xe9 du coin a rouvert ses portes apr\xe8s des mois de travaux, et les habitu\xe9s "
            "sont revenus d\xe8s le premier matin pour retrouver leur table pr\xe8s de la fen\xeatre.</p>"
            "</article></body></html>").encode("latin-1")
    result = H.clean_html(page, language=False)
    assert "Le café du coin" in result.text


def test_the_cli_cleans_an_html_file(monkeypatch, capsys):
    from cleaner.cli import main
    monkeypatch.setattr(cleaner, "clean_html", H.clean_html, raising=False)
    assert main(["clean", str(FIXTURES / "article_with_comments.html"), "--format", "json",
                 "--no-language"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["path"] == "trafilatura"
    assert out["title"] == "Night trains return to the Alps"
    assert len(out["comments"]) == 3
    assert out["id"].endswith("article_with_comments.html")


def test_stream_text_prints_a_page_as_page_text_does():
    """The stream reader (for pages too deep for a tree) keeps page_text's layout."""
    from cleaner.html import page_text, parse
    from cleaner.html_text import stream_text
    page = ("<html><head><title>T</title><style>p {}</style></head><body>"
            "<h1>Headline</h1><p>First <b>bold</b> paragraph.</p><script>var x = 1;</script>"
            "<ul><li>one</li><li>two</li></ul><div>A line<br>another line</div>"
            "<p>Caf&eacute; &amp; more</p><textarea>typed</textarea></body></html>")
    assert stream_text(page) == page_text(parse(page))
    assert stream_text(page) == ("Headline\n\nFirst bold paragraph.\n\none\ntwo\n\n"
                                 "A line\nanother line\n\nCafé & more")


def test_recall_extraction_runs_only_when_it_could_be_kept():
    assert H.recall_may_win(250, lambda: 5000)        # a whole article: recall may add headings
    assert H.recall_may_win(50, lambda: 900)          # a small part of the page: maybe truncated
    assert not H.recall_may_win(150, lambda: 600)     # short, yet most of the page: never kept
    # the same test prefer_recall makes: where it says no, no recall length could change that
    for balanced, page in [(150, 600), (199, 1990), (20, 150)]:
        assert not H.recall_may_win(balanced, lambda: page)
        assert not H.prefer_recall(balanced, 10 ** 6, lambda: page)


def test_a_short_article_that_is_most_of_its_page_skips_the_recall_extraction(monkeypatch):
    runs = []
    real = extraction._trafilatura
    monkeypatch.setattr(extraction, "_trafilatura",
                        lambda tree, recall: runs.append(recall) or real(tree, recall=recall))
    short = _page("".join(f"<p>Paragraph {i} of a short note about the bridge, with a few more "
                          "words in it.</p>" for i in range(6)))
    H.extract(short)
    assert runs == [False]
    long = _page("".join(f"<p>Paragraph {i}. {ARTICLE_P[3:-4]}</p>" for i in range(10)))
    H.extract(long)  # a whole article: the recall extraction may add what the balanced one left out
    assert runs == [False, False, True]


def test_trafilatura_comments_match_its_own_comment_extraction():
    from trafilatura import bare_extraction

    page = _page(ARTICLE_P + '<div class="comments-content"><p>Anna: the bridge was unsafe for '
                 'years, glad they finally acted.</p><p>Tom: what about the buses that use it?</p></div>')
    tree = H.parse(page)
    theirs = bare_extraction(tree, include_comments=True, fast=True)
    assert extraction.trafilatura_comments(tree) == extraction.blocks(theirs.commentsbody) != []
    # no container named for comments: nothing to find, and trafilatura agrees
    plain = H.parse(_page(ARTICLE_P + "<div class='box'><p>Anna: glad they acted at last.</p></div>"))
    assert extraction.trafilatura_comments(plain) == []
    assert extraction.blocks(bare_extraction(plain, include_comments=True, fast=True).commentsbody) == []


def test_page_metadata_is_read_only_when_asked(monkeypatch):
    from cleaner.html import metadata

    calls = []
    monkeypatch.setattr(metadata, "_author", lambda tree: calls.append("author") or "A. Writer")
    meta = metadata.PageMetadata(H.parse(_page("<h1>Bridge</h1>" + ARTICLE_P)))
    assert meta["title"] == "Bridge" and not calls
    assert meta.get("authors") == ["A. Writer"] and calls == ["author"]
    meta.get("authors")
    assert calls == ["author"]  # read once
    # the text showed all three: the page's markup is not read at all
    doc = cleaner.Document("x")
    doc.meta.update(title="T", authors=["B"], published="2020-01-01")
    H.fill_metadata(doc, metadata.PageMetadata(None))
    assert doc.meta["authors"] == ["B"]


def test_metadata_matches_trafilaturas_reading_of_the_page():
    from trafilatura import bare_extraction

    from cleaner.html.metadata import PageMetadata

    tree = H.parse(ARTICLE)
    theirs = bare_extraction(tree, with_metadata=True, date_extraction_params=extraction.DATE_PARAMS)
    meta = PageMetadata(tree)
    assert meta.get("title") == theirs.title
    assert meta.get("authors") == [a.strip() for a in theirs.author.split(";")]
    assert meta.get("published") == theirs.date


def test_the_author_is_read_as_trafilatura_reads_it_without_its_copy():
    from trafilatura.metadata import extract_author

    from cleaner.html import metadata as M

    pages = [
        "<div class='author'>Jane Smith</div>",                                   # found in place
        "<div class='comments'><span class='author'>A Reader</span></div>"       # inside a deleted part
        "<p class='byline'>Tom Lee</p>",
        "<div class='author'>By Kim Park <time>May 2</time></div>",             # holds one: the copy
        "<p>No byline here</p>",
    ]
    for body in pages:
        tree = H.parse(_page(body))
        assert M._author(tree) == extract_author(tree), body
    held = H.parse(_page(pages[2]))
    assert M._author_in_place(held) is M._COPY


_AUTHOR_VALUES = ["author", "Author", "author name", "author-name", "authorName", "AuthorCard", "AuthorURL",
                  "byline", "Byline", "byl", "BBL", "username", "screenname", "writer", "zuozhe",
                  "channel-name", "posted-by", "journalist-name", "comments", "me", "entry", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from(["a", "div", "span", "p", "h3", "h4", "strong", "address", "link", "section", "author"]),
    st.dictionaries(st.sampled_from(["rel", "id", "class", "itemprop", "data-testid", "data-component", "title"]),
                    st.lists(st.sampled_from(_AUTHOR_VALUES), min_size=1, max_size=3).map(" ".join),
                    max_size=3),
    st.booleans()), min_size=1, max_size=12))
def test_the_author_elements_are_those_trafilaturas_xpaths_find(elements):
    from lxml import etree
    from trafilatura.xpaths import AUTHOR_XPATHS

    from cleaner.html import metadata as M

    body = etree.Element("body")
    parent = body
    for tag, attributes, nested in elements:
        element = etree.SubElement(parent, tag, {k: v for k, v in attributes.items()})
        element.text = "Jane Smith"
        parent = element if nested else parent
    tree = H.parse(_page(etree.tostring(body, encoding="unicode")[len("<body>"):-len("</body>")]))
    assert list(M._author_elements(tree, AUTHOR_XPATHS)) == [x(tree) for x in AUTHOR_XPATHS]


def test_the_shared_runs_give_what_two_bare_extraction_calls_give(monkeypatch):
    from lxml import etree

    from cleaner.html import runs as R

    forum = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
             f"<div class='comment'>{ARTICLE_P}</div>")
    short = f"<div><p>A short note on the bridge.</p></div><nav>{'<a href=#>link</a>' * 30}</nav>"
    pages = [_page(ARTICLE_P * 6 + "<div id='comments'><p class='comment'>Nice.</p></div>"),
             _page(short), _page(forum), _page("<p>x</p>")]

    def text(body):
        return None if body is None else etree.tostring(body)
    for page in pages:
        tree = H.parse(page)
        runs = R.Runs(tree)
        assert text(runs.balanced()) == text(R._bare(tree, recall=False)), page
        assert text(runs.recall()) == text(R._bare(tree, recall=True)), page
    from trafilatura import core
    monkeypatch.setattr(core, "ESCALATION_PAGE_SHARE", 1.0)  # every short extraction retried in recall mode
    links = "".join("<li><a href=#>Some other story headline here</a></li>" for _ in range(50))
    tree = H.parse(_page(f"{ARTICLE_P * 2}<div><ul>{links}</ul></div>"))
    runs = R.Runs(tree)
    assert text(runs.balanced()) == text(R._bare(tree, recall=False))
    assert runs._stages is not None  # the retry made, and reused below
    assert text(runs.recall()) == text(R._bare(tree, recall=True))
    monkeypatch.setattr(R, "supported", lambda: False)  # another trafilatura: the plain calls
    tree = H.parse(pages[0])
    assert text(R.Runs(tree).recall()) == text(R._bare(tree, recall=True))
