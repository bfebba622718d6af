"""Reliability figures: hostile inputs through ``cleaner run``, time per MB, memory per document.

    python bench/reliability.py [--sizes 0.1,1,3] [--memory-mb 5] [--workers 2] [--timeout 30]

1. **Hostile inputs.** Builds a directory of the inputs that stalled, crashed
   or silently lost records (a regex timing bomb, runs of "Reply", date and
   bullet lines, nested, unclosed and 3000-deep HTML, an 11 MB data: URI,
   random bytes, a truncated gzip, gzip under a .jsonl name, null fields,
   broken JSON and UTF-8, a line over the size cap, a FIFO and a symlink out
   of the directory, NUL bytes, empty documents), runs ``cleaner run`` on it
   and checks that every record read is either written or listed as an error:
   ``in = out + errors``.
2. **Time per MB** of :func:`cleaner.clean` and the record (``to_dict``) on an
   article followed by runs of "Reply", date and bullet lines or by a thread of
   comments (on lines, or on one line as some converters print a page), at each
   size of ``--sizes`` (MB).
3. **Memory per document**: peak RSS growth (Linux ``VmHWM``) of one process cleaning one
   document of ``--memory-mb`` MB into its output line as ``cleaner run`` does
   (article paragraphs; three-word paragraphs, repeating and all different),
   beyond the process's size holding the text, after a warm-up on a 50 KB
   document of the same shape (what a process loads once on first use, such as
   langdetect's profiles, is not the document's).

Nothing here needs the dev data.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("council budget park residents lighting trees school road water river city meeting vote "
         "plan money tax report mayor street bridge library station harbour museum").split()


def article(rng: random.Random, paragraphs: int = 5) -> str:
    return "\n\n".join(". ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize()
                                 for _ in range(4)) + "." for _ in range(paragraphs))


def shapes() -> dict:
    return {
        "reply": lambda n: "\n".join("Reply" for _ in range(n)),
        "dates": lambda n: "\n".join(f"March {i % 28 + 1}, 2021 at {i % 12 + 1}:0{i % 10} pm" for i in range(n)),
        "bullets": lambda n: "\n".join(f"- item number {i} of the list" for i in range(n)),
        "thread": lambda n: "\n\n".join(f"{('Jane Doe', 'Tom Hill', 'Ann Lee')[i % 3]}\nMarch {i % 28 + 1}, 2021 "
                                          f"at {i % 12 + 1}:0{i % 10} pm\nI think the council is right, "
                                          f"number {i}.\nReply" for i in range(n)),
        "flat-thread": lambda n: " ".join(f"Jane Doe{i} says: March {i % 28 + 1}, 2021 at {i % 12 + 1}:05 pm "
                                          f"I agree with the plan number {i}. Reply" for i in range(n)),
    }


def shaped(name: str, size: float, rng: random.Random) -> str:
    make = shapes()[name]
    head = article(rng, 3) + "\n\n"
    unit = len(make(1000)) / 1000
    return head + make(max(1, int(size / unit)))


# ---- 1. hostile inputs ----------------------------------------------------------------

def hostile_corpus(root: Path) -> tuple[list[str], int]:
    """Write the hostile inputs under ``root``; return their names and the records they hold."""
    rng = random.Random(11)
    page = "<h1>Budget news</h1>" + "".join(f"<p>{p}</p>" for p in article(rng, 8).split("\n\n"))
    names: list[str] = []
    records = 0

    def doc(name: str, data: bytes | str) -> None:
        nonlocal records
        (root / name).write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        names.append(name)
        records += 1

    def jsonl(name: str, rows: list, count: int | None = None) -> None:
        nonlocal records
        data = b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in rows)
        (root / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        names.append(name)
        records += len(rows) if count is None else count

    doc("regex-bomb.txt", "\n".join("_" * 60 + f"id{i}.jpgX" for i in range(60)))
    for shape in shapes():
        doc(f"{shape}-1mb.txt", shaped(shape, 1e6, rng))
    doc("nested-300.html", f"<html><body>{'<div>' * 300}{page}{'</div>' * 300}</body></html>")
    doc("unclosed-300.html", f"<html><body>{'<div>' * 300}{page}</body></html>")
    doc("deep-3000.html", f"<html><body>{'<div>' * 3000}{page}{'</div>' * 3000}</body></html>")
    doc("data-uri-11mb.html", f"<html><body>{page[:600]}<img src=\"data:image/png;base64,{'A' * 11_000_000}\">"
                              f"{page[600:]}</body></html>")
    doc("random-bytes.html", bytes(rng.randrange(1, 256) for _ in range(200_000)))
    doc("nul-bytes.txt", b"\x7fELF\x00\x00\x01" * 100)
    doc("empty.txt", b"")
    doc("script-only.html", "<html><body><script>var a = 1;</script></body></html>")
    doc("latin1.txt", "caf\u00e9 au lait".encode("latin-1"))
    good = [{"id": f"ok{i}", "text": article(rng, 2)} for i in range(20)]
    full = b"".join(orjson.dumps(r) + b"\n" for r in good * 50)
    packed = gzip.compress(full)
    (root / "truncated.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    names.append("truncated.jsonl.gz")
    cut = gzip.GzipFile(fileobj=io.BytesIO(packed[: len(packed) // 2]))
    whole = b""
    try:
        while chunk := cut.read1(1 << 16):
            whole += chunk
    except EOFError:
        pass
    records += whole.count(b"\n") + 1  # the complete lines the cut left, and one error for the cut
    (root / "gzip-named-plain.jsonl").write_bytes(gzip.compress(b"".join(orjson.dumps(r) + b"\n" for r in good[:3])))
    names.append("gzip-named-plain.jsonl")
    records += 3
    jsonl("fields.jsonl", [{"id": "null-text", "text": None}, {"id": "number", "text": 42}, {"text": "no id"},
                           {"id": ["list"], "text": "x"}, b"{broken", b'{"id": "bad-utf8", "text": "caf\xe9"}',
                           b'{"id": "surrogate", "text": "\\ud800"}', b"[1, 2]", {"id": "html-only", "html": page},
                           {"id": "whitespace", "text": " \n\t "}])
    giant = root / "giant-line.jsonl"
    with open(giant, "wb") as fh:
        fh.write(b'{"id": "before", "text": "A small record."}\n{"id": "giant", "text": "')
        chunk = b"y" * (1 << 20)
        for _ in range(85):
            fh.write(chunk)
        fh.write(b'"}\n{"id": "after", "text": "Another small record."}\n')
    names.append(giant.name)
    records += 3
    os.mkfifo(root / "fifo.txt")
    names.append("fifo.txt")
    records += 1
    outside = root.parent / "outside.txt"
    outside.write_text("Outside the corpus directory.")
    (root / "link-out.txt").symlink_to(outside)
    names.append("link-out.txt")
    records += 1
    return names, records


def run_hostile(workers: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "hostile"
        root.mkdir()
        names, expected = hostile_corpus(root)
        out = Path(tmp) / "out.jsonl"
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "cleaner.cli", "run", str(root), "-o", str(out),
                               "--workers", str(workers), "--timeout", str(timeout), "--no-progress"],
                              cwd=ROOT, capture_output=True, text=True, timeout=1800)
        seconds = time.perf_counter() - start
        written = len(out.read_bytes().splitlines()) if out.exists() else 0
        errors_file = Path(str(out) + ".errors.jsonl")
        errors = [orjson.loads(line) for line in errors_file.read_bytes().splitlines()] if errors_file.exists() else []
        summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        docs_in = int(summary.split(" documents in")[0].split()[-1].replace(",", "")) if "documents in" in summary else -1
        return {"inputs": len(names), "expected": expected, "in": docs_in, "out": written, "errors": len(errors),
                "timeouts": sum(e["reason"].startswith("timeout") for e in errors), "exit": proc.returncode,
                "seconds": seconds, "summary": summary}


# ---- 2. time per MB ----------------------------------------------------------------------

def time_per_mb(sizes: list[float]) -> list[tuple[str, float, float]]:
    import cleaner
    cleaner.clean(article(random.Random(0), 3))
    rows = []
    for name in shapes():
        for size in sizes:
            text = shaped(name, size * 1e6, random.Random(1))
            start = time.perf_counter()
            cleaner.clean(text).to_dict()  # to the record, as a corpus run writes it
            rows.append((name, len(text) / 1e6, (time.perf_counter() - start) / (len(text) / 1e6)))
            print(f"  {name:8s} {rows[-1][1]:6.2f} MB  {rows[-1][2]:6.2f} s/MB", flush=True)
    return rows


# ---- 3. memory per document --------------------------------------------------------------------

MEMORY_SCRIPT = """
import random, sys, time
sys.path.insert(0, {root!r})
import cleaner
from cleaner.corpus.records import Record, clean_record
sys.path.insert(0, {bench!r})
from reliability import article
def peak_mb():  # VmHWM, not ru_maxrss: that one starts from the parent's peak
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
def document(size, seed):
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        if {shape!r} == "short":
            p = " ".join(rng.choice(("council", "budget", "park", "road", "river", "vote")) for _ in range(3))
        elif {shape!r} == "distinct":
            p = " ".join(rng.choice(("council", "budget", "park", "road", "river", "vote")) for _ in range(2)) + f" item{{n}}"
        else:
            p = article(rng, 1)
        parts.append(p); n += len(p) + 2
    return "\\n\\n".join(parts)
