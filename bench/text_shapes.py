"""The cleaner on text shapes it was not tuned on: other converters' layouts of the same pages.

    python bench/text_shapes.py [--limit N] [--only WORD ...]

The dev sets are scored on four converters' text. A user's scraper may lay the
page out otherwise, so each WCXB and Dragnet page is also given to the cleaner
as:

* ``lxml text_content``: the body's text nodes as they are, script and style
  dropped (what ``soup.get_text()`` or ``tree.text_content()`` leaves: the
  markup's own line breaks and indentation, no paragraph marks of its own);
* ``joined``: the resiliparse text with its blank lines removed, as a scraper
  that joins paragraphs with single line breaks writes it;
* ``spaced``: the resiliparse text with a blank line after every line;
* ``wrapped``: the resiliparse text with every line wrapped at 80 columns, as
  mail, ``fmt`` and text-mode browsers print paragraphs;
* ``text nodes a line``: every text node stripped on a line of its own, as
  ``soup.get_text("\\n", strip=True)`` leaves it (a link inside a sentence
  makes it three lines);
* ``html2text defaults``: html2text's Markdown as ``HTML2Text().handle(html)``
  prints it, paragraphs wrapped at 78 columns (inside links and hyphenated
  words too), list items and link lines whole, images as ``![alt](src)``;
* ``lynx -dump`` and ``w3m -dump`` (100 columns), when those browsers are
  installed: wrapped paragraphs, indented lists, and lynx's numbered link
  references after the text.

It prints the main-text F1 (word 4-grams, per page, macro-averaged, as
``cleaner eval`` scores it) of the cleaner and of removing nothing on each
shape. Without the data folder it says so and exits 0.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from cleaner import clean  # noqa: E402
from cleaner.evaluate import converted_text, read_records  # noqa: E402
from cleaner.evaluate.records import cached_text  # noqa: E402
from cleaner.evaluate.metrics import shingle_scores  # noqa: E402

DATASETS = {"wcxb": "wcxb-dev-articles.jsonl.gz", "dragnet": "dragnet-dev.jsonl.gz"}


def _body(html: str):
    """The page's body as lxml parses it, scripts and styles dropped; None when it cannot."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # an empty or unparsable page has no text
        return None
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    body = tree.find("body")
    return body if body is not None else tree


def text_content(html: str) -> str:
    """The page's text as lxml's ``text_content()`` gives it, scripts and styles dropped."""
    body = _body(html)
    return "" if body is None else body.text_content()


BROWSERS = {
    "lynx -dump": ["lynx", "-dump", "-force_html", "-stdin", "-width=100",
                   "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m -dump": ["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8", "-cols", "100"],
}


def browser_text(html: str, name: str, cache_dir: Path | None) -> str:
    """The page as a text-mode browser dumps it (cached like the converters' text)."""
    def dump() -> str:
        data = html.encode("utf-8", "surrogatepass")
        try:
            out = subprocess.run(BROWSERS[name], input=data, capture_output=True, timeout=60).stdout
        except subprocess.TimeoutExpired:
            out = b""
        return out.decode("utf-8", "replace")

    return dump() if cache_dir is None else cached_text(cache_dir / name.split()[0], html, dump)


def text_nodes(html: str) -> str:
    """Every text node of the page on a line of its own, stripped, scripts and styles dropped:
    what ``soup.get_text("\\n", strip=True)`` leaves (a paragraph with a link is three lines)."""
    body = _body(html)
    return "" if body is None else "\n".join(piece.strip() for piece in body.itertext() if piece.strip())


def html2text_defaults(html: str) -> str:
    """The page as html2text prints it with its default settings."""
    import html2text

    try:
        return html2text.HTML2Text().handle(html)
    except Exception:  # html2text fails on a few broken pages: no text
        return ""


def wrapped(text: str, width: int = 80) -> str:
    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))


def shapes(cache_dir: Path | None) -> dict[str, Callable[[str], str]]:
    def resiliparse(html: str) -> str:
        return converted_text(html, "resiliparse", cache_dir)

    found: dict[str, Callable[[str], str]] = {
        "resiliparse (tuned on)": resiliparse,
        "lxml text_content": text_content,
        "joined (no blank lines)": lambda html: "\n".join(
            line for line in resiliparse(html).split("\n") if line.strip()),
        "spaced (a blank line after each)": lambda html: resiliparse(html).replace("\n", "\n\n"),
        "wrapped at 80 columns": lambda html: wrapped(resiliparse(html)),
        "html2text defaults": html2text_defaults,
        "text nodes a line": text_nodes,
    }
    for name, command in BROWSERS.items():
        if shutil.which(command[0]):
            found[name] = lambda html, name=name: browser_text(html, name, cache_dir)
    return found


def measure(data_dir: Path, cache_dir: Path | None, limit: int | None,
            only: tuple[str, ...] = ()) -> dict[tuple[str, str], tuple[float, float]]:
    """(dataset, shape) -> (cleaner F1, nothing-removed F1), macro-averaged over pages with gold."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for dataset, filename in DATASETS.items():
        ours: dict[str, list[float]] = {}
        raw: dict[str, list[float]] = {}
        for record in read_records(data_dir / filename, limit):
            gold = record.get("main") or ""
            if not gold.strip():
                continue
            for name, make in shapes(cache_dir).items():
                if only and not any(word in name for word in only):
                    continue
                text = make(record.get("html") or "")
                ours.setdefault(name, []).append(shingle_scores(clean(text, language=False).text, gold).f1)
                raw.setdefault(name, []).append(shingle_scores(text, gold).f1)
        for name in ours:
            out[dataset, name] = (sum(ours[name]) / len(ours[name]), sum(raw[name]) / len(raw[name]))
    return out


def table(results: dict[tuple[str, str], tuple[float, float]]) -> str:
    names = list(dict.fromkeys(name for _, name in results))
    rows = ["| text shape | WCXB cleaner | WCXB nothing removed | Dragnet cleaner | Dragnet nothing removed |",
            "|---|---:|---:|---:|---:|"]
    for name in names:
        cells = [f"{v:.3f}" for d in DATASETS for v in results.get((d, name), (float("nan"),) * 2)]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def section(data_dir: Path, cache_dir: Path | None, log=None, limit: int | None = None,
            only: tuple[str, ...] = ()) -> list[str]:
    """The benchmark's text-shapes section as Markdown lines (a note when the data is missing)."""
    if not all((data_dir / f).exists() for f in DATASETS.values()):
        return ["### Text shapes", "", f"_dev data not found in {data_dir}: skipped._", ""]
    started = time.perf_counter()
    results = measure(data_dir, cache_dir, limit, only)
    if log:
        log(f"text shapes: {time.perf_counter() - started:.0f} s")
    return ["### Text shapes", "",
            "Main-text F1 of the cleaner (language flags off) on layouts of the same pages it was "
            "not tuned on, beside removing nothing (`python bench/text_shapes.py`).", "",
            table(results), ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleaner-cache"))
    parser.add_argument("--limit", type=int, help="pages per dataset (default: all)")
    parser.add_argument("--only", nargs="+", default=(), help="shapes whose name holds one of these words")
    args = parser.parse_args(argv)
    print("\n".join(section(args.data, args.cache, lambda m: print(m, file=sys.stderr), args.limit,
                             tuple(args.only))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
