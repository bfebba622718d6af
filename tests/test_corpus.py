"""Tests of ``cleaner run`` and the corpus API.

The engine is replaced by a fake that honours the output contract, so these
tests check reading, ordering, error handling and counting, not cleaning.
Set ``CLEANER_TEST_REAL_ENGINE=1`` to run them against the real engine
(tests that need the fake's failure triggers keep it). ``test_real_engine_*``
runs against the real engine whenever it can be imported.
"""
from __future__ import annotations

import sys

import argparse
import gzip
import io
import itertools
import multiprocessing
import os

import orjson
import pytest

import cleaner
from cleaner import corpus
from cleaner.corpus import outputs, pool, runner
from cleaner.errors import decode

CONTRACT_KEYS = {"id", "text", "title", "authors", "published", "comments", "removed",
                 "flags", "language", "segments"}
REAL = os.environ.get("CLEANER_TEST_REAL_ENGINE") == "1"
needs_fork = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="the fake engine reaches workers only through fork")


class FakeResult:
    def __init__(self, text: str, id: str | None):
        self.text, self.id = text, id

    def to_dict(self, *, typed: bool = False) -> dict:
        return {"id": self.id, "text": self.text.strip(), "title": None, "authors": [],
                "published": None, "comments": [], "removed": [], "flags": [],
                "language": None, "segments": []}


def fake_clean(text, *, id=None, options=None):
    text = decode(text)
    if "RAISE" in text:
        raise TimeoutError("regex timed out")
    if "CRASH" in text:
        os._exit(3)  # a worker dying in native code
    return FakeResult(text, id)


def fake_clean_html(html, *, id=None, options=None):
    return FakeResult("HTML:" + html, id)


def _use_fake(monkeypatch):
    monkeypatch.setattr(cleaner, "clean", fake_clean)
    monkeypatch.setattr(runner, "build_pipeline", lambda options: None)


@pytest.fixture(autouse=True)
def engine(monkeypatch):
    if not REAL:
        _use_fake(monkeypatch)


@pytest.fixture
def fake(monkeypatch):
    """For tests that need the fake's RAISE/CRASH triggers even against the real engine."""
    _use_fake(monkeypatch)


# ---- helpers -------------------------------------------------------------------

def jsonl(path, *rows) -> str:
    """Write rows (dicts, or raw bytes for broken lines) as JSON Lines."""
    data = b"".join((row if isinstance(row, bytes) else orjson.dumps(row)) + b"\n" for row in rows)
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wb") as fh:
        fh.write(data)
    return str(path)


def read_jsonl(path) -> list[dict]:
    with open(path, "rb") as fh:
        return [orjson.loads(line) for line in fh]


def ids(path) -> list[str]:
    return [row["id"] for row in read_jsonl(path)]


def run(tmp_path, *paths, **kwargs):
    out = tmp_path / "out.jsonl"
    summary = corpus.run(list(paths), out, progress=False, **kwargs)
    return summary, out


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cleaner")
    corpus.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def docs(n: int) -> list[dict]:
    return [{"id": f"d{i}", "text": f"Document number {i}.\n\nIt has a second paragraph."} for i in range(n)]


# ---- inputs ----------------------------------------------------------------------

def test_jsonl_keeps_order_ids_and_contract(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", *docs(5))
    summary, out = run(tmp_path, src)
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(5)]
    assert all(set(r) == CONTRACT_KEYS for r in rows)
    assert (summary.docs_in, summary.docs_out, summary.failed) == (5, 5, 0)
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()
    assert not (tmp_path / "out.jsonl.part").exists()


def test_gzip_jsonl(tmp_path):
    src = jsonl(tmp_path / "in.jsonl.gz", *docs(3))
    summary, out = run(tmp_path, src)
    assert ids(out) == ["d0", "d1", "d2"]
    assert summary.bytes_in == len(gzip.decompress((tmp_path / "in.jsonl.gz").read_bytes()))


def test_text_file_is_one_document_with_its_path_as_id(tmp_path):
    (tmp_path / "a.txt").write_text("A title\n\nSome body text.", encoding="utf-8")
    summary, out = run(tmp_path, tmp_path / "a.txt")
    assert ids(out) == [str(tmp_path / "a.txt")]
    assert summary.bytes_in == len("A title\n\nSome body text.")


