"""Every rule's examples match and its counterexamples do not: rules are data with tests."""
from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.cli import main
from cleaner.rule_check import failures
from cleaner.rules import CATEGORIES, RuleError, load_rules

RULES = load_rules()


def test_rule_ids_are_unique_and_categorised():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.category in CATEGORIES for r in RULES)
    assert len(RULES) >= 30


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_match_and_counterexamples_do_not(rule):
    assert not failures(rule)


def test_rules_check_reports_a_failing_rule_by_id(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    path.write_text('[[rule]]\nid = "mine.promo"\ncategory = "advertisement"\npattern = "(?i)^buy our mugs"\n'
                    'rationale = "r"\nexamples = ["Buy our mugs!", "Order a mug"]\ncounterexamples = ["Buyers"]\n')
    assert main(["rules", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "mine.promo" in out and "misses its example 'Order a mug'" in out
    assert main(["rules", "check"]) == 0
    assert main(["rules", "check", str(tmp_path / "missing.toml")]) == 2


#: A paragraph of article prose per language, for placing a rule's examples in a page of its language.
ARTICLES = {
    "en": "The ministry said the drills would last until February. Officials in Kyiv said "
          "they were watching the border closely and had moved troops north.",
    "de": "Das Ministerium teilte mit, dass die Übung bis Februar dauern werde. Die Behörden in Kiew "
          "sagten, sie beobachteten die Grenze genau und hätten Truppen nach Norden verlegt.",
    "fr": "Le ministère a indiqué que les exercices dureraient jusqu'en février. Les responsables à Kiev "
          "ont dit qu'ils surveillaient la frontière de près et avaient déplacé des troupes vers le nord.",
    "es": "El ministerio dijo que los ejercicios durarían hasta febrero. Los funcionarios en Kiev "
          "dijeron que vigilaban la frontera de cerca y que habían movido tropas hacia el norte.",
    "pt": "O ministério disse que os exercícios vão durar até fevereiro. As autoridades em Kiev "
          "disseram que estavam a vigiar a fronteira de perto e que tinham deslocado tropas para o norte.",
    "it": "Il ministero ha detto che le esercitazioni dureranno fino a febbraio. I funzionari a Kiev "
          "hanno detto che stavano osservando il confine da vicino e che avevano spostato truppe a nord.",
    "pl": "Ministerstwo poinformowało, że ćwiczenia potrwają do lutego. Urzędnicy w Kijowie powiedzieli, "
          "że uważnie obserwują granicę i że przesunęli wojska na północ.",
    "nl": "Het ministerie zei dat de oefeningen tot februari zullen duren. Ambtenaren in Kiev zeiden "
          "dat ze de grens nauwlettend in de gaten hielden en dat ze troepen naar het noorden hadden verplaatst.",
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_are_removed_in_context(rule):
    """In a document of the rule's language, an example line is removed by some rule of the
    same category."""
    language = rule.languages[0] if rule.languages else "en"
    article = ARTICLES[language]
    for example in rule.examples:
        text = f"{article}\n\n{example}\n\n{article}" if rule.where == "anywhere" else (
            f"{example}\n\n{article}" if rule.where == "head" else f"{article}\n\n{example}")
        removed = clean(text, language=False, disable={"comments"},
                        page_language=language).to_dict()["removed"]
        assert any(r["category"] == rule.category for r in removed), (rule.id, example, removed)


def test_a_language_file_covers_each_chrome_language():
    """Every language the page language can name has rules of its own words."""
    from cleaner.language.page import CHROME_LANGUAGES
    named = {lang for r in RULES for lang in r.languages}
    assert named >= set(CHROME_LANGUAGES) - {"en"}


def test_user_rule_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('''
[categories]
promo = "house promotions"

[[rule]]
id = "mine.promo"
category = "promo"
scope = "line"
pattern = '(?i)^buy our mugs'
rationale = "house ads"
examples = ["Buy our mugs today"]
counterexamples = ["Mugs were bought"]
''')
    text = "An article sentence that is long enough to stay.\n\nBuy our mugs today"
    result = clean(text, rules=[str(path)], language=False).to_dict()
    assert [r["rule"] for r in result["removed"]] == ["mine.promo"]
    assert load_rules([str(path)])[-1].id == "mine.promo"


def test_a_rule_with_a_prefilter_is_tried_only_on_text_with_its_literals(tmp_path):
    """``requires`` keeps a costly pattern off most lines; it never widens what matches."""
    path = tmp_path / "mine.toml"
    path.write_text('''
[[rule]]
id = "mine.mugs"
category = "advertisement"
requires = ["MUG"]
pattern = '(?i)^(?:buy|order)\\b.*$'
rationale = "house ads"
examples = ["Buy our mugs today"]
counterexamples = ["Buy our cups today"]
''')
    rule = load_rules([str(path)])[-1]
    assert rule.requires == ("mug",)
    assert rule.pattern.search("Order a cup now") and not rule.matches("Order a cup now")
    text = "An article sentence that is long enough to stay.\n\n{}"
    assert [r["rule"] for r in clean(text.format("Order a mug now"), rules=[str(path)],
                                     language=False).to_dict()["removed"]] == ["mine.mugs"]
    assert clean(text.format("Order a cup now"), rules=[str(path)], language=False).to_dict()["removed"] == []


def test_user_rule_cannot_shadow_builtin_silently(tmp_path):
    path = tmp_path / "dup.toml"
    path.write_text('''
[[rule]]
id = "share.follow-us"
category = "share_prompt"
pattern = 'x'
rationale = "r"
examples = ["x"]
counterexamples = ["y"]
''')
    with pytest.raises(RuleError, match="already defined"):
        load_rules([str(path)])


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\nid = "a"\ncategory = "nope"\npattern = "x"\nrationale = "r"\nexamples = ["x"]\ncounterexamples = ["y"]', "unknown category"),
    ('[[rule]]\nid = "a"\ncategory = "markup"\npattern = "("\nrationale = "r"\nexamples = ["x"]\ncounterexamples = ["y"]', "rule 'a': the engine cannot compile"),
    ('[[rule]]\nid = "mine.recursive"\ncategory = "markup"\npattern = "a(?R)?b"\nrationale = "r"\nexamples = ["ab"]\n'
     'counterexamples = ["y"]', "rule 'mine.recursive': the engine cannot compile"),
    ('[[rule]]\nid = "a"\ncategory = "markup"\npattern = "x"\nrationale = "r"\nexamples = []\ncounterexamples = ["y"]', "example"),
    ('not toml [', "not valid TOML"),
    ('[[rule]]\nid = "a"\ncategory = "markup"\npattern = "x"\nrationale = "r"\nexamples = ["x"]\ncounterexamples = ["y"]\n'
     'requires = "x"', "requires must be a list"),
])
def test_bad_rule_files_are_clear_errors(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(RuleError, match=message):
        load_rules([str(path)])


def test_disabled_rule_is_skipped():
    assert all(r.id != "separator.symbols" for r in load_rules(disabled=frozenset({"separator.symbols"})))


def test_tail_is_measured_without_removed_prose():
    """A bio above a fair-use notice is in the tail: the notice is boilerplate, not the article."""
    article = ("Headline\n\n" + "The council met on Monday and agreed to fund the new bridge. " * 3 + "\n\n"
               + "Work is due to start in the spring and to last two years. " * 3 + "\n\n")
    bio = "Anna Berg is a freelance journalist who writes about nature and cities."
    notice = ("This site contains copyrighted material the use of which has not always been specifically "
              "authorized by the copyright owner. We are making such material available under the provisions "
              "of \"fair use\". If you wish to use copyrighted material for purposes other than \"fair use\" "
              "you must request permission from the copyright owner. ") * 2
    for text in (article + bio, article + bio + "\n\n" + notice):
        removed = {r["rule"] for r in clean(text, language=False).to_dict()["removed"]}
        assert "bio.is-a-role" in removed, text[-80:]


def test_a_flattened_page_is_judged_piece_by_piece():
    """A page printed as one line has no lines: a rule judges each sentence-like piece of it,
    so a notice in the middle goes and the article sentences around it stay."""
    article = "The council met on Monday and agreed to fund the new bridge over the river. " * 12
    notice = "This post may contain affiliate links. "
    tail = "Work is due to start in the spring and to last two years, the mayor said. " * 12
    text = article + notice + tail
    assert len(text) > 1500 and "\n" not in text
    result = clean(text, language=False, disable={"structure", "comments"}).to_dict()
    assert [(r["rule"], r["text"].strip()) for r in result["removed"]] == \
        [("disclaimer.affiliate", notice.strip())]
    assert "agreed to fund the new bridge" in result["text"] and "mayor said" in result["text"]


def test_a_page_judged_in_batches_reads_as_in_one(monkeypatch):
    """The engine judges a page's blocks in batches of units; where a batch starts (its
    offsets shifted to the stretch of text it spans) changes nothing, non-ASCII text too."""
    import cleaner.stages.rules as stage

    paragraph = ("The council met on Tuesday to discuss the budget for the coming year, "
                 "and the mayor said the plan would be published in full next month. Share this article")
    lines = ["Café news — the city’s week", paragraph, "Follow us on Twitter", "Share on Facebook",
             "Read more: the budget in detail", paragraph.replace("council", "committee")]
    text = "\n\n".join(lines * 40)
    whole = clean(text, language=False).to_dict()
    monkeypatch.setattr(stage, "BATCH", 3)
    assert clean(text, language=False).to_dict() == whole
    assert any(r["rule"] and not r["rule"].startswith("structure.") for r in whole["removed"])
