"""Hugging Face ``datasets``: clean a column in ``Dataset.map`` and keep every other column.

``ds.map(lambda ex: clean(ex["text"]).to_dict())`` loses data: ``id`` becomes
None (no id was given), the original ``text`` is overwritten, and ``posted``,
present in only some comments, leaves ``comments`` without one type. Use::

    from cleaner.integrations.datasets import clean_dataset
    ds = clean_dataset(ds)                              # the "text" column
    ds = clean_dataset(ds, "html", html=True, num_proc=4)

:func:`clean_dataset` is ``ds.map(clean_batch, batched=True, features=…)``
with the column types declared up front: Arrow cannot guess them from a
batch where every comment list is empty or every title is None.

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


def clean_dataset(dataset: Any, column: str = "text", *, html: bool = False, id_column: str = "id",
                  options: Options | None = None, **map_kwargs: Any) -> Any:
    """``dataset`` with the cleaner's columns added (``map_kwargs`` go to ``Dataset.map``)."""
    from datasets import Features

    names = _added(dataset.column_names, id_column)
    ours = features()
    types = {**dataset.features,
             **{name: dataset.features[name.removeprefix(INPUT_PREFIX)] if name not in ours else ours[name]
                for name in names}}
    return dataset.map(clean_batch, batched=True, features=Features(types),
                       fn_kwargs={"column": column, "html": html, "id_column": id_column, "options": options},
                       **map_kwargs)


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


def _added(batch: Mapping[str, list[Any]] | list[str], id_column: str) -> list[str]:
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
