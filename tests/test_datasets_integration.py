"""Dataset.map with clean_batch: columns kept, one type per column."""
from __future__ import annotations

import pytest

from cleaner.fields import OUTPUT_FIELDS
from test_typed_api import PAGE

datasets = pytest.importorskip("datasets")
from cleaner.integrations.datasets import clean_batch, clean_dataset, features  # noqa: E402

NO_COMMENTS = "Council approves park\n\nThe council voted on Tuesday to turn the rail yard into a park.\n"
UNDATED = PAGE.replace("March 3, 2024 at 10:12 am\n", "")


def _dataset():
    rows = {"id": [7, 8, 9], "url": ["https://a.example/1", "https://a.example/2", None],
            "text": [NO_COMMENTS, PAGE, UNDATED]}
    return datasets.Dataset.from_dict(rows)


def test_map_keeps_columns_and_gives_typed_comments():
    # batch_size=1: each batch alone would infer a different type for ``comments``
    out = clean_dataset(_dataset(), batch_size=1)
    assert out["id"] == [7, 8, 9] and out["url"][0] == "https://a.example/1"
    assert out["input_text"] == [NO_COMMENTS, PAGE, UNDATED]
    assert "The bakery" in out[1]["text"] and "Follow us" not in out[1]["text"] and "Bob Jones" not in out[1]["text"]
    comment_type = out.features["comments"]
    assert "posted" in comment_type.feature and out[0]["comments"] == []
    assert {c["posted"] is None for row in out for c in row["comments"]} == {True, False}
    assert set(OUTPUT_FIELDS) - {"id"} <= set(out.column_names)


def test_a_plain_map_is_typed_by_guesswork_and_casts_to_the_declared_features():
    """Without declared types Arrow types an always-None field as null (no comment here has
    ``reply_to``); the declared features take every value a plain map produced."""
    out = _dataset().map(clean_batch, batched=True)
    assert out.features["comments"].feature["reply_to"] == datasets.Value("null")
    declared = features()
    cast = out.cast(datasets.Features({**out.features, **{n: declared[n] for n in declared if n != "id"}}))
    assert cast.features["comments"].feature["reply_to"] == datasets.Value("string")
    assert cast["comments"] == out["comments"] and cast["segments"] == out["segments"]


def test_a_dataset_without_an_id_column_gets_none_ids_and_html_works():
    page = f"<html><body><article><p>{NO_COMMENTS}</p></article></body></html>"
    ds = datasets.Dataset.from_dict({"html": [page]})
    out = clean_dataset(ds, "html", html=True)
    assert out["id"] == [None] and "rail yard" in out["text"][0] and out["html"][0].startswith("<html>")
