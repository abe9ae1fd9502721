#!/usr/bin/env python3
"""Benchmark: pages per second and peak memory of a review, and analysis time against text extraction alone.

    python scripts/bench.py [--pages 50] [--repeat 5] [--cores 1]

Inputs: a generated N-page contract PDF (the bundled sample agreement, renumbered and repeated, with a running
header and footer), and the largest document in ../shared/data/vendor_terms (skipped when absent). Runs pinned
to one core by default (the target: a 50-page agreement in under 2 s on one core; analysis at most 3x the time
of extracting the PDF's text). Prints a Markdown table for docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from termguard.cli.common import sample_path
from termguard.ingest import load
from termguard.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TERMGUARD_DATA", ROOT.parent / "shared" / "data"))


def latin1(text: str) -> str:
    table = {"\u2014": "-", "\u2013": "-", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}
    return "".join(table.get(c, c) for c in text).encode("latin-1", "replace").decode("latin-1")


def make_pdf(pages: int, path: Path) -> int:
    """A contract PDF of at least `pages` pages; returns the page count."""
    from fpdf import FPDF

    body = sample_path().read_text(encoding="utf-8")
    paras = [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("*")]

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, "Nimbus Labs - Master Subscription Agreement - Confidential", align="C")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, f"Page {self.page_no()}", align="C")

    pdf = Doc()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    part = 0
    while pdf.page_no() < pages:
        part += 1
        for p in paras:
            if pdf.page_no() >= pages:
                break
            text = latin1(re.sub(r"^#+\s*", "", p).replace("\n", " "))
            text = re.sub(r"^(\d+)\.", lambda m: f"{int(m.group(1)) + 14 * (part - 1)}.", text)
            text = re.sub(r"^(\d+)\.(\d+)", lambda m: f"{int(m.group(1)) + 14 * (part - 1)}.{m.group(2)}", text)
            bold = p.startswith("#")
            pdf.set_font("Helvetica", "B" if bold else "", 11 if bold else 10)
            pdf.multi_cell(0, 5, text)
            pdf.ln(2)
    pdf.output(str(path))
    return pdf.page_no()


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median CPU time of `repeat` runs (CPU, not wall: other work on the machine does not inflate it)."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def rules_only(fn):
    """Run fn with the classifier switched off."""
    from termguard.classify.registry import model_recognizers

    os.environ["TERMGUARD_NO_MODEL"] = "1"
    model_recognizers.cache_clear()
    try:
        return fn()
    finally:
        del os.environ["TERMGUARD_NO_MODEL"]
        model_recognizers.cache_clear()


def bench_file(path: Path, repeat: int) -> dict[str, float | int | str]:
    extract_s, doc = timed(lambda: load(path, isolate=False), repeat)
    t0 = time.perf_counter()
    for _ in range(repeat):
        load(path)
    extract_iso_s = (time.perf_counter() - t0) / repeat  # wall: the parse happens in a child process
    pypdf_s = float("nan")
    if doc.format == "pdf":
        try:  # reference only: a pure-Python extractor, to put the ratio to PDFium in context
            from pypdf import PdfReader

            pypdf_s, _ = timed(lambda: [pg.extract_text() for pg in PdfReader(str(path)).pages], 1)
        except ImportError:
            pass
    analyse(doc)  # warm: rule files parsed and compiled once per process
    analyse_s, report = timed(lambda: analyse(doc), repeat)
    rules_s, _ = rules_only(lambda: (analyse(doc), timed(lambda: analyse(doc), repeat))[1])
    pages = doc.pages or max(1, len(doc.text) // 3000)
    total = extract_iso_s + analyse_s
    return {
        "file": path.name, "format": doc.format, "pages": pages, "chars": len(doc.text),
        "extract_s": extract_s, "extract_isolated_s": extract_iso_s, "analyse_s": analyse_s, "review_s": total,
        "rules_only_s": rules_s, "pypdf_s": pypdf_s,
        "pages_per_s": pages / total, "ratio": analyse_s / extract_s if extract_s else float("nan"),
        "findings": sum(1 for f in report.findings if f.position != "silent"),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cores", type=int, default=1, help="pin to this many cores (0: no pinning)")
    a = ap.parse_args()
    if a.cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: a.cores]))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"contract-{a.pages}p.pdf"
        n = make_pdf(a.pages, pdf)
        print(f"generated {pdf.name}: {n} pages", file=sys.stderr)
        rows.append(bench_file(pdf, a.repeat))
        docs = sorted((DATA / "vendor_terms" / "docs").glob("*/*/*.md"), key=lambda p: p.stat().st_size)
        if docs:
            rows.append(bench_file(docs[-1], a.repeat))
        else:
            print(f"skipping vendor documents: {DATA / 'vendor_terms'} not found", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cores visible, pinned to "
          f"{a.cores or 'all'}; Python {platform.python_version()}; median of {a.repeat} runs; load average "
          f"{load1:.1f} at the end.\n")
    print("| document | pages | chars | extract text (in-process, CPU) | extract (isolated child, wall) | "
          "analyse: rules + model (CPU) | analyse: rules only (CPU) | review total | pages/s | "
          "analyse ÷ extract | topics found |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['file']} ({r['format']}) | {r['pages']} | {r['chars']:,} | {r['extract_s']:.3f} s | "
              f"{r['extract_isolated_s']:.3f} s | {r['analyse_s']:.3f} s | {r['rules_only_s']:.3f} s | "
              f"{r['review_s']:.3f} s | {r['pages_per_s']:.0f} | {r['ratio']:.1f}× | {r['findings']} |")
    for r in rows:
        if r["pypdf_s"] == r["pypdf_s"]:  # not NaN
            print(f"\nFor reference, pypdf (pure Python) extracts {r['file']} in {r['pypdf_s']:.3f} s CPU: analysis is "
                  f"{r['analyse_s'] / r['pypdf_s']:.2f}× that.")
    print(f"\nPeak memory: {peak_mb:.0f} MB (this process), {child_mb:.0f} MB (largest isolated parser child).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
