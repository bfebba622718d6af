"""Adapters for the tools corpora are built with.

* :mod:`cleaner.integrations.datatrove`: pipeline steps and a WARC reader for datatrove;
* :mod:`cleaner.integrations.datasets`: ``Dataset.map`` with a stable schema.

Each module imports its tool only when used, so cleaner does not depend on them.
"""
