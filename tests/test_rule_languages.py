"""A rule in a language's words runs only on pages in that language: a German rule leaves an
English page alone, removes its line on a German page, and a caller's language wins over the
count."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.cli import main
from cleaner.document import Document
from cleaner.options import Options, OptionsError
from cleaner.rules import RuleError, for_language, load_rules
from cleaner.sentences import is_prose
from cleaner.stages.rules import RuleStage

GERMAN = ("Die Stadt hat am Montag beschlossen, dass der neue Bahnhof nicht vor dem Jahr 2030 fertig wird. "
          "Nach Angaben der Verwaltung sind die Kosten um ein Drittel gestiegen, und auch die Anwohner "
          "haben sich über den Lärm beschwert, der seit Monaten aus der Baustelle dringt.")
ENGLISH = ("The council said on Monday that the new station will not be finished before 2030. According "
           "to the administration the costs have risen by a third, and the residents have complained "
           "about the noise that has come from the site for months.")
CHROME = "Rezept drucken"


def removed_rules(text: str, **options) -> list[str]:
    return [r["rule"] for r in clean(text, language=False, disable={"comments"}, **options).to_dict()["removed"]]


def test_a_german_rule_fires_on_a_german_page_only():
    assert "de.print-download" in removed_rules(f"{GERMAN}\n\n{CHROME}\n\n{GERMAN}")
    assert "de.print-download" not in removed_rules(f"{ENGLISH}\n\n{CHROME}\n\n{ENGLISH}")


def test_the_page_language_option_overrides_the_count():
    assert "de.print-download" in removed_rules(f"{ENGLISH}\n\n{CHROME}\n\n{ENGLISH}", page_language="de")
    assert "de.print-download" not in removed_rules(f"{GERMAN}\n\n{CHROME}\n\n{GERMAN}", page_language="en")


def test_a_document_hint_selects_the_rules():
    stage = RuleStage(load_rules())
    doc = Document(f"{ENGLISH}\n\n{CHROME}\n\n{ENGLISH}", hints={"page_language": "de"})
    stage(doc)
    assert any(a.rule == "de.print-download" for a in doc.annotations)


def test_english_pages_get_the_rules_without_languages_and_one_engine_per_language_set():
    rules = load_rules()
    english = for_language(rules, "en")
    assert english == for_language(rules, None) == [r for r in rules if not r.languages]
    assert all("de" in r.languages or not r.languages for r in for_language(rules, "de"))
    stage = RuleStage(rules)
    assert stage.for_language("fi") is stage.for_language(None)  # no Finnish rules: English's set
    assert stage.for_language("de") is stage.for_language("de") is not stage.for_language(None)


def test_a_page_in_no_rule_language_is_never_counted_when_no_rule_names_one():
    stage = RuleStage([r for r in load_rules() if not r.languages])
    doc = Document(GERMAN)
    stage(doc)
    assert "page_language" not in doc.hints


def test_a_rule_file_declares_its_languages(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('languages = ["nl"]\n[[rule]]\nid = "mine.nl"\ncategory = "navigation"\n'
                    'pattern = "(?i)^lees verder$"\nrationale = "r"\nexamples = ["Lees verder"]\n'
                    'counterexamples = ["Lees verder in het boek."]\n'
                    '[[rule]]\nid = "mine.both"\ncategory = "navigation"\nlanguages = ["nl", "de"]\n'
                    'pattern = "(?i)^xyz$"\nrationale = "r"\nexamples = ["xyz"]\ncounterexamples = ["x"]\n')
    rules = {r.id: r for r in load_rules([str(path)])}
    assert rules["mine.nl"].languages == ("nl",) and rules["mine.both"].languages == ("nl", "de")
    bad = tmp_path / "bad.toml"
    bad.write_text('languages = ["German"]\n')
    with pytest.raises(RuleError, match="ISO 639-1"):
        load_rules([str(bad)])


def test_page_language_option_is_checked():
    with pytest.raises(OptionsError, match="page language"):
        Options(page_language="german")
    assert Options(page_language="de").page_language == "de"


def test_rules_list_shows_languages(capsys):
    assert main(["rules", "list", "--language", "de"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("de.print-download\t") and line.endswith("\tde") for line in out)
    assert any(line.endswith("\tall") for line in out)
    assert not any(line.endswith("\tfr") for line in out)


FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "rules" / "languages").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_each_language_fixture_is_read_in_its_language_and_a_second_pass_keeps_its_prose(path):
    text = path.read_text(encoding="utf-8")
    once = clean(text, language=False)
    language = path.stem.split("_")[0]  # "de" or "de_blog": a second page in the same language
    assert any(r["rule"].startswith(f"{language}.") for r in once.to_dict()["removed"])
    twice = clean(once.text, language=False)
    lost = [line for line in once.text.splitlines() if line.strip() and line not in twice.text.splitlines()]
    assert not any(is_prose(line) for line in lost), lost


def test_the_page_languages_teaser_heading_is_read_like_related():
    """"Mehr zum Thema" opens a teaser list on a German page as "Related" does on any page;
    without the German headings it is a line like any other."""
    from cleaner import _core
    text = "Mehr zum Thema\nRelated stories"
    units = [(0, 14), (15, 30)]

    def heads(engine):
        page = engine.page(text, [a for a, _ in units], [b for _, b in units], [False, False], [2])
        return ["related_head" in f for f in page.context_features([0, 1], [0.0, 0.0])]

    assert heads(_core.Features(["the"], ["mehr zum thema"])) == [True, True]
    assert heads(_core.Features(["the"])) == [False, True]