# warm-up: what the process loads once, on first use, for this shape of text (rules,
# langdetect's profiles), so the growth measured below is the document's own
clean_record(Record("warm", None, "doc", document(50_000, 1)))
text = document({mb} * 1e6, 2)
base = peak_mb()  # the text made and held: what is measured is cleaning it
start = time.perf_counter()
line = clean_record(Record("memory", None, "doc", text)).line  # as a corpus run cleans a record
assert line, "the record failed"
peak = peak_mb()
print(len(text) / 1e6, base, peak, time.perf_counter() - start)
"""


MEMORY_SHAPES = {"article": "article paragraphs", "short": "three-word paragraphs from six words",
                 "distinct": "three-word paragraphs, each different"}


def memory(mb: float, shape: str) -> tuple[float, float, float, float]:
    script = MEMORY_SCRIPT.format(root=str(ROOT), bench=str(ROOT / "bench"), mb=mb, shape=shape)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    size, base, peak, seconds = map(float, out.split())
    return size, base, peak, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="0.1,1,3", help="shape sizes in MB (default 0.1,1,3)")
    parser.add_argument("--memory-mb", type=float, default=5.0, help="document size for the memory figure")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="cleaner run --timeout (default: 30, as the command)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: hostile,time,memory")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    ok = True
    if "hostile" not in skip:
        print(f"hostile inputs through cleaner run --workers {args.workers} --timeout {args.timeout:g}:")
        r = run_hostile(args.workers, args.timeout)
        balanced = r["in"] == r["out"] + r["errors"] == r["expected"]
        ok &= balanced and r["exit"] == 0
        print(f"  {r['inputs']} hostile inputs, {r['expected']} records in them")
        print(f"  records in = {r['in']}, out = {r['out']}, errors = {r['errors']} "
              f"({r['timeouts']} timeouts): in = out + errors {'holds' if balanced else 'FAILS'}; "
              f"exit {r['exit']}; {r['seconds']:.1f} s")
        print(f"  {r['summary']}")
    if "time" not in skip:
        print("time per MB, cleaner.clean to the record on an article followed by runs of lines:")
        rows = time_per_mb([float(s) for s in args.sizes.split(",")])
        worst = max(rows, key=lambda row: row[2])
        for name in shapes():
            mine = [row[2] for row in rows if row[0] == name]
            print(f"  {name}: largest/smallest size per-MB ratio {mine[-1] / mine[0]:.2f}")
        print(f"  worst time per MB: {worst[2]:.2f} s/MB ({worst[0]}, {worst[1]:.2f} MB)")
    if "memory" not in skip:
        print(f"memory per document ({args.memory_mb:g} MB):")
        for shape, kind in MEMORY_SHAPES.items():
            size, base, peak, seconds = memory(args.memory_mb, shape)
            print(f"  {kind}: {size:.1f} MB document, peak RSS {peak:.0f} MB after {base:.0f} MB warm, "
                  f"+{peak - base:.0f} MB = {(peak - base) / size:.0f}x its size, {seconds:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
