"""The table ``cleaner eval`` prints: scores by section, then removals by category."""
from __future__ import annotations

from .runner import Evaluation


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def format_report(evaluation: Evaluation, title: str) -> str:
    """The human-readable table ``cleaner eval`` prints."""
    s = evaluation.summary
    lines = [title, ""]
    header = f"{'':32}{'docs':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'bagF1':>5}"
    if s["main"] or s["comments"]:
        lines.append(header)

    def row(label: str, block: dict | None) -> None:
        if block is None:
            return
        lines.append(f"{label:32}{block['documents']:>6}  {_fmt(block['precision'])}  "
                     f"{_fmt(block['recall'])}  {_fmt(block['f1'])}  {_fmt(block['bag_f1'])}")

    if s["main"]:
        row("main text", s["main"]["all"])
        row("  pages with gold comments", s["main"].get("with_comments"))
        row("  pages without gold comments", s["main"].get("without_comments"))
    if s["comments"]:
        row("comments", s["comments"]["all"])
        row("  pages with gold comments", s["comments"]["with_comments"])
        row("  pages without gold comments", s["comments"]["without_comments"])
        lines.append("  (on pages without gold comments, F1 = share of pages with no invented comment)")
    if s["snippets"]:
        w, wo = s["snippets"]["with"], s["snippets"]["without"]
        lines += ["", f"snippets: 'with' kept {_fmt(w['kept']).strip()} ({w['documents']} docs), "
                      f"'without' dropped {_fmt(wo['dropped']).strip()} ({wo['documents']} docs)"]
        lines += _pooled(s["snippets"]["pooled"])
    if s["removed"]:
        lines += ["", f"{'removed, by category':32}{'segments':>9}{'chars':>12}"]
        for category, counts in s["removed"].items():
            lines.append(f"  {category:30}{counts['segments']:>9,}{counts['chars']:>12,}")
    if s["errors"]:
        lines += ["", f"{s['errors']} document(s) refused as invalid input (scored as empty output)"]
    if evaluation.worst:
        lines += ["", f"worst {len(evaluation.worst)} documents by main-text F1"]
        if any(doc.get("snippets") for doc in evaluation.worst):
            lines[-1] = f"worst {len(evaluation.worst)} documents by snippets wrong"
        for rank, doc in enumerate(evaluation.worst, 1):
            lines.append(f"{rank:>3}. {doc['id']}" + (f" [{doc['language']}]" if doc.get("language") else "")
                         + f"  F1 {doc['f1']:.3f}  (P {doc['precision']:.3f}, R {doc['recall']:.3f})"
                         + (f"  error: {doc['error']}" if doc["error"] else ""))
            kept, removed = ("leaked 'without'", "missed 'with'") if doc.get("snippets") else \
                ("kept, not gold", "removed gold")
            for item in doc["kept"]:
                lines.append(f"       {kept}: {item['text']}")
            for item in doc["removed"]:
                blame = item["category"] + (f"/{item['rule']}" if item["rule"] else "")
                lines.append(f"       {removed} [{blame}]: {item['text']}")
            for item in doc["missing"]:
                lines.append(f"       gold not in input: {item['text']}")
    return "\n".join(lines)


def _pooled(pooled: dict) -> list[str]:
    """The pooled snippet table: all pages, then each page language with its page count."""
    lines = ["", "snippets pooled over pages (trafilatura's comparison)",
             f"{'':32}{'docs':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'TP':>6}  {'FN':>6}  {'FP':>6}"]
    rows = [("all pages", pooled["all"])] + [(f"  {lang}", block) for lang, block in pooled["languages"].items()]
    if len(pooled["languages"]) == 1 and "?" in pooled["languages"]:
        rows = rows[:1]  # no language field: the per-language row would repeat the total
    for label, b in rows:
        lines.append(f"{label:32}{b['documents']:>6}  {_fmt(b['precision'])}  {_fmt(b['recall'])}  "
                     f"{_fmt(b['f1'])}  {b['tp']:>6}  {b['fn']:>6}  {b['fp']:>6}")
    return lines
