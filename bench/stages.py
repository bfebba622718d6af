"""Where the cleaner's time goes: CPU seconds per stage on the same pages, and start-up.

``python bench/stages.py`` prints both for the WCXB and Dragnet pages as
resiliparse text; ``bench/run.py`` adds them to its speed section. Stages run
in pipeline order on one document at a time, each timed with
``time.process_time``; ``view`` is reading the text the stages see,
``assemble`` resolving segments and building the JSON record.
``python bench/stages.py --startup`` prints the start-up figure alone (CPU time
of ``cleaner clean`` on a one-line file, byte code cached); ``--skeleton`` the
document model's own speed (every stage off) beside datatrove's C4 line filter.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from cleaner.document import Document
from cleaner.options import Options
from cleaner.pipeline import cached_pipeline
from cleaner.result import CleanResult
from cleaner.visible import restore, view

ROOT = Path(__file__).resolve().parent.parent


def stage_seconds(texts: list[str], options: Options = Options()) -> tuple[Counter, int]:
    """CPU seconds per stage over ``texts`` and the bytes read."""
    pipeline = cached_pipeline(options)
    spent: Counter = Counter()
    size = 0
    clock = time.process_time
    for text in texts:
        size += len(text.encode("utf-8", "surrogatepass"))
        t = clock()
        doc = Document(text)
        seen, positions = view(doc)
        seen.blocks
        spent["view"] += clock() - t
        for stage in pipeline.stages:
            t = clock()
            stage(seen)
            spent[stage.name] += clock() - t
        t = clock()
        CleanResult(restore(seen, doc, positions)).to_dict()
        spent["assemble"] += clock() - t
    return spent, size


def stage_table(texts: list[str]) -> str:
    spent, size = stage_seconds(texts)
    total = sum(spent.values()) or 1e-9
    lines = ["| stage | CPU s | share | MB/s alone |", "|---|---:|---:|---:|"]
    for name, seconds in spent.most_common():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} | "
                     f"{size / 1e6 / seconds if seconds else float('inf'):,.1f} |")
    lines.append(f"| **all** | {total:.2f} | 100% | {size / 1e6 / total:,.2f} |")
    return "\n".join(lines)


def startup_seconds(runs: int = 7) -> float:
    """Median CPU time (user + system) of ``cleaner clean`` on a one-line file: Python,
    imports, rules, stages. CPU, not wall time: the machine may be shared."""
    import resource

    cli = Path(sys.executable).with_name("cleaner")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("A short note of one sentence, to clean.\n")
    # as installed: byte code cached (the first, unmeasured run writes it where it may)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([str(cli), "clean", handle.name], check=True, stdout=subprocess.DEVNULL, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    times = times[1:]
    Path(handle.name).unlink()
    return statistics.median(times)


def skeleton_line(texts: list[str]) -> str:
    """The document model alone (every stage switched off: reading the text into blocks
    and lines, resolving segments, the record) beside datatrove's C4 line filter, in one
    run: the floor under the pipeline's speed while the model is Python objects."""
    from peers import c4_line_filter_system

    from cleaner.options import STAGES

    c4 = c4_line_filter_system()
    size = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    start = time.process_time()
    for text in texts:
        c4.run(text)
    c4_seconds = time.process_time() - start
    spent, _ = stage_seconds(texts, Options(disable=[s for s in STAGES if s != "repeats"]))
    seconds = sum(spent.values())
    return (f"every stage off (view {spent['view']:.2f} s + assemble {spent['assemble']:.2f} s): "
            f"{size / seconds:.1f} MB/s; C4 line filter {size / c4_seconds:.1f} MB/s; "
            f"{c4_seconds / seconds:.2f}x")


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import CACHE_DIR, DATA_DIR, DATASETS, load_documents

    if "--startup" in sys.argv[1:]:  # the start-up figure alone, no data needed
        print(f"start-up of `cleaner clean` on a one-line file: {startup_seconds() * 1000:.0f} ms "
              "(CPU, median of 7)")
        return 0
    if not all((DATA_DIR / f).exists() for f in DATASETS.values()):
        print(f"bench: dev data not found in {DATA_DIR}; skipping")
        return 0
    docs = load_documents(DATA_DIR, None, ["resiliparse"], CACHE_DIR)
    texts = [d.texts["resiliparse"] for d in docs]
    print(f"{len(texts)} pages as resiliparse text\n")
    if "--skeleton" in sys.argv[1:]:
        print(skeleton_line(texts))
        return 0
    print(stage_table(texts))
    print(f"\nstart-up of `cleaner clean` on a one-line file: {startup_seconds() * 1000:.0f} ms "
          "(CPU, median of 7)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
