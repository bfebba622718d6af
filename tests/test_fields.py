"""Stable records, input fields kept without clobbering, and chosen fields."""
from __future__ import annotations

import pytest

import cleaner
from cleaner.fields import OUTPUT_FIELDS, FieldError, merge, parse_field_list, select, to_record
from test_typed_api import PAGE


def test_every_record_has_every_field_and_every_comment_a_posted_key():
    record = to_record(cleaner.clean(PAGE, id="p", language=False))
    assert tuple(record) == OUTPUT_FIELDS
    assert record["comments"] and all(tuple(c) == ("text", "author", "reply_to", "edited", "posted", "start", "end")
                                      for c in record["comments"])
    assert {c["posted"] is None for c in record["comments"]} == {True, False}
    empty = to_record(cleaner.clean("", language=False))
    assert tuple(empty) == OUTPUT_FIELDS and empty["comments"] == []


def test_input_fields_are_kept_and_clashes_go_under_the_prefix():
    output = {"id": "1", "text": "clean", "title": None}
    merged = merge(output, {"url": "https://a.example/", "text": "raw", "title": "T"})
    assert merged == {"id": "1", "text": "clean", "title": None, "url": "https://a.example/",
                      "input_text": "raw", "input_title": "T"}


def test_a_clash_with_no_free_name_is_refused():
    with pytest.raises(FieldError, match="'input_text'"):
        merge({"text": "clean"}, {"text": "raw", "input_text": "older"})


def test_select_orders_fields_and_names_typos():
    record = {"id": "1", "text": "t", "url": "u", "segments": []}
    assert list(select(record, ["url", "id"])) == ["url", "id"]
    assert select(record, ["title", "lang"]) == {"title": None, "lang": None}
    assert select(record, None) == record
    assert parse_field_list(" id, url ") == ("id", "url")
    with pytest.raises(FieldError):
        parse_field_list("id,,url")
