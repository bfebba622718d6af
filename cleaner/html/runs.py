"""trafilatura's balanced and recall extractions of one page, with what they share done once.

``bare_extraction(tree, include_comments=False, with_metadata=False)`` and the same
call with ``favor_recall=True`` begin alike: each copies the page, checks for a forum
thread and prunes the same containers (its raw-tree prune, then the comments), and
nothing after that changes the pruned tree. When the balanced extraction comes out
short, trafilatura also retries it in recall mode on that tree (its "escalation"),
which is the recall extraction's own first two stages, step for step. :class:`Runs`
follows ``bare_extraction``'s steps for these two calls with trafilatura's own
functions, but prunes once and keeps the retry, so the recall extraction reuses
both; what each call returns is unchanged.

The steps are those of trafilatura |SUPPORTED|; with another version each run is a
plain ``bare_extraction`` call.
"""
from __future__ import annotations

from copy import copy, deepcopy
from typing import Any

SUPPORTED = ("2.3.1",)
_FAILED = object()  # the recall stages raised: the recall extraction is None


def supported() -> bool:
    """True when the installed trafilatura's steps are the ones followed here."""
    import trafilatura
    return trafilatura.__version__ in SUPPORTED


def _options(recall: bool):
    """The options ``bare_extraction(include_comments=False, with_metadata=False,
    favor_recall=recall)`` builds."""
    from trafilatura.settings import DEFAULT_CONFIG, Extractor

    return Extractor(config=DEFAULT_CONFIG, output_format="python", fast=False, precision=False,
                     recall=recall, comments=False, formatting=None, links=False, images=False,
                     tables=True, dedup=False, lang=None, url=None, with_metadata=False,
                     only_with_metadata=False, author_blacklist=None, url_blacklist=None,
                     date_params=None)


class Runs:
    """The balanced and recall extractions (their output trees) of one parsed page.

    Call :meth:`balanced` first; :meth:`recall` after it reuses its pruned tree and,
    when the balanced run retried in recall mode, that retry. Either returns None
    where ``bare_extraction`` would (nothing long enough, an error)."""

    def __init__(self, tree) -> None:
        self._tree = tree
        self._pruned: Any = None
        self._stages: Any = None  # the recall mode's stages 1-2, when the balanced run made them

    def balanced(self):
        if not supported():
            return _bare(self._tree, recall=False)
        try:
            return self._finish(self._sequence(_options(False)), _options(False))
        except Exception:  # bare_extraction gives None on TypeError/ValueError; callers on the rest
            return None

    def recall(self):
        if not supported():
            return _bare(self._tree, recall=True)
        options = _options(True)
        try:
            return self._finish(self._sequence(options), options)
        except Exception:
            return None

    def _prune(self):
        """``trafilatura_sequence``'s first steps on a copy of the page (comments off)."""
        if self._pruned is None:
            from trafilatura.core import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH, _forum_thread_page
            from trafilatura.htmlprocessing import prune_unwanted_nodes

            tree = copy(self._tree)
            is_forum = _forum_thread_page(tree)
            tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
            if not is_forum:
                tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
            self._pruned = tree
        return self._pruned

    def _recall_stages(self, options):
        """Stages 1-2 in recall mode (``_recall_retry``), made once: the balanced run's
        escalation and the recall extraction run the same steps on the same tree."""
        if self._stages is None:
            from trafilatura.core import _recall_retry
            try:
                self._stages = _recall_retry(self._prune(), options, None)
            except Exception:
                self._stages = _FAILED
        if self._stages is _FAILED:
            raise ValueError("recall stages failed")
        body, text = self._stages
        return deepcopy(body), text

    def _sequence(self, options):
        """``trafilatura_sequence`` with comments off: the body and its text."""
        from trafilatura import core
        from trafilatura.core import _extract_and_compare, _prepare_tree, baseline, html2txt, justext_rescue

        tree = self._prune()
        if options.focus == "recall":
            postbody, temp_text = self._recall_stages(options)
        else:
            cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, None)
            postbody, temp_text = _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
        if len(temp_text) < options.min_extracted_size and options.focus != "precision":
            b_body, b_text, b_len = baseline(tree)
            if b_len > len(temp_text):
                postbody, temp_text = b_body, b_text
        if (options.focus == "balanced" and 0 < len(temp_text) < core.ESCALATION_MAX_LENGTH
                and len(temp_text) < core.ESCALATION_PAGE_SHARE * len(html2txt(tree))):
            r_options = copy(options)
            r_options.focus = "recall"
            r_text = ""
            try:
                r_body, r_text = self._recall_stages(r_options)
            except Exception:
                pass
            j_text = ""
            if not options.fast:
                try:
                    j_body, j_text = justext_rescue(copy(tree), options)
                except Exception:
                    pass
            len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
            if j_len > r_len and j_len > core.ESCALATION_JUSTEXT_RATIO * len_text:
                postbody, temp_text = j_body, j_text
            elif r_len >= options.min_extracted_size and r_len > core.ESCALATION_ACCEPT_RATIO * len_text:
                postbody, temp_text = r_body, r_text
        return postbody, temp_text

    @staticmethod
    def _finish(result, options):
        """``bare_extraction``'s checks after the sequence: the body, or None."""
        from lxml.etree import strip_tags

        postbody, temp_text = result
        if options.max_tree_size:
            if len(postbody) > options.max_tree_size:
                strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                return None
        if len(temp_text) < options.min_output_size and 0 < options.min_output_comm_size:
            return None
        return postbody


def _bare(tree, *, recall: bool):
    """The plain call, for a trafilatura version whose steps are not the ones above."""
    from trafilatura import bare_extraction

    try:
        result = bare_extraction(tree, include_comments=False, with_metadata=False, favor_recall=recall)
    except Exception:
        return None
    return None if result is None else result.body
