"""The package's data files read back from their parsed form: invisible, and never stale."""
from __future__ import annotations

import marshal
import sys
import tomllib
from pathlib import Path

import pytest

from cleaner import parsed
from cleaner.rules import builtin_rule_files

DATA = Path(parsed.__file__).parent / "data"


@pytest.fixture
def writing(monkeypatch):
    """Byte code (and so the parsed form) may be written, as in an installed package."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)


def _no_parsing(monkeypatch):
    def refuse(text):
        raise AssertionError("parsed again")
    monkeypatch.setattr(parsed, "_parse", refuse)


def test_a_file_is_read_back_as_parsed(tmp_path, writing, monkeypatch):
    path = tmp_path / "words.toml"
    path.write_text('title = "Ünïcode"\n[[rule]]\nid = "a"\nsize = 3\nshare = 0.25\nlist = ["x", "y"]\n',
                    encoding="utf-8")
    first = parsed.toml(path)
    assert first == tomllib.loads(path.read_text(encoding="utf-8"))
    assert Path(parsed._cache_path(path)).parent == tmp_path / "__pycache__"
    assert Path(parsed._cache_path(path)).exists()
    _no_parsing(monkeypatch)
    assert parsed.toml(path) == first


def test_an_edited_file_is_parsed_again(tmp_path, writing):
    path = tmp_path / "words.toml"
    path.write_text('word = "one"\n', encoding="utf-8")
    assert parsed.toml(path) == {"word": "one"}
    path.write_text('word = "two"\n', encoding="utf-8")  # same size, other text
    assert parsed.toml(path) == {"word": "two"}
    assert parsed.toml(path) == {"word": "two"}


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path, writing):
    path = tmp_path / "model.toml"
    path.write_text("weights = [0.5, -1.25]\n", encoding="utf-8")
    target = Path(parsed._cache_path(path))
    target.parent.mkdir()
    for junk in (b"", b"\x00\x01garbage", b"\xe9" * 40, marshal.dumps(("not the key", {"weights": []}))):
        target.write_bytes(junk)
        assert parsed.toml(path) == {"weights": [0.5, -1.25]}


def test_nothing_is_written_where_byte_code_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "words.toml"
    path.write_text('word = "one"\n', encoding="utf-8")
    assert parsed.toml(path) == {"word": "one"}
    assert not (tmp_path / "__pycache__").exists()


def test_an_unwritable_place_still_parses(tmp_path, writing):
    path = tmp_path / "words.toml"
    path.write_text('word = "one"\n', encoding="utf-8")
    (tmp_path / "__pycache__").write_text("a file where the folder would go", encoding="utf-8")
    assert parsed.toml(path) == {"word": "one"}
    assert not list(tmp_path.rglob("*.tmp"))


def test_what_marshal_cannot_hold_is_parsed_each_time(tmp_path, writing):
    path = tmp_path / "dated.toml"
    path.write_text("day = 2024-05-01\n", encoding="utf-8")
    assert str(parsed.toml(path)["day"]) == "2024-05-01"
    assert not Path(parsed._cache_path(path)).exists()
    assert not list((tmp_path / "__pycache__").glob("*.tmp"))


def test_a_syntax_error_is_tomllibs(tmp_path, writing):
    path = tmp_path / "broken.toml"
    path.write_text("word = \n", encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError):
        parsed.toml(path)


def test_builtin_files_read_as_tomllib_reads_them(tmp_path, writing, monkeypatch):
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))  # leave the package's folders alone
    for path in [*map(Path, builtin_rule_files()), DATA / "chrome_words.toml"]:
        fresh = tomllib.loads(path.read_text(encoding="utf-8"))
        assert parsed.toml(path) == fresh   # parsed and written
        assert parsed.toml(path) == fresh   # read back
        assert Path(parsed._cache_path(path)).is_relative_to(tmp_path)
