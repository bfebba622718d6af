"""Evaluation against gold text: ``cleaner eval DATASET.jsonl[.gz]``.

Every change to the cleaner is judged by numbers, on the project's pages or on
a user's own gold data. A dataset is JSON Lines (optionally gzipped), one
record a line, with:

* the input: ``text`` (plain text, used as is) or ``html`` (turned into text
  with ``--converter``, or given to :func:`cleaner.clean_html` with
  ``--input html``);
* the gold: ``main`` (the article text) and, optionally, ``comments`` (the
  reader comments, empty when the page has none), ``with`` (snippets a correct
  cleaning keeps) and ``without`` (boilerplate snippets it must drop).

Field names can be changed with ``--text-field``, ``--html-field``,
``--gold-field`` and ``--comments-field``.

Metrics (all computed per document, then macro-averaged over documents, the
rule the article-extraction benchmarks publish, so one long page cannot
outweigh many short ones):

* **shingle precision / recall / F1**: texts are tokenised into words
  (:func:`tokenize`) and cut into word 4-grams; the overlap of the two
  multisets is counted with clipping (a 4-gram that occurs twice in the gold
  and five times in the output counts twice). If either text has fewer than
  4 words, both are compared as single words instead, so a very short gold
  text can still be matched.
* **bag F1**: the same on single words, ignoring order: it forgives a
  converter that shuffled or split paragraphs, where shingles do not.
* **empty texts**: both empty gives 1.0 (nothing to find, nothing invented);
  exactly one empty gives 0.0 for precision, recall and F1. On pages without
  gold comments the comment F1 is therefore the share of pages where the
  cleaner invented no comment.
* **snippets**: the share of a page's ``with`` snippets found in the main
  text and the share of its ``without`` snippets absent from it, matched as
  substrings once whitespace is collapsed and invisible characters (soft
  hyphens, zero-width and bidirectional marks) are left out (a snippet may
  start or end inside a word, as trafilatura's are); averaged over the pages
  that have snippets. Pooled too, as trafilatura's own comparison
  counts them: over all snippets of all pages, a ``with`` snippet found is a
  true positive, missed a false negative, a ``without`` snippet found a
  false positive; precision, recall and F1 overall and per page language
  (the ``lang`` field). Records without a gold ``main`` are scored by their
  snippets alone.
* **removals**: how many segments and characters each removal category took.

Gold text scraped from the web carries encoding damage (UTF-8 read as
Latin-1, replacement characters, stray NULs); :func:`tokenize` repairs or
splits on it so damage costs at most a word, never a 4-gram chain.

Where to look: ``metrics.py`` (tokens and scores), ``records.py`` (datasets and
converters), ``scoring.py`` (one document, the summary), ``diagnosis.py`` (the
worst documents), ``runner.py`` (a whole run), ``report.py`` (the printed
table), ``command.py`` (the ``cleaner eval`` options).
"""
from __future__ import annotations

from .command import register, run
from .diagnosis import Worst, diagnose
from .metrics import (SHINGLE, Scores, SnippetCounts, bag_scores, mean, overlap_scores, shingle_scores,
                      shingles, snippet_counts, snippet_rates, tokenize)
from .records import Fields, converted_text, read_records, record_id, record_text
from .report import format_report
from .runner import Evaluation, evaluate, run_cleaner
from .scoring import DocScore, Prediction, pooled_snippets, prediction_from_dict, score_document, summarise

__all__ = ["SHINGLE", "DocScore", "Evaluation", "Fields", "Prediction", "Scores", "SnippetCounts", "Worst",
           "bag_scores", "pooled_snippets", "snippet_counts",
           "converted_text", "diagnose", "evaluate", "format_report", "mean", "overlap_scores",
           "prediction_from_dict", "read_records", "record_id", "record_text", "register", "run",
           "run_cleaner", "score_document", "shingle_scores", "shingles", "snippet_rates", "summarise",
           "tokenize"]
