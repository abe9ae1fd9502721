"""Benchmark ingest (not collected by pytest): `python tests/ingest/bench_ingest.py`.

Prints median wall times for a generated 50-page PDF (in-process and isolated), the bare cost of one
isolated call, and a numbered DOCX. Figures feed docs/decisions/0002-ingest.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

import ingest_builders as builders

from termguard.ingest import Limits, load_bytes, sandbox


def median_ms(action: Callable[[], object], runs: int = 21) -> float:
    """Median wall time; with `--min`, the fastest run (less noise on a shared, loaded machine)."""
    action()  # warm-up: imports, page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    pick = min if "--min" in sys.argv else statistics.median
    return pick(times) * 1000


def main() -> None:
    pdf = builders.contract_pdf(pages=50)
    docx = builders.numbered_docx()
    in_process = median_ms(lambda: load_bytes(pdf, "fifty.pdf", isolate=False))
    isolated = median_ms(lambda: load_bytes(pdf, "fifty.pdf"))
    bare = median_ms(lambda: sandbox.run_isolated(lambda: None, Limits(), "noop"))
    docx_ms = median_ms(lambda: load_bytes(docx, "numbered.docx"))
    print(f"50-page PDF in-process: {in_process:.1f} ms ({50 / in_process * 1000:.0f} pages/s)")
    print(f"50-page PDF isolated:   {isolated:.1f} ms (overhead {isolated - in_process:.1f} ms)")
    print(f"bare isolated call:     {bare:.1f} ms")
    print(f"numbered DOCX isolated: {docx_ms:.1f} ms")


if __name__ == "__main__":
    main()
