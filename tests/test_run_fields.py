"""cleaner run: input fields passed through, --fields, and WARC/WET inputs."""
from __future__ import annotations

import orjson
import pytest

from cleaner.cli import main
from warc_files import conversion, warc_file, wet_file, write

ARTICLE = "The bakery on Main Street won the regional bread prize on Saturday.\n\nShare this article"


def _run(tmp_path, capsys, *args: str) -> list[dict]:
    out = tmp_path / "out.jsonl"
    assert main(["run", *args, "-o", str(out), "--no-progress", "--no-language"]) == 0, capsys.readouterr().err
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


def _jsonl(tmp_path, *rows: dict):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return str(path)


def test_input_fields_are_kept_and_never_clobbered(tmp_path, capsys):
    src = _jsonl(tmp_path, {"id": 7, "url": "https://a.example/1", "title": "Bread news", "lang": "en",
                            "text": ARTICLE})
    [row] = _run(tmp_path, capsys, src)
    assert row["id"] == "7" and row["url"] == "https://a.example/1" and row["lang"] == "en"
    assert row["title"] is None and row["input_title"] == "Bread news"  # the cleaner found no title
    assert "Share this article" not in row["text"] and "input_text" not in row  # the cleaned field is not copied
    assert list(row)[:10] == ["id", "text", "title", "authors", "published", "comments", "removed", "flags",
                              "language", "segments"]


def test_fields_choose_and_order_the_output(tmp_path, capsys):
    src = _jsonl(tmp_path, {"id": "a", "url": "https://a.example/1", "text": ARTICLE},
                 {"id": "b", "text": ARTICLE})
    rows = _run(tmp_path, capsys, src, "--fields", "url,id,text,title")
    assert [list(r) for r in rows] == [["url", "id", "text", "title"]] * 2
    assert rows[0]["url"] == "https://a.example/1" and rows[1]["url"] is None  # same keys on every line
    assert rows[0]["text"] == "The bakery on Main Street won the regional bread prize on Saturday."


def test_a_malformed_fields_list_is_a_usage_error(tmp_path, capsys):
    src = _jsonl(tmp_path, {"id": "a", "text": ARTICLE})
    with pytest.raises(SystemExit) as exit_info:
        main(["run", src, "-o", str(tmp_path / "o.jsonl"), "--fields", "id,,text"])
    assert exit_info.value.code == 2 and "empty field name" in capsys.readouterr().err


def test_warc_and_wet_files_are_inputs(tmp_path, capsys):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    warc_file(crawl / "a.warc.gz", first=1, gz=True)
    wet_file(crawl / "b.warc.wet.gz", first=20)
    rows = _run(tmp_path, capsys, str(crawl), "--fields", "id,url,title,text")
    assert [r["url"] for r in rows] == ["https://news.example/1", "https://news.example/3",
                                        "https://city.example/20", "https://city.example/21"]
    assert rows[0]["id"] == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    assert rows[0]["title"] == "Local bakery wins award" and "<p>" not in rows[0]["text"]
    assert "old rail yard" in rows[2]["text"] and "Share this article" not in rows[2]["text"]


def test_a_warc_file_cut_short_keeps_its_first_records_and_fails_once(tmp_path, capsys):
    whole = conversion("https://a.example/", ARTICLE, 1) + conversion("https://b.example/", ARTICLE, 2)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:-40])
    out = tmp_path / "out.jsonl"
    assert main(["run", str(path), "-o", str(out), "--no-progress", "--no-language"]) == 0
    assert [orjson.loads(x)["url"] for x in out.read_bytes().splitlines()] == ["https://a.example/"]
    err = capsys.readouterr().err
    assert "record 2" in err and "cut short" in err and "1 failed" in err


def test_an_empty_warc_file_is_read(tmp_path, capsys):
    assert _run(tmp_path, capsys, str(write(tmp_path / "empty.warc", []))) == []
