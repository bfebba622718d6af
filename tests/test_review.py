"""The review page: a sample of documents shown with their removals, comments and flags.

The page is checked twice: as data (what the Python side embeds, the sample it
picks, that a document cannot break out of the script) and in a real browser
(system chromium through Selenium): it loads without console errors, its
filters change what is shown, and a screenshot is written for a person to look at.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import orjson
import pytest

from cleaner import cli
from cleaner.corpus import Record
from cleaner.options import Options
from cleaner.review import clean_item, document_data, embed_json, review, sample

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMEDRIVER = Path("/usr/bin/chromedriver")

ARTICLE = ("Share this article\n\nHome | News | Sport | Weather\n\n"
           "The council approved the new budget on Tuesday after a long debate about school funding and "
           "the cost of repairing the town's roads, which residents have complained about for years.\n\n"
           "The mayor said the plan would be reviewed again in the spring, when the first figures are in.\n\n")
DISCUSSION = ("3 Comments\n\nMike says:\nMarch 3, 2021 at 10:02 am\n"
              "i think this is a great plan, finally someone listens to us!!\n\nReply\n\n"
              "Anna says:\nMarch 3, 2021 at 11:15 am\n@Mike not so sure, the roads were promised last year too.\n\n"
              "Reply\n\nJo says:\nMarch 4, 2021 at 9:00 am\nwe will see what happens lol, my street is still a mess\n")
HOSTILE = "</script><script>window.PWNED = 1</script><!-- " + ARTICLE
GERMAN = ("Die Regierung hat am Dienstag beschlossen, die Steuern nicht zu erhöhen, obwohl viele Experten "
          "dies seit Monaten gefordert hatten.\n")


def page_data(html: str) -> dict:
    """The JSON the page embeds, read back the way the browser reads it."""
    match = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', html, re.S)
    assert match, "the data script is missing or was cut short"
    return json.loads(match.group(1))


def write_corpus(folder: Path) -> Path:
    """Four documents in one JSONL file: an article with comments, a hostile one, an empty one,
    one with a paragraph in German."""
    path = folder / "corpus.jsonl.gz"
    rows = [{"id": "with-comments", "text": ARTICLE + DISCUSSION},
            {"id": "hostile", "text": HOSTILE},
            {"id": "empty", "text": ""},
            {"id": "foreign", "text": ARTICLE + GERMAN}]
    path.write_bytes(gzip.compress(b"".join(orjson.dumps(r) + b"\n" for r in rows)))
    return path


def test_embedded_json_cannot_end_the_script():
    text = embed_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_sample_is_deterministic_in_input_order_and_stable_under_additions():
    items = [Record("c.jsonl", i, f"doc-{i}", "text") for i in range(1, 201)]
    first = sample(items, 20)
    assert {r.id for r in sample(list(reversed(items)), 20)} == {r.id for r in first}  # order does not pick
    assert [r.line for r in first] == sorted(r.line for r in first)  # shown in input order
    assert len(first) == 20 and len({r.id for r in first}) == 20
    assert sample(items, 20) == first  # same input, same sample
    # adding records never brings an old record into the sample: it only makes room for new ones
    more = items + [Record("c.jsonl", i, f"doc-{i}", "text") for i in range(201, 401)]
    grown = {r.id for r in sample(more, 20)}
    old = {r.id for r in items}
    assert grown & old <= {r.id for r in first} and grown - old
    assert sample(items, 0) == items


def test_document_data_cuts_the_text_into_runs_that_rebuild_it():
    item = Record("x.txt", None, "doc", ARTICLE + DISCUSSION + "\n😀 emoji after the comments\n")
    data = document_data(clean_item(item, Options(language=False)))
    assert "".join(text for text, _ in data["runs"]) == item.content  # nothing lost, nothing moved
    labels = {data["segments"][k][0] for _, k in data["runs"] if k >= 0}
    assert {"main", "comment", "boilerplate"} <= labels
    authors = [c["author"] for c in data["comments"]]
    assert authors == ["Mike", "Anna", "Jo"]
    assert data["comments"][1]["reply_to"] == "Mike"
    # every comment segment points at a comment whose span holds it
    assert all(data["segments"][k][3] >= 0 for _, k in data["runs"] if k >= 0 and data["segments"][k][0] == "comment")
    assert sum(data["rules"].values()) == sum(data["categories"].values()) > 0


def test_review_command_writes_a_self_contained_page(tmp_path, capsys):
    corpus = write_corpus(tmp_path)
    out = tmp_path / "report.html"
    assert cli.main(["review", str(corpus), str(SEEDS), "-o", str(out), "--sample", "5", "--no-language"]) == 0
    html = out.read_text(encoding="utf-8")
    data = page_data(html)
    assert len(data["documents"]) == 5
    assert "5 documents" in capsys.readouterr().err
    # no network: nothing is fetched from elsewhere
    assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', html)
    assert "<script>window.PWNED" not in html
    # the same command gives the same page
    again = tmp_path / "again.html"
    cli.main(["review", str(corpus), str(SEEDS), "-o", str(again), "--sample", "5", "--no-language"])
    assert again.read_text(encoding="utf-8") == html
    # every rule a span names is in the rules section
    ids = {r["id"] for r in data["rules"]}
    assert {rule for d in data["documents"] for rule in d.get("rules", {})} <= ids


def test_review_refuses_stdin_and_missing_inputs(tmp_path, capsys):
    assert cli.main(["review", "-", "-o", str(tmp_path / "r.html")]) == 2
    assert cli.main(["review", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert "error" in capsys.readouterr().err


# ---- in a browser ----------------------------------------------------------------------

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    binary = _chromium()
    if binary is None or not CHROMEDRIVER.exists():
        pytest.skip("chromium or /usr/bin/chromedriver not found (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _visible_removals(driver) -> int:
    return driver.execute_script(
        "return [...document.querySelectorAll('.rm')].filter(e => e.getClientRects().length > 0).length")


def test_page_in_a_browser_loads_filters_and_renders(browser, tmp_path):
    corpus = write_corpus(tmp_path)
    page = tmp_path / "report.html"
    documents = review([str(corpus), str(SEEDS)], page, Options(), n=0)  # all of them
    browser.get(page.as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors
    assert browser.execute_script("return window.PWNED") is None  # the hostile document stayed text
    cards = browser.find_elements("css selector", "article.doc")
    assert len(cards) == len(documents) > 4
    hostile = next(c for c in cards if c.find_element("css selector", "h3").text.endswith("hostile"))
    assert "</script><script>window.PWNED" in hostile.find_element("css selector", ".text").text

    # comments are shown with their author and the comment they answer
    heads = [e.text for e in browser.find_elements("css selector", ".cm-head")]
    assert any("by Anna" in h and "replying to Mike" in h for h in heads), heads

    # a flagged passage is underlined, with its language on hover; the flag filter finds its document
    foreign = next(c for c in cards if c.find_element("css selector", "h3").text.endswith("foreign"))
    flags = foreign.find_elements("css selector", ".flag")
    assert flags and all(f.get_attribute("title").startswith("flagged: de") for f in flags)
    browser.execute_script(
        "const s = document.getElementById('doc-select'); s.value = 'flags';"
        "s.dispatchEvent(new Event('change', {bubbles: true}));")
    shown = [c for c in cards if c.is_displayed()]
    assert foreign in shown and hostile not in shown
    assert all(int(c.get_attribute("data-flags")) > 0 for c in shown)
    browser.execute_script(
        "const s = document.getElementById('doc-select'); s.value = 'all';"
        "s.dispatchEvent(new Event('change', {bubbles: true}));")

    before = _visible_removals(browser)
    assert before > 0
    box = browser.find_element("css selector", '#category-boxes input[data-cat="navigation"]')
    shown_nav = browser.execute_script(
        "return [...document.querySelectorAll('.rm[data-cat=\"navigation\"]')]"
        ".filter(e => e.getClientRects().length > 0).length")
    assert shown_nav > 0
    box.click()
    assert _visible_removals(browser) == before - shown_nav
    box.click()
    assert _visible_removals(browser) == before

    # a rule hides the documents that do not use it
    rule = browser.execute_script("return document.querySelector('#rule-select option:nth-child(2)').value")
    browser.execute_script(
        "const s = document.getElementById('rule-select'); s.value = arguments[0];"
        "s.dispatchEvent(new Event('change', {bubbles: true}));", rule)
    visible_cards = [c for c in cards if c.is_displayed()]
    assert 0 < len(visible_cards) < len(cards)
    assert all(rule in c.get_attribute("data-rules").split() for c in visible_cards)
    browser.execute_script(
        "const s = document.getElementById('rule-select'); s.value = '';"
        "s.dispatchEvent(new Event('change', {bubbles: true}));")

    # clicking a removed span leads to its rule
    span = browser.execute_script("return [...document.querySelectorAll('.rm')]"
                                  ".find(e => document.getElementById('rule-' + e.dataset.rule))")
    target = span.get_attribute("data-rule")
    browser.execute_script("arguments[0].click()", span)
    assert browser.execute_script("return location.hash") == f"#rule-{target}"

    browser.execute_script("window.scrollTo(0, 0)")
    browser.execute_script("document.querySelector('article.doc .text').scrollIntoView()")
    browser.execute_script("window.scrollBy(0, -420)")
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    late = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert late == [], late