def test_directory_is_recursive_sorted_and_skips_other_files(tmp_path, capsys):
    root = tmp_path / "corpus"
    (root / "b" / "c").mkdir(parents=True)
    (root / "z.txt").write_text("zed", encoding="utf-8")
    (root / "b" / "c" / "deep.txt").write_text("deep", encoding="utf-8")
    jsonl(root / "b" / "a.jsonl", {"id": "j1", "text": "one"}, {"id": "j2", "text": "two"})
    jsonl(root / "b" / "y.jsonl.gz", {"id": "g1", "text": "gz"})
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\x00\x00")
    summary, out = run(tmp_path, root)
    assert ids(out) == ["j1", "j2", str(root / "b" / "c" / "deep.txt"), "g1", str(root / "z.txt")]
    assert summary.failed == 0
    assert "skipped 2 files" in capsys.readouterr().err


def test_directory_walk_does_not_read_our_own_output(tmp_path):
    jsonl(tmp_path / "in.jsonl", *docs(2))
    jsonl(tmp_path / "out.jsonl", {"id": "stale", "text": "from an earlier run"})
    (tmp_path / "out.jsonl.errors.jsonl").write_bytes(b'{"id": "stale-error", "text": "x"}\n')
    summary, out = run(tmp_path, tmp_path)
    assert ids(out) == ["d0", "d1"]
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()  # stale file removed: no errors this run


def test_stdin_jsonl(tmp_path):
    data = b"".join(orjson.dumps(d) + b"\n" for d in docs(3))
    summary, out = run(tmp_path, "-", stdin=io.BytesIO(data))
    assert ids(out) == ["d0", "d1", "d2"]


def test_stdin_single_text_document(tmp_path):
    summary, out = run(tmp_path, "-", stdin=io.BytesIO(b"Just one text.\nNot JSON."), stdin_format="text")
    assert ids(out) == ["<stdin>"]


def test_utf8_bom_on_the_first_line_is_accepted(tmp_path):
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + orjson.dumps({"id": "a", "text": "x"}) + b"\n")
    summary, out = run(tmp_path, tmp_path / "bom.jsonl")
    assert ids(out) == ["a"] and summary.failed == 0


def test_custom_field_names_and_id_fallbacks(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"doc_id": "x", "body": "first"}, {"doc_id": 7, "body": "second"},
                {"body": "no id"}, {"id": "ignored", "text": "wrong field names", "doc_id": "y"})
    summary, out = run(tmp_path, src, fields=corpus.Fields(id="doc_id", text="body"))
    assert ids(out) == ["x", "7", f"{src}:3"]
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["line"], e["id"]) for e in errors] == [(4, "y")]
    assert "'body'" in errors[0]["reason"] and "doc_id" in errors[0]["reason"]


# ---- bad records -------------------------------------------------------------------

def test_malformed_line_in_the_middle(tmp_path, capsys):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "first"}, b'{"id": "b", "text": ',
                b"", {"id": "c", "text": "third"}, b"[1, 2]")
    summary, out = run(tmp_path, src)
    assert ids(out) == ["a", "c"]
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["source"], e["line"], e["id"]) for e in errors] == [(src, 2, None), (src, 5, None)]
    assert errors[0]["reason"].startswith("malformed JSON")
    assert "JSON object" in errors[1]["reason"]
    assert f"{src}:2: malformed JSON" in capsys.readouterr().err
    assert (summary.docs_in, summary.docs_out, summary.failed) == (4, 2, 2)


def test_invalid_utf8_record(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "ok"}, b'{"id": "b", "text": "caf\xe9"}',
                {"id": "c", "text": "ok too"})
    summary, out = run(tmp_path, src)
    assert ids(out) == ["a", "c"]
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["line"] == 2 and "UTF-8" in error["reason"]


def test_invalid_utf8_and_binary_files(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x00\x00\x01" * 10)
    (tmp_path / "good.txt").write_text("fine", encoding="utf-8")
    summary, out = run(tmp_path, tmp_path / "latin1.txt", tmp_path / "binary.txt", tmp_path / "good.txt")
    assert ids(out) == [str(tmp_path / "good.txt")]
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["source"], e["line"]) for e in errors] == [(str(tmp_path / "latin1.txt"), None),
                                                          (str(tmp_path / "binary.txt"), None)]
    assert "UTF-8" in errors[0]["reason"] and "binary" in errors[1]["reason"]


