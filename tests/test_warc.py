"""WARC and WET files: which records become documents, what they carry, and clear errors."""
from __future__ import annotations

import pytest

from cleaner.warc import WarcError, is_warc, read_warc
from warc_files import ARTICLE, WET_TEXT, conversion, warc_file, wet_file, write

pytest.importorskip("fastwarc")


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_html_documents_with_record_id_and_url(tmp_path, gz):
    docs = list(read_warc(warc_file(tmp_path / "a.warc", gz=gz)))
    assert [d["url"] for d in docs] == ["https://news.example/1", "https://news.example/3"]  # the PNG is skipped
    assert docs[0]["id"] == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    assert docs[0]["html"] == ARTICLE and "text" not in docs[0]
    assert "café" in docs[1]["html"]  # decoded with the declared latin-1 charset


def test_wet_conversions_become_text_documents(tmp_path):
    docs = list(read_warc(wet_file(tmp_path / "a.warc.wet.gz")))
    assert [d["text"] for d in docs] == [WET_TEXT, WET_TEXT]
    assert docs[1] == {"id": "<urn:uuid:00000000-0000-0000-0000-000000000002>",
                       "url": "https://city.example/2", "text": WET_TEXT}


def test_an_open_file_can_be_read(tmp_path):
    path = warc_file(tmp_path / "a.warc")
    with open(path, "rb") as fh:
        assert len(list(read_warc(fh, name="a.warc"))) == 2


def test_a_file_that_is_not_warc_is_an_error_naming_it(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("these are notes, not a web archive\n" * 5)
    with pytest.raises(WarcError, match=r"notes\.warc: not a readable WARC file .* at the start"):
        list(read_warc(path))


@pytest.mark.parametrize("cut", [10, 60])
def test_a_file_cut_short_is_an_error_naming_the_record(tmp_path, cut):
    whole = conversion("https://a.example/", WET_TEXT, 1) + conversion("https://b.example/", WET_TEXT, 2)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:-cut])
    with pytest.raises(WarcError, match=r"record 2 \(<urn:uuid:[0-]+2>\)"):
        list(read_warc(path))


def test_an_empty_file_has_no_documents(tmp_path):
    assert list(read_warc(write(tmp_path / "empty.warc", []))) == []


def test_suffixes():
    assert all(map(is_warc, ["a.warc", "b.warc.gz", "CC.warc.wet.gz", "x.WET"]))
    assert not any(map(is_warc, ["a.jsonl", "warc.txt", "a.warc.json"]))
