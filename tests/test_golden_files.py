"""cleaner golden: set-up mistakes are exit 2 with one line, orphans and clashes are reported,
golden files are never written through a symlink; the pytest fixture."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.golden import colourise, use_colour

ARTICLE = ("Local bakery wins award\n\nThe bakery on Main Street won the regional bread prize on Saturday.\n\n"
           "Follow us on Twitter\n")

pytest_plugins = ["pytester"]


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def test_bad_options_toml_is_one_line_and_exit_2(tmp_path, capsys):
    folder = _folder(tmp_path, page__txt=ARTICLE, options__toml="language = [nope")
    assert main(["golden", "check", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "options.toml: not valid TOML" in err


@pytest.mark.parametrize("toml, named", [("colour = true", "unknown option colour"),
                                         ("min_confidence = 3.0", "3.0"),
                                         ('disable = ["nosuch"]', "'nosuch'")])
def test_wrong_options_are_named(tmp_path, capsys, toml, named):
    folder = _folder(tmp_path, page__txt=ARTICLE, options__toml=toml)
    assert main(["golden", "check", str(folder)]) == 2
    assert named in capsys.readouterr().err


def test_undecodable_input_is_one_line_and_exit_2(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "latin.txt").write_bytes("Caf\xe9 au lait\n".encode("latin-1"))
    assert main(["golden", "update", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "latin.txt: invalid UTF-8" in err
    assert not (folder / "latin.golden").exists()


def test_options_toml_above_the_checked_directory_is_ignored(tmp_path, capsys):
    (tmp_path / "options.toml").write_text('disable = ["share.follow-us"]')
    folder = _folder(tmp_path, page__txt=ARTICLE)
    assert main(["golden", "update", str(folder)]) == 0
    assert "share.follow-us" in (folder / "page.golden").read_text()
    (folder / "options.toml").write_text('disable = ["share.follow-us"]')  # inside: it applies
    assert main(["golden", "check", str(folder)]) == 1


def test_inputs_sharing_a_golden_name_are_refused(tmp_path, capsys):
    folder = _folder(tmp_path, page__txt=ARTICLE, page__html=f"<html><body><p>{ARTICLE}</p></body></html>")
    assert main(["golden", "update", str(folder)]) == 2
    assert "page.html and page.txt" in capsys.readouterr().err
    assert not (folder / "page.golden").exists()


def test_orphan_golden_files_fail_the_check(tmp_path, capsys):
    folder = _folder(tmp_path, page__txt=ARTICLE)
    assert main(["golden", "update", str(folder)]) == 0
    (folder / "page.golden").rename(folder / "gone.golden")
    (folder / "gone.golden").with_name("page.golden").write_text((folder / "gone.golden").read_text())
    capsys.readouterr()
    assert main(["golden", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"ORPHAN {folder / 'gone.golden'}" in out and "1 passed, 0 failed, 1 orphaned" in out


def test_update_never_writes_through_a_symlink(tmp_path, capsys):
    folder = _folder(tmp_path, page__txt=ARTICLE)
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    (folder / "page.golden").symlink_to(outside)
    assert main(["golden", "update", str(folder)]) == 2
    assert outside.read_text() == "precious"
    assert "symlink" in capsys.readouterr().err


def test_update_writes_and_check_passes(tmp_path):
    folder = _folder(tmp_path, page__txt=ARTICLE)
    assert main(["golden", "update", str(folder)]) == 0
    assert main(["golden", "check", str(folder)]) == 0
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    class Tty:
        def isatty(self):
            return True
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) and not use_colour(open(os.devnull, "w"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())
    assert colourise("+new\n-old\n same") == "\x1b[32m+new\x1b[0m\n\x1b[31m-old\x1b[0m\n same"


def test_pytest_fixture_fails_then_updates_then_passes(pytester):
    """The plugin is loaded through its pytest11 entry point, as in a user's project."""
    page = pytester.path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    pytester.makepyfile(test_pages="""
        def test_page(cleaner_golden):
            cleaner_golden.check("page.txt")
    """)
    missing = pytester.runpytest()
    missing.assert_outcomes(failed=1)
    missing.stdout.fnmatch_lines(["*no golden file*--update-goldens*"])
    pytester.runpytest("--update-goldens").assert_outcomes(passed=1)
    assert (pytester.path / "page.golden").exists()
    pytester.runpytest().assert_outcomes(passed=1)
    page.write_text(ARTICLE.replace("Follow us on Twitter", "The prize comes with a trophy."), encoding="utf-8")
    changed = pytester.runpytest()
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(["*CHANGED*page.golden*", "*spans that changed:*"])
