"""Start-up: ``cleaner clean`` on a text file loads only what cleaning text needs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from cleaner.cli import main
main(["clean", sys.argv[1]])
heavy = ["trafilatura", "lxml", "cleaner.html", "cleaner.corpus", "cleaner.evaluate", "cleaner.review",
         "pycountry", "importlib.resources"]
print("LOADED", " ".join(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def _loaded(tmp_path: Path, text: str, suffix: str) -> list[str]:
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=True)
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return line.split()[1:]


def test_cleaning_a_text_file_loads_no_html_corpus_or_evaluation_code(tmp_path):
    assert _loaded(tmp_path, "Hello world.\n", ".txt") == []


def test_an_html_file_still_loads_the_html_path(tmp_path):
    loaded = _loaded(tmp_path, "<html><body><p>Hello world, a page.</p></body></html>", ".html")
    assert "cleaner.html" in loaded and "trafilatura" in loaded


def test_help_lists_every_command():
    from cleaner.cli import COMMANDS
    done = subprocess.run([sys.executable, "-m", "cleaner.cli", "--help"], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == 0
    assert all(name in done.stdout for name in COMMANDS)
    typo = subprocess.run([sys.executable, "-m", "cleaner.cli", "clena", "x"], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert typo.returncode == 2 and "clean" in typo.stderr
