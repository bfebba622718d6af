"""The command line as users run it: clean one document, check and update golden files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_1155fc5db3f2e18f.txt"


def test_clean_json(capsys):
    assert main(["clean", str(SEED), "--no-language"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"id", "text", "title", "authors", "published", "comments", "removed",
                        "flags", "language", "segments"}
    assert out["id"] == str(SEED) and out["published"] == "2023-01-24"


def test_clean_text_and_annotated(capsys):
    assert main(["clean", str(SEED), "--format", "text", "--no-language"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("US-NATO Wants") and "Disclaimer" not in text
    assert main(["clean", str(SEED), "--format", "annotated", "--no-language"]) == 0
    annotated = capsys.readouterr().out
    assert "boilerplate disclaimer disclaimer.label | Disclaimer:" in annotated
    assert "# published: 2023-01-24" in annotated


def test_python_m_cleaner_runs_the_command():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "--format", "text", "--no-language"],
                          input="Hello there.\n", capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout == "Hello there.\n", done.stderr


def test_clean_stdin(monkeypatch, capsys):
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Hello there.\n\n*\n".encode())))
    assert main(["clean", "-", "--format", "text", "--no-language"]) == 0
    assert capsys.readouterr().out == "Hello there.\n"


def test_clean_bad_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc \xff\xfe")
    assert main(["clean", str(bad)]) == 1
    assert "invalid UTF-8" in capsys.readouterr().err
    assert main(["clean", str(tmp_path / "missing.txt")]) == 1


def _golden_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "golden"
    folder.mkdir()
    shutil.copy(SEED, folder / "doc.txt")
    (folder / "options.toml").write_text("language = false\n")
    return folder


def test_golden_update_then_check_passes(tmp_path, capsys):
    folder = _golden_dir(tmp_path)
    assert main(["golden", "check", str(folder)]) == 1  # no golden yet
    assert "MISSING" in capsys.readouterr().out
    assert main(["golden", "update", str(folder)]) == 0
    assert main(["golden", "check", str(folder)]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


def test_golden_check_reports_changed_spans_and_rules(tmp_path, capsys):
    folder = _golden_dir(tmp_path)
    assert main(["golden", "update", str(folder)]) == 0
    capsys.readouterr()
    assert main(["golden", "check", str(folder), "--disable", "share.follow-us"]) == 1
    out = capsys.readouterr().out
    assert "CHANGED" in out and "spans that changed:" in out
    assert "boilerplate share_prompt share.follow-us  ->" in out
    assert "-475-632 boilerplate share_prompt share.follow-us | Follow us on" in out


def test_project_fixtures_match_their_golden_files(capsys):
    assert main(["golden", "check", str(ROOT / "fixtures")]) == 0, capsys.readouterr().out


def test_every_builtin_rule_fires_in_some_fixture():
    """The golden fixtures exercise each rule in a whole document, not only in its own examples."""
    from cleaner.annotated import parse_segments
    from cleaner.rules import load_rules
    fired = set()
    for golden in (ROOT / "fixtures").rglob("*.golden"):
        fired |= {desc.split()[-1] for desc in parse_segments(golden.read_text(encoding="utf-8")).values()}
    missing = sorted(r.id for r in load_rules() if r.id not in fired)
    assert not missing, f"rules no fixture exercises: {missing}"
