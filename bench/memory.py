"""Peak memory of ``cleaner run`` on corpora of growing size.

A preprocessing tool must stream: its memory may depend on the largest
document, never on the corpus size. This builds JSON Lines corpora of about
50, 100 and 200+ MB by repeating the dev documents (as plain text), runs
``cleaner run`` on each in a fresh process, and records the peak resident
memory of the whole process tree (the main process and any workers), so a
leak or an accumulating buffer shows as a line that climbs.

Run alone: ``python bench/memory.py --sizes 50,100,200 [--workers 1]``.
Memory per document (how large one document may be) is measured by
``bench/reliability.py``.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import orjson

CORPUS_DIR = Path("/tmp/cleaner-bench")


@dataclass
class MemoryRun:
    """One measured run of ``cleaner run``."""

    corpus_mb: float
    documents: int
    peak_tree_mb: float      # largest sum of RSS over the process tree, sampled
    peak_main_mb: float      # ru_maxrss of the cleaner process (and waited-for children)
    seconds: float
    exit_code: int

    @property
    def mb_per_s(self) -> float:
        return self.corpus_mb / self.seconds if self.seconds > 0 else 0.0


def build_corpus(path: Path, target_mb: float, documents: Sequence[tuple[str, str]]) -> tuple[float, int]:
    """Write ``documents`` (id, text) repeatedly as JSONL until the file reaches ``target_mb``.

    Ids get a ``~N`` suffix per repetition so every record is distinct. An
    existing file of the right size is reused: building 200 MB costs time.
    Returns (MB written, documents written).
    """
    if not documents:
        raise ValueError("no documents to build a corpus from")
    target = int(target_mb * 1e6)
    meta = path.with_suffix(".meta")
    if path.exists() and meta.exists():
        size, count = orjson.loads(meta.read_bytes())
        if size == path.stat().st_size and size >= target and size < target * 1.1:
            return size / 1e6, count
    path.parent.mkdir(parents=True, exist_ok=True)
    written = count = 0
    with open(path, "wb") as out:
        rep = 0
        while written < target:
            for doc_id, text in documents:
                record = orjson.dumps({"id": f"{doc_id}~{rep}", "text": text}) + b"\n"
                out.write(record)
                written += len(record)
                count += 1
                if written >= target:
                    break
            rep += 1
    meta.write_bytes(orjson.dumps([written, count]))
    return written / 1e6, count


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids += [int(k) for k in fh.read().split()]
    except OSError:
        pass
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KB (Linux /proc)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _rss_kb(current)
        stack += _children(current)
    return total


def measure(command: Sequence[str], interval: float = 0.05) -> tuple[float, float, float, int]:
    """Run ``command``; return (peak tree RSS MB, ru_maxrss MB, seconds, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_kb = 0
    while proc.poll() is None:
        peak_kb = max(peak_kb, tree_rss_kb(proc.pid))
        time.sleep(interval)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode:
        sys.stderr.write(stderr[-2000:])
    # RUSAGE_CHILDREN is the largest of all children waited for: run one command per process
    maxrss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak_kb / 1024, maxrss_kb / 1024, seconds, proc.returncode


def cleaner_run_command(corpus: Path, workers: int, language: bool = True) -> list[str]:
    """``cleaner run`` writing to stdout (thrown away): memory, not disk, is measured."""
    command = [sys.executable, "-m", "cleaner.cli", "run", str(corpus), "-o", "-",
               "--workers", str(workers), "--no-progress"]
    if not language:
        command.append("--no-language")
    return command


def run_memory(documents: Sequence[tuple[str, str]], sizes_mb: Iterable[float], *,
               workers: int = 1, corpus_dir: Path = CORPUS_DIR, log=print) -> list[MemoryRun]:
    """Build each corpus and measure ``cleaner run`` on it, smallest first."""
    runs = []
    for size in sizes_mb:
        corpus = corpus_dir / f"corpus-{size:g}MB.jsonl"
        mb, count = build_corpus(corpus, size, documents)
        log(f"memory: cleaner run on {mb:.0f} MB ({count:,} documents), workers={workers} …")
        # each measurement in its own helper process, so RUSAGE_CHILDREN holds only this run
        peak_tree, peak_main, seconds, code = _isolated(cleaner_run_command(corpus, workers))
        runs.append(MemoryRun(mb, count, peak_tree, peak_main, seconds, code))
        log(f"memory:   peak {peak_tree:.0f} MB (tree), {peak_main:.0f} MB (ru_maxrss), {seconds:.0f} s")
    return runs


def _isolated(command: Sequence[str]) -> tuple[float, float, float, int]:
    """:func:`measure` in a fresh interpreter: ru_maxrss of children is per-parent, not per-run."""
    helper = [sys.executable, __file__, "--measure", "--", *command]
    out = subprocess.run(helper, check=True, capture_output=True)
    peak_tree, peak_main, seconds, code = orjson.loads(out.stdout.splitlines()[-1])
    if code:
        sys.stderr.write(out.stderr.decode("utf-8", "replace")[-2000:])
    return peak_tree, peak_main, seconds, code


def format_table(runs: Sequence[MemoryRun], workers: int) -> str:
    """Markdown table of the runs and whether memory stayed flat."""
    lines = [f"| corpus | documents | peak RSS, process tree | ru_maxrss | time | MB/s |",
             "|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        status = "" if r.exit_code == 0 else f" (exit {r.exit_code})"
        lines.append(f"| {r.corpus_mb:,.0f} MB | {r.documents:,} | {r.peak_tree_mb:,.0f} MB | "
                     f"{r.peak_main_mb:,.0f} MB | {r.seconds:,.0f} s{status} | {r.mb_per_s:,.2f} |")
    if len(runs) >= 2:
        growth = runs[-1].peak_tree_mb / runs[0].peak_tree_mb if runs[0].peak_tree_mb else 0
        scale = runs[-1].corpus_mb / runs[0].corpus_mb if runs[0].corpus_mb else 0
        verdict = "flat" if growth < 1.25 else "GROWING"
        lines.append("")
        lines.append(f"Corpus ×{scale:.1f} → peak memory ×{growth:.2f} ({verdict}); "
                     f"`cleaner run --workers {workers}`, output to stdout and discarded.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="50,100,200", help="corpus sizes in MB (default 50,100,200)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--data", type=Path, default=None, help="folder of the dev data")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleaner-cache"))
    args = parser.parse_args(argv)
    if args.measure:
        print(orjson.dumps(list(measure(args.command))).decode())
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import DATA_DIR, load_documents  # noqa: E402  (sibling module)
    data = args.data or DATA_DIR
    if not data.exists():
        print(f"bench/memory.py: {data} not found; skipping")
        return 0
    docs = [(d.id, d.texts["resiliparse"]) for d in load_documents(data, None, ["resiliparse"], args.cache)]
    sizes = [float(s) for s in args.sizes.split(",")]
    print(format_table(run_memory(docs, sizes, workers=args.workers), args.workers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
