"""Output records for tables and corpora: a stable schema, input fields kept, fields chosen.

Three decisions, shared by ``cleaner run``, the datasets integration and the
datatrove step:

* **Stable schema.** :func:`to_record` has every key of :data:`OUTPUT_FIELDS`
  in every record and every key of a comment in every comment (``posted`` is
  None when the comment has no date), so Arrow, Parquet and ``datasets`` see
  one type per column. ``CleanResult.to_dict()`` stays the JSON contract,
  where ``posted`` appears only when present.
* **Input fields are kept, never clobbered.** :func:`merge` adds the input's
  fields to the output under their own names. An input field named like an
  output field (``text``, ``title`` …) is kept as ``input_<name>``
  (:data:`INPUT_PREFIX`): the cleaned ``text`` is the output's and the
  original stays beside it. If ``input_<name>`` is itself taken, the record is
  refused (:class:`FieldError`) rather than lose a value. Callers leave out
  the input fields they consumed (``cleaner run``: the id, text and HTML fields).
* **Choosing fields.** :func:`select` keeps the named fields, in the order
  given; a field a record lacks is None (an input field may be present in
  only some records), so every line has the same keys.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .result import CleanResult

OUTPUT_FIELDS = ("id", "text", "title", "authors", "published", "comments", "removed",
                 "flags", "language", "segments")
COMMENT_FIELDS = ("text", "author", "reply_to", "edited", "posted", "start", "end")
INPUT_PREFIX = "input_"


class FieldError(ValueError):
    """A field name that cannot be honoured: a clash with no free name, or an unknown field."""


def to_record(result: CleanResult) -> dict[str, Any]:
    """``result.to_dict()`` with a fixed shape: every field in every record, ``posted`` always there."""
    record = result.to_dict()
    record["comments"] = [{key: comment.get(key) for key in COMMENT_FIELDS} for comment in record["comments"]]
    return {key: record[key] for key in OUTPUT_FIELDS}


def merge(output: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """``output`` with the input's fields added.

    The rule is by name, not value, so every record of a corpus gets the same
    columns: an input field named like an output field goes under
    ``input_<name>``.
    """
    merged = dict(output)
    for name, value in inputs.items():
        key = INPUT_PREFIX + name if name in output else name
        if key in merged or (key != name and key in inputs):
            raise FieldError(f"input field {name!r} would be written as {key!r}, which is taken")
        merged[key] = value
    return merged


def select(record: Mapping[str, Any], names: Iterable[str] | None) -> dict[str, Any]:
    """The fields ``names`` of ``record`` in that order (all of them when ``names`` is None).

    A field the record lacks is None, so every line of a corpus has the same
    keys even when an input field is present in only some records.
    """
    if names is None:
        return dict(record)
    return {name: record.get(name) for name in names}


def parse_field_list(value: str) -> tuple[str, ...]:
    """``--fields id,url,text`` as a tuple; empty names and repeats are errors."""
    names = tuple(name.strip() for name in value.split(","))
    if not all(names):
        raise FieldError(f"empty field name in {value!r}")
    if len(set(names)) != len(names):
        raise FieldError(f"a field is named twice in {value!r}")
    return names
