"""Hugging Face ``datasets``: clean a column in ``Dataset.map`` and keep every other column.

``ds.map(lambda ex: clean(ex["text"]).to_dict())`` loses data: ``id`` becomes
None (no id was given), the original ``text`` is overwritten, and ``posted``,
present in only some comments, leaves ``comments`` without one type. Use::

    from cleaner.integrations.datasets import clean_batch
    ds = ds.map(clean_batch, batched=True)
    ds = ds.map(clean_batch, batched=True, fn_kwargs={"column": "html", "html": True})

Every input column stays as it was; the cleaner's fields are added with the
schema of :func:`cleaner.fields.to_record` (every field in every row). An
input column named like one of them is kept as ``input_<name>`` (the original
``text`` becomes ``input_text`` beside the cleaned ``text``); the ``id``
column is used as the document id and left as it is.
"""
from __future__ import annotations

from typing import Any, Mapping

from ..fields import INPUT_PREFIX, OUTPUT_FIELDS, FieldError, to_record
from ..options import Options


def clean_batch(batch: Mapping[str, list[Any]], column: str = "text", *, html: bool = False,
                id_column: str = "id", options: Options | None = None) -> dict[str, list[Any]]:
    """Columns to add to a batch of ``Dataset.map(..., batched=True)``.

    ``column`` holds the documents (plain text, or HTML with ``html=True``);
    ``options`` are the pipeline options (:class:`cleaner.Options`). A None
    or empty document gives an empty result, not an error.
    """
    import cleaner

    if column not in batch:
        raise FieldError(f"no column {column!r} (columns: {', '.join(batch)})")
    clean = cleaner.clean_html if html else cleaner.clean
    ids = batch.get(id_column)
    out: dict[str, list[Any]] = {name: [] for name in _added(batch, id_column)}
    for row, document in enumerate(batch[column]):
        doc_id = None if ids is None or ids[row] is None else str(ids[row])
        record = to_record(clean(document or "", id=doc_id, options=options))
        for name in OUTPUT_FIELDS:
            if name == id_column and ids is not None:
                continue
            out[name].append(record[name])
        for name in batch:
            if name in OUTPUT_FIELDS and name != id_column:
                out[INPUT_PREFIX + name].append(batch[name][row])
    return out


def _added(batch: Mapping[str, list[Any]], id_column: str) -> list[str]:
    """The column names the batch gains, checked so that no input column is overwritten."""
    names = [n for n in OUTPUT_FIELDS if not (n == id_column and id_column in batch)]
    moved = [INPUT_PREFIX + n for n in batch if n in OUTPUT_FIELDS and n != id_column]
    if taken := [n for n in moved if n in batch]:
        raise FieldError(f"columns {', '.join(taken)} exist already: rename them before cleaning")
    return names + moved


def features() -> Any:
    """The ``datasets.Features`` of the added columns, for ``map(..., features=...)`` or casting."""
    from datasets import Features, List, Value

    span = {"start": Value("int64"), "end": Value("int64")}
    return Features({
        "id": Value("string"),
        "text": Value("string"),
        "title": Value("string"),
        "authors": List(Value("string")),
        "published": Value("string"),
        "comments": List({"text": Value("string"), "author": Value("string"), "reply_to": Value("string"),
                          "edited": Value("string"), "posted": Value("string"), **span}),
        "removed": List({"text": Value("string"), "category": Value("string"), "rule": Value("string"), **span}),
        "flags": List({"text": Value("string"), "lang": Value("string"), "confidence": Value("float64"),
                       "section": Value("string"), **span}),
        "language": Value("string"),
        "segments": List({**span, "label": Value("string"), "category": Value("string"),
                          "rule": Value("string")}),
    })
