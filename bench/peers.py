"""The systems the benchmark compares, each as ``input -> Prediction``.

Peers are dev-only dependencies (the ``dev`` extra): datatrove, jusText and
trafilatura. Every system takes either plain text (what a scraped corpus
holds) or the page's HTML, and returns main text and comments in the shape
:mod:`cleaner.evaluate` scores, so all of them are judged by the same code.
"""
from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from typing import Callable

from cleaner.evaluate import Prediction, prediction_from_dict

TEXT, HTML = "text", "html"


@dataclass
class System:
    """A named system; ``kind`` says whether it reads plain text or HTML."""

    name: str
    kind: str
    run: Callable[[str], Prediction]
    note: str = ""


# --------------------------------------------------------------------------- the cleaner

def cleaner_system(language: bool = True) -> System:
    import cleaner
    from cleaner.options import Options

    options = Options(language=language)

    def run(text: str) -> Prediction:
        return prediction_from_dict(cleaner.clean(text, options=options).to_dict())

    name = "cleaner" if language else "cleaner --no-language"
    return System(name, TEXT, run, "this project" + ("" if language else ", without language flags"))


def cleaner_html_system() -> System | None:
    """The cleaner on HTML, once ``cleaner.clean_html`` exists."""
    import cleaner
    if not hasattr(cleaner, "clean_html"):
        return None

    def run(page: str) -> Prediction:
        return prediction_from_dict(cleaner.clean_html(page).to_dict())

    return System("cleaner (html)", HTML, run, "cleaner.clean_html")


# --------------------------------------------------------------------------- plain-text peers

def unchanged_system() -> System:
    """The floor: the converted text with nothing removed (all of it counts as main text)."""
    return System("nothing removed", TEXT, lambda text: Prediction(text), "the converter's text as is")


def c4_line_filter_system() -> System:
    """datatrove's ``C4QualityFilter`` used as a line filter, never as a document verdict.

    Its line rules (terminal punctuation, at least 3 words, no "javascript",
    no policy phrases, citation markers stripped) decide which lines stay.
    The page-level rules (fewer than 5 sentences, "lorem ipsum", a curly
    bracket) would drop whole pages, which is a different job, so they are
    switched off; ``filter`` then always keeps the document and leaves the
    kept lines in ``doc.text``.
    """
    from datatrove.data import Document
    from datatrove.pipeline.filters.c4_filters import C4QualityFilter

    c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)
    c4.stat_update = lambda *a, **k: None  # per-line statistics are not needed and cost time

    def run(text: str) -> Prediction:
        doc = Document(text=text, id="bench")
        c4.filter(doc)
        return Prediction(doc.text)

    return System("datatrove C4QualityFilter (lines)", TEXT, run,
                  "line rules only; page-level drops off")


def _justext_paragraphs(page: str) -> str:
    import justext
    stoplist = justext.get_stoplist("English")
    paragraphs = justext.justext(page, stoplist)
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_lines_system() -> System:
    """jusText on plain text: each line becomes a ``<p>`` so its classifier sees blocks.

    Link density is unknown in plain text, so this is jusText's
    length-and-stopword classifier plus its context smoothing.
    """

    def run(text: str) -> Prediction:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            return Prediction("")
        page = "<html><body>" + "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines) \
               + "</body></html>"
        return Prediction(_justext_paragraphs(page))

    return System("jusText (lines as <p>)", TEXT, run, "English stoplist")


# --------------------------------------------------------------------------- HTML peers

def trafilatura_system(comments: bool) -> System:
    """trafilatura's extractor on the page; comments come back separately and are scored so."""
    from trafilatura import bare_extraction

    def run(page: str) -> Prediction:
        doc = bare_extraction(page, include_comments=comments, with_metadata=False)
        if doc is None:
            return Prediction("")
        return Prediction(doc.text or "", (doc.comments or "") if comments else "")

    name = "trafilatura" + (" +comments" if comments else "")
    return System(name, HTML, run, f"bare_extraction(include_comments={comments})")


def justext_html_system() -> System:
    """jusText on the page itself, its intended use."""

    def run(page: str) -> Prediction:
        if not page.strip():
            return Prediction("")
        return Prediction(_justext_paragraphs(page))

    return System("jusText", HTML, run, "English stoplist")


def all_systems() -> list[System]:
    """Every system, cleaner first; the cleaner on HTML only when the library offers it."""
    systems = [cleaner_system(True), cleaner_system(False), unchanged_system(),
               c4_line_filter_system(), justext_lines_system()]
    html_cleaner = cleaner_html_system()
    if html_cleaner is not None:
        systems.append(html_cleaner)
    systems += [trafilatura_system(False), trafilatura_system(True), justext_html_system()]
    return systems
