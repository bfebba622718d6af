"""datatrove: a real LocalPipelineExecutor over WARC and WET files made here, several tasks,
metadata and stats checked, and a rerun that skips completed tasks."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("fastwarc")
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.integrations.datatrove import CleanHtml, CleanText, FastWarcReader  # noqa: E402
from warc_files import warc_file, wet_file  # noqa: E402

TASKS = 3


def _crawl(tmp_path: Path) -> Path:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    warc_file(crawl / "a.warc.gz", first=1, gz=True)
    warc_file(crawl / "b.warc", first=10)
    wet_file(crawl / "c.warc.wet.gz", first=20)
    return crawl


def _run(crawl: Path, out: Path, logs: Path) -> None:
    LocalPipelineExecutor(pipeline=[FastWarcReader(str(crawl)), CleanHtml(), JsonlWriter(str(out))],
                          tasks=TASKS, workers=2, logging_dir=str(logs)).run()  # workers: the steps pickle


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl.gz"))
            for line in gzip.open(path, "rt", encoding="utf-8")]


def test_warc_to_jsonl_in_three_tasks_with_metadata_stats_and_resume(tmp_path):
    crawl, out, logs = _crawl(tmp_path), tmp_path / "out", tmp_path / "logs"
    _run(crawl, out, logs)
    records = _records(out)
    assert len(records) == 6 and len(list(out.glob("*.jsonl.gz"))) == TASKS
    by_id = {r["id"]: r for r in records}
    html = by_id["<urn:uuid:00000000-0000-0000-0000-000000000001>"]
    assert "regional bread prize" in html["text"] and "<p>" not in html["text"]
    assert "Follow us on Twitter" not in html["text"]
    meta = html["metadata"]
    assert meta["url"] == "https://news.example/1" and meta["format"] == "html"
    assert meta["title"] == "Local bakery wins award"
    assert {"title", "authors", "published", "language", "comments", "flags", "removed_categories"} <= set(meta)
    wet = by_id["<urn:uuid:00000000-0000-0000-0000-000000000020>"]
    assert wet["metadata"]["format"] == "text" and "old rail yard" in wet["text"]
    assert "Share this article" not in wet["text"]
    assert wet["metadata"]["removed_categories"] == {"share_prompt": len("Share this article")}

    stats = [json.loads(p.read_text()) for p in sorted((logs / "stats").glob("*.json"))]
    assert len(stats) == TASKS
    cleaner_stats = [s for task in stats for s in task if "cleaner" in s["name"]]
    removed = sum(s["stats"].get("removed/share_prompt", {}).get("total", 0) for s in cleaner_stats)
    assert removed == 2 * len("Share this article")  # the WET file's two records

    # a rerun skips completed tasks: only the task whose completion mark is gone runs again
    outputs = sorted(out.glob("*.jsonl.gz"))
    before = {p: p.stat().st_mtime_ns for p in outputs}
    (logs / "completions" / "00001").unlink()
    outputs[1].unlink()
    _run(crawl, out, logs)
    assert {p: p.stat().st_mtime_ns for p in outputs if p != outputs[1]} == \
        {p: t for p, t in before.items() if p != outputs[1]}
    assert outputs[1].exists() and sorted(r["id"] for r in _records(out)) == sorted(by_id)


def test_clean_text_drops_documents_left_empty_and_counts_them():
    from datatrove.data import Document
    step = CleanText()
    docs = [Document(text="Share this article", id="a"),
            Document(text="The council voted on Tuesday to turn the old rail yard into a park.", id="b")]
    kept = list(step.run(iter(docs)))
    assert [d.id for d in kept] == ["b"]
    assert step.stats["dropped"].total == 1 and step.stats["forwarded"].total == 1
    keep = list(CleanText(keep_empty=True).run(iter([Document(text="Share this article", id="a")])))
    assert keep[0].text == "" and keep[0].metadata["removed_categories"]


def test_a_document_that_cannot_be_cleaned_is_skipped_and_counted():
    from datatrove.data import Document
    step = CleanText()
    docs = [Document(text="binary\x00data", id="bad"),
            Document(text="The council voted on Tuesday to turn the old rail yard into a park.", id="good")]
    assert [d.id for d in step.run(iter(docs))] == ["good"]
    assert step.stats["clean_error"].total == 1