def test_missing_and_non_string_text(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a"}, {"id": "b", "text": 42}, {"id": "c", "text": None},
                {"id": ["bad"], "text": "x"}, {"id": "e", "text": "fine"})
    summary, out = run(tmp_path, src)
    assert ids(out) == ["e"]
    reasons = {e["line"]: e["reason"] for e in read_jsonl(tmp_path / "out.jsonl.errors.jsonl")}
    assert "no 'text'" in reasons[1] and "'text' is null" in reasons[3]
    assert "'text' is a number" in reasons[2]
    assert "'id' is an array" in reasons[4]


def test_empty_documents_are_valid_empty_results(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "e1", "text": ""}, {"id": "e2", "text": "  \n\n \t"},
                {"id": "full", "text": "Some text."})
    (tmp_path / "empty.txt").write_bytes(b"")
    summary, out = run(tmp_path, src, tmp_path / "empty.txt")
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["e1", "e2", "full", str(tmp_path / "empty.txt")]
    empties = [r for r in rows if r["id"] != "full"]
    assert all(set(r) == CONTRACT_KEYS and r["text"] == "" and r["segments"] == [] for r in empties)
    assert (summary.docs_out, summary.empty, summary.failed) == (4, 3, 0)


def test_huge_documents_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(cleaner.errors, "MAX_CHARS", 40)
    src = jsonl(tmp_path / "in.jsonl", {"id": "big", "text": "x" * 41}, {"id": "ok", "text": "small"},
                b'{"id": "huge", "text": "' + b"y" * 600 + b'"}', {"id": "after", "text": "still read"})
    (tmp_path / "big.txt").write_text("z" * 200, encoding="utf-8")
    summary, out = run(tmp_path, src, tmp_path / "big.txt")
    assert ids(out) == ["ok", "after"]
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["line"], e["id"]) for e in errors] == [(1, "big"), (3, None), (None, str(tmp_path / "big.txt"))]
    assert "exceeds the limit" in errors[0]["reason"]
    assert "exceeds the limit of 160 bytes" in errors[1]["reason"]
    assert "exceeds the limit" in errors[2]["reason"]


