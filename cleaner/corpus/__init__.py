"""Corpus preprocessing: ``cleaner run INPUT… -o OUTPUT [--workers N] [--timeout S] [--resume]``.

Reads JSON Lines (``.jsonl``, ``.ndjson``; gzip or zstd compressed, found by
their first bytes), one-document text and HTML files, directories of these
and stdin; writes one JSON object of the :meth:`CleanResult.to_dict` contract
per input document, in input order. The batch never stops for one bad
record: it is reported on stderr and in the errors file, and the run goes on.
``docs/corpus-runs.md`` is the user's guide (limits, time budget, resume,
outputs, exit codes).

The modules, in the order a record meets them:

* :mod:`.inputs`: sources, decompression, lines with a byte cap, records;
* :mod:`.records`: what a record, an error and an outcome are, and cleaning one;
* :mod:`.pool`: worker processes and the per-record time budget;
* :mod:`.outputs`: output and errors files, devices and pipes, compression;
* :mod:`.resume`: checkpoints for ``--resume``;
* :mod:`.runner`: one run, its summary and exit codes; :mod:`.command`: the CLI.
"""
from .command import command, register
from .inputs import UsageError, iter_records
from .outputs import OutputError
from .pool import WORKER_DIED, clean_records
from .records import Fields, Item, Outcome, Record, RecordError, clean_record
from .runner import DEFAULT_TIMEOUT, Interrupted, Summary, run

__all__ = ["Fields", "Item", "Record", "RecordError", "Outcome", "Summary", "UsageError", "OutputError",
           "Interrupted", "DEFAULT_TIMEOUT", "WORKER_DIED", "iter_records", "clean_record",
           "clean_records", "run", "register", "command"]
