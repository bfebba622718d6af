"""The typed result and the checked options."""
from __future__ import annotations

import dataclasses

import pytest

import cleaner
from cleaner import LanguageFlag, Options, OptionsError, ReaderComment, Removal, RuleError
from cleaner.options import STAGES

PAGE = """Local bakery wins award

The bakery on Main Street won the regional bread prize on Saturday, its owner said. Judges praised the crust.

Follow us on Twitter

3 Comments

Anna Smith says:
March 3, 2024 at 10:12 am
Congratulations, their sourdough is the best in town and I buy it every week.

Reply

Bob Jones says:
Great news for the neighbourhood, well deserved after all these years of hard work.
"""


def test_views_are_typed_frozen_and_match_to_dict():
    result = cleaner.clean(PAGE, language=False)
    data = result.to_dict()
    assert result.comments and all(isinstance(c, ReaderComment) for c in result.comments)
    assert result.removed and all(isinstance(r, Removal) for r in result.removed)
    assert [c.to_dict() for c in result.comments] == data["comments"]
    assert [r.to_dict() for r in result.removed] == data["removed"]
    assert (result.title, result.authors, result.published, result.id) == (
        data["title"], data["authors"], data["published"], data["id"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.removed[0].rule = "other"  # type: ignore[misc]


def test_removals_displayed_in_batches_read_as_in_one(monkeypatch):
    """The record displays its removals a batch at a time and keeps a text it met shortly
    before once: where a batch ends changes no removal, and a repeated text is one string."""
    import cleaner.result as result_module

    page = "\n\n".join([PAGE] + ["Follow us on Twitter", "Share on Facebook", "Café — read more"] * 6)
    whole = cleaner.clean(page, language=False).to_dict()
    monkeypatch.setattr(result_module, "REMOVAL_BATCH", 2)
    result = cleaner.clean(page, language=False)
    assert result.to_dict() == whole
    texts = [r.text for r in result.removed if r.text == "Follow us on Twitter"]
    assert len(texts) >= 3 and len({id(t) for t in texts}) < len(texts)


@pytest.mark.parametrize("page", [PAGE, "Title\n\nShare this\n\nA line \ud800 with a broken character. Another one here."])
def test_a_typed_record_serialises_as_the_json_contract(page):
    import orjson

    from cleaner.corpus.records import dump
    result = cleaner.clean(page)
    typed = result.to_dict(typed=True)
    assert typed["segments"] and not isinstance(typed["segments"][0], dict)
    assert dump(typed) == dump(result.to_dict())  # lone surrogates too: they take the slow path
    if "\ud800" not in page:
        assert orjson.dumps(typed) == orjson.dumps(result.to_dict())


def test_posted_is_in_the_json_only_when_a_comment_has_one():
    comments = cleaner.clean(PAGE, language=False).comments
    dated = [c for c in comments if c.posted]
    undated = [c for c in comments if not c.posted]
    assert dated and undated
    assert "posted" in dated[0].to_dict() and "posted" not in undated[0].to_dict()


def test_flags_are_typed():
    text = ("The council met on Tuesday to discuss the budget for the coming year and the new park.\n\n"
            "Der Stadtrat hat am Dienstag beschlossen, den alten Bahnhof in einen großen Park umzubauen.\n\n"
            "The mayor said the plan would be finished within two years if the money is found.")
    flags = cleaner.clean(text).flags
    assert flags and isinstance(flags[0], LanguageFlag) and flags[0].lang == "de"
    assert 0 < flags[0].confidence <= 1


@pytest.mark.parametrize("kwargs, named", [
    ({"min_confidence": 1.5}, "1.5"),
    ({"min_confidence": -0.1}, "-0.1"),
    ({"target_language": "xx"}, "'xx'"),
    ({"target_language": "english"}, "'english'"),
    ({"disable": ["comentz"]}, "'comentz'"),
    ({"language_backend": "cld3"}, "'cld3'"),
])
def test_bad_options_are_errors_that_name_the_value(kwargs, named):
    with pytest.raises(OptionsError, match=named):
        Options(**kwargs)
    with pytest.raises(OptionsError):
        cleaner.clean("Some text.", **kwargs)


def test_good_options_pass_and_lists_are_accepted():
    opts = Options(disable=["comments", "share.follow-us"], target_language="tl", min_confidence=0)
    assert opts.disable == frozenset({"comments", "share.follow-us"})
    assert hash(opts)  # usable as the pipeline cache key


def test_stage_names_cover_the_pipeline():
    from cleaner.pipeline import build
    assert set(build(Options()).names) <= set(STAGES)


def test_rule_ids_from_an_extra_rule_file_can_be_disabled(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text('''[categories]
promo = "shop links"

[[rule]]
id = "mine.promo"
category = "promo"
scope = "line"
where = "anywhere"
pattern = "^Buy now$"
rationale = "shop link"
examples = ["Buy now"]
counterexamples = ["We buy now and then."]
''')
    with pytest.raises(OptionsError, match="mine.promo"):
        Options(disable=["mine.promo"])
    assert "mine.promo" in Options(rules=(str(rules),), disable=["mine.promo"]).disable


def test_rule_error_is_exported():
    with pytest.raises(RuleError):
        Options(rules=("/nonexistent/rules.toml",), disable=["nothing.here"])


@pytest.mark.parametrize("args, named", [(["--disable", "nosuch"], "'nosuch'"),
                                         (["--target-language", "english"], "'english'"),
                                         (["--min-confidence", "2"], "2.0")])
def test_bad_options_on_the_command_line_are_one_line_and_exit_2(tmp_path, capsys, args, named):
    from cleaner.cli import main
    page = tmp_path / "page.txt"
    page.write_text("Some text here.\n")
    assert main(["clean", str(page), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and named in err