def test_exception_in_clean_is_one_failed_record(tmp_path, fake):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "ok"}, {"id": "b", "text": "RAISE"},
                {"id": "c", "text": "ok"})
    summary, out = run(tmp_path, src)
    assert ids(out) == ["a", "c"]
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error == {"source": src, "line": 2, "id": "b", "reason": "TimeoutError: regex timed out"}


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    full = gzip.compress(b"".join(orjson.dumps(d) + b"\n" for d in docs(200)))
    (tmp_path / "cut.jsonl.gz").write_bytes(full[: len(full) // 2])
    summary, out = run(tmp_path, tmp_path / "cut.jsonl.gz")
    read = ids(out)
    assert 0 < len(read) < 200 and read == [f"d{i}" for i in range(len(read))]
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["line"] == len(read) + 1 and "cannot read" in error["reason"]
    assert summary.exit_code() == 0


# ---- HTML ------------------------------------------------------------------------

def test_html_field_and_file_use_clean_html(tmp_path, monkeypatch):
    monkeypatch.setattr(cleaner, "clean_html", fake_clean_html, raising=False)
    src = jsonl(tmp_path / "in.jsonl", {"id": "h", "html": "<p>Hi</p>"}, {"id": "t", "text": "text wins", "html": "<p/>"})
    (tmp_path / "page.html").write_text("<html><p>Page</p></html>", encoding="utf-8")
    summary, out = run(tmp_path, src, tmp_path / "page.html")
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["h", "t", str(tmp_path / "page.html")]
    if not REAL:
        assert [r["text"][:5] for r in rows] == ["HTML:", "text ", "HTML:"]


def test_html_without_clean_html_fails_clearly(tmp_path, monkeypatch):
    monkeypatch.delattr(cleaner, "clean_html", raising=False)
    monkeypatch.setitem(sys.modules, "cleaner.html", None)  # as if the HTML path were not installed
    src = jsonl(tmp_path / "in.jsonl", {"id": "h", "html": "<p>Hi</p>"}, {"id": "t", "text": "plain"})
    summary, out = run(tmp_path, src)
    assert ids(out) == ["t"]
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["id"] == "h" and "clean_html" in error["reason"]


# ---- workers -----------------------------------------------------------------------

@needs_fork
def test_two_workers_give_the_same_output_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "BATCH_DOCS", 3)  # many batches, several in flight
    rows = docs(40)
    rows[17] = b'{"broken'
    src = jsonl(tmp_path / "in.jsonl", *rows)
    one = corpus.run([src], tmp_path / "one.jsonl", workers=1, progress=False)
    two = corpus.run([src], tmp_path / "two.jsonl", workers=2, progress=False)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert ids(tmp_path / "two.jsonl") == [f"d{i}" for i in range(40) if i != 17]
    assert read_jsonl(tmp_path / "one.jsonl.errors.jsonl") == read_jsonl(tmp_path / "two.jsonl.errors.jsonl")
    assert (two.docs_in, two.docs_out, two.failed) == (one.docs_in, one.docs_out, one.failed) == (40, 39, 1)


@needs_fork
def test_a_dying_worker_fails_only_its_record(tmp_path, monkeypatch, fake):
    monkeypatch.setattr(pool, "BATCH_DOCS", 2)
    rows = docs(12)
    rows[5] = {"id": "killer", "text": "CRASH"}
    summary, out = run(tmp_path, jsonl(tmp_path / "in.jsonl", *rows), workers=2)
    assert ids(out) == [f"d{i}" for i in range(12) if i != 5]
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["id"] == "killer" and error["reason"] == corpus.WORKER_DIED


@needs_fork
def test_workers_pull_input_lazily(monkeypatch):
    monkeypatch.setattr(pool, "BATCH_DOCS", 4)
    pulled = itertools.count()

    def endless():  # long enough to notice eager reading, finite so that fails instead of hanging
        for i in range(5_000):
            next(pulled)
            yield corpus.Record("gen", i + 1, f"r{i}", f"text {i}")

    results = corpus.clean_records(endless(), workers=2)
    first = [item.id for item, _ in itertools.islice(results, 10)]
    results.close()
    assert first == [f"r{i}" for i in range(10)]
    in_flight = 2 * pool.IN_FLIGHT_PER_WORKER
    assert next(pulled) <= 10 + in_flight + 4


# ---- API pieces ----------------------------------------------------------------------

def test_iter_records_yields_records_and_errors(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "x"}, b"nope")
    items = list(corpus.iter_records([src]))
    assert items[0] == corpus.Record(src, 1, "a", "x", "text", len(b'{"id":"a","text":"x"}\n'))
    assert isinstance(items[1], corpus.RecordError) and items[1].line == 2


def test_clean_record_never_raises(fake):
    outcome = corpus.clean_record(corpus.Record("s", 1, "id", b"\xff\xfe"))
    assert outcome.line is None and "UTF-8" in outcome.reason
    good = corpus.clean_record(corpus.Record("s", 1, "id", "text"))
    assert orjson.loads(good.line)["id"] == "id" and good.reason is None


# ---- errors file and summary -----------------------------------------------------------

def test_errors_file_path_option_and_summary(tmp_path, capsys):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "one"}, b"{", {"id": "c", "text": ""})
    errors = tmp_path / "logs" / "bad.jsonl"
    errors.parent.mkdir()
    summary, out = run(tmp_path, src, errors=errors)
    assert read_jsonl(errors) == [{"source": src, "line": 2, "id": None,
                                   "reason": read_jsonl(errors)[0]["reason"]}]
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()
    assert (summary.docs_in, summary.docs_out, summary.failed, summary.empty) == (3, 2, 1, 1)
    assert summary.bytes_in == (tmp_path / "in.jsonl").stat().st_size
    assert summary.errors_path == str(errors)
    err = capsys.readouterr().err
    assert "3 documents in, 2 out (1 empty), 1 failed" in err and "MB/s" in err


def test_stderr_is_capped_when_an_errors_file_holds_everything(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(outputs, "MAX_STDERR_ERRORS", 2)
    src = jsonl(tmp_path / "in.jsonl", *[b"x"] * 5)
    summary, out = run(tmp_path, src)
    assert len(read_jsonl(tmp_path / "out.jsonl.errors.jsonl")) == 5
    err = capsys.readouterr().err
    assert err.count("malformed JSON") == 2 and "only in" in err


def test_interrupted_run_leaves_no_partial_output(tmp_path, monkeypatch, capsys):
    def interrupt(text, *, id=None, options=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cleaner, "clean", interrupt)
    (tmp_path / "out.jsonl").write_bytes(b"previous run\n")
    src = jsonl(tmp_path / "in.jsonl", *docs(3))
    assert cli(["run", src, "-o", str(tmp_path / "out.jsonl"), "--timeout", "0"]) == 130
    assert (tmp_path / "out.jsonl").read_bytes() == b"previous run\n"
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl", "out.jsonl"]


# ---- command line ------------------------------------------------------------------------

def test_cli_completes_with_failed_records(tmp_path, capsys):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "ok"}, b"{")
    assert cli(["run", src, "-o", str(tmp_path / "out.jsonl"), "--no-progress"]) == 0
    assert ids(tmp_path / "out.jsonl") == ["a"]
    assert "1 failed" in capsys.readouterr().err


