"""Golden files in pytest: the ``cleaner_golden`` fixture and ``--update-goldens``.

Installed with cleaner (entry point ``pytest11``), so a project's tests can
pin how its own pages are cleaned, in the manner of syrupy or
pytest-regressions::

    def test_my_pages(cleaner_golden):
        for page in Path("tests/pages").glob("*.html"):
            cleaner_golden.check(page)

A page's golden file is ``NAME.golden`` beside it, in the annotated format
of ``cleaner golden``. A test fails with the same report as ``cleaner golden
check`` (spans that changed label or rule, then the diff); ``pytest
--update-goldens`` writes the golden files instead, for review in version
control.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .golden import GoldenError, check_one
from .options import Options


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleaner")
    group.addoption("--update-goldens", action="store_true", default=False,
                    help="write cleaner golden files instead of comparing with them")


class GoldenChecker:
    """Compares pages with their golden files (or writes them, under ``--update-goldens``)."""

    def __init__(self, update: bool):
        self.update = update
        self.written: list[Path] = []

    def check(self, page: str | Path, *, root: str | Path | None = None,
              options: Options | None = None) -> None:
        """Fail the test unless ``page`` cleans to its golden file.

        ``root`` bounds the search for ``options.toml`` (default: the page's
        folder) and is the only place golden files are written; ``options``
        is the base the ``options.toml`` settings apply to.
        """
        page = Path(page)
        try:
            outcome = check_one(page, Path(root) if root else page.parent, options, update=self.update)
        except GoldenError as exc:
            pytest.fail(f"cannot check {page}: {exc}", pytrace=False)
        if outcome.status == "updated":
            self.written.append(outcome.golden)
        elif outcome.status == "missing":
            pytest.fail(f"no golden file {outcome.golden}: run pytest --update-goldens and review it",
                        pytrace=False)
        elif outcome.status == "changed":
            pytest.fail(outcome.report + "\n(if the change is intended: pytest --update-goldens)",
                        pytrace=False)


@pytest.fixture
def cleaner_golden(request: pytest.FixtureRequest) -> GoldenChecker:
    """Check pages against their golden files; see :class:`GoldenChecker`."""
    return GoldenChecker(bool(request.config.getoption("--update-goldens")))
