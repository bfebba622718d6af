"""Dates read into ISO form: kept here for callers of ``cleaner.dates``; the readers live in
:mod:`cleaner.metadata.dates`."""
from __future__ import annotations

from .metadata.dates import find_date, find_date_spans, read_date

__all__ = ["find_date", "find_date_spans", "read_date"]