def test_cli_stdout_and_stdin_text(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Piped text.")))
    assert cli(["run", "-", "-o", "-", "--stdin-format", "text"]) == 0
    [row] = [orjson.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    assert row["id"] == "<stdin>" and set(row) == CONTRACT_KEYS
    assert not os.listdir(tmp_path)


def test_cli_custom_fields(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"key": "k1", "content": "hello"})
    out = str(tmp_path / "out.jsonl")
    assert cli(["run", src, "-o", out, "--id-field", "key", "--text-field", "content", "--workers", "1"]) == 0
    assert ids(out) == ["k1"]


@pytest.mark.parametrize("argv", [
    ["run", "missing.jsonl", "-o", "out.jsonl"],
    ["run", "notes.md", "-o", "out.jsonl"],
    ["run", "-", "-", "-o", "out.jsonl"],
    ["run", "in.jsonl", "-o", "in.jsonl"],
    ["run", "in.jsonl", "-o", "out.jsonl", "--workers", "-1"],
])
def test_cli_usage_errors_exit_2(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "x"})
    (tmp_path / "notes.md").write_text("x")
    before = (tmp_path / "in.jsonl").read_bytes()
    assert cli(argv) == 2
    assert "error:" in capsys.readouterr().err
    assert (tmp_path / "in.jsonl").read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_argparse_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        cli(["run", "x.jsonl"])  # no -o
    assert exc.value.code == 2


def test_cli_unwritable_output_exits_3(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "x"})
    assert cli(["run", "in.jsonl", "-o", "no/such/dir/out.jsonl"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err and "No such file or directory" in err


def test_cli_max_failures_exits_1_only_when_exceeded(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "ok"}, b"{", b"{")
    out = str(tmp_path / "out.jsonl")
    assert cli(["run", src, "-o", out, "--max-failures", "2"]) == 0
    assert cli(["run", src, "-o", out, "--max-failures", "1"]) == 1
    assert ids(out) == ["a"]


def test_cli_exit_4_when_nothing_can_be_read(tmp_path, capsys):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"this is not gzip data")
    (tmp_path / "empty").mkdir()
    assert cli(["run", str(tmp_path / "bad.jsonl.gz"), "-o", str(tmp_path / "out.jsonl")]) == 4
    [error] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["source"] == str(tmp_path / "bad.jsonl.gz") and "cannot read" in error["reason"]
    assert cli(["run", str(tmp_path / "empty"), "-o", str(tmp_path / "out2.jsonl")]) == 4
    assert "no input could be read" in capsys.readouterr().err


# ---- the real engine, when it is there --------------------------------------------------------

def _real_engine_works() -> bool:
    try:
        import importlib
        importlib.import_module("cleaner.pipeline").build(cleaner.Options())
        return True
    except Exception:
        return False


@pytest.mark.skipif(not _real_engine_works(), reason="the engine is not importable yet")
def test_real_engine_round_trip(tmp_path, monkeypatch):
    monkeypatch.undo()  # drop the fake engine
    src = jsonl(tmp_path / "in.jsonl", *docs(4), {"id": "empty", "text": ""})
    (tmp_path / "a.txt").write_text("Headline\n\nA paragraph of article text.\n\nShare this article", encoding="utf-8")
    one = corpus.run([src, tmp_path / "a.txt"], tmp_path / "one.jsonl", progress=False)
    two = corpus.run([src, tmp_path / "a.txt"], tmp_path / "two.jsonl", workers=2, progress=False)
    rows = read_jsonl(tmp_path / "one.jsonl")
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(4)] + ["empty", str(tmp_path / "a.txt")]
    assert all(set(r) == CONTRACT_KEYS for r in rows)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert one.failed == two.failed == 0
