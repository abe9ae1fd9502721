"""`termguard scan PATH…`: bulk review of folders and zip archives into the register, resumable."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from termguard.cli.common import fail

if TYPE_CHECKING:
    from termguard.scan.runner import ScanResult


class Backend(str, Enum):
    local = "local"
    ray = "ray"


class Format(str, Enum):
    text = "text"
    json = "json"


DB_HELP = "Register database URL or SQLite file (default: TERMGUARD_DB, else the user data directory)."


def scan_cmd(
    paths: list[Path] = typer.Argument(..., help="Files, folders and zip archives to scan."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(max(1, min(4, os.cpu_count() or 1)), "--workers", "-w", help="Worker processes."),
    backend: Backend = typer.Option(Backend.local, "--backend", help="local (process pool) or ray."),
    ray_address: str | None = typer.Option(None, "--ray-address", help="Ray cluster address (default: start "
                                                                         "a local Ray, or RAY_ADDRESS)."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook name or YAML file."),
    timeout: float = typer.Option(120.0, "--timeout", help="Wall-clock limit per document, seconds."),
    memory_mb: int = typer.Option(2048, "--memory-mb", help="Memory limit per worker, MB."),
    vendor: str | None = typer.Option(None, "--vendor", help="Vendor to record for every document."),
    kind: str | None = typer.Option(None, "--kind", help="Document kind to record (dpa, msa, terms, …)."),
    question: str | None = typer.Option(None, "--question", "-q", help="Canned question: usage-data."),
    csv_out: Path | None = typer.Option(None, "--csv", help="Write one row per file to this CSV."),
    xlsx_out: Path | None = typer.Option(None, "--xlsx", help="Write one row per file to this XLSX."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Summary format."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: when stderr is a terminal)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every file's status, not only problems."),
) -> None:
    """Review every document under PATHs in parallel and store the results in the register.

    Re-running the same command resumes an interrupted scan; one status per file: ok, partial,
    needs-password, no-text-layer, unsupported, rejected, limit-exceeded, error.
    """
    from termguard.scan import ScanOptions, scan
    from termguard.scan.export import columns, rows, write_csv, write_xlsx
    from termguard.scan.questions import QUESTIONS
    from termguard.store import Register

    if question and question not in QUESTIONS:
        fail(f"unknown question {question!r}; known: {', '.join(QUESTIONS)}")
    if not any(p.exists() for p in paths):
        fail(f"{paths[0]}: no such file or folder")
    if workers < 1:
        fail("--workers must be at least 1")
    if backend == Backend.ray:
        try:
            import ray  # noqa: F401
        except ImportError:
            fail("the Ray backend needs Ray: pip install 'termguard[ray]'")
    from termguard.store import RegisterError

    try:
        reg = Register(db)
    except RegisterError as exc:
        fail(str(exc))
    opts = ScanOptions(paths=[str(p) for p in paths], playbook=playbook, workers=workers, backend=backend.value,
                       timeout_s=timeout, memory_mb=memory_mb, vendor=vendor, kind=kind, ray_address=ray_address)
    show = sys.stderr.isatty() if progress is None else progress
    from termguard.scan.progress import ScanProgress

    with ScanProgress(enabled=show, verbose=verbose) as ui:
        result = scan(reg, opts, on_start=ui.start, on_item=ui.item)
    data = rows(reg, result.run_id, question)
    cols = columns(question)
    for out, writer in ((csv_out, write_csv), (xlsx_out, write_xlsx)):
        if out is not None:
            writer(out, data, cols)
            sys.stderr.write(f"wrote {out}\n")
    if fmt == Format.json:
        typer.echo(json.dumps({"run": result.run_id, "total": result.total, "processed": result.processed,
                               "resumed_from": result.resumed_from, "reset": result.reset,
                               "poisoned": result.poisoned, "seconds": round(result.seconds, 3),
                               "docs_per_s": round(result.rate, 2), "counts": dict(result.counts),
                               "paused": result.paused, "files": data}, indent=2, default=str))
    else:
        _summary(result, data, question)
    reg.close()


def _summary(r: ScanResult, data: list[dict[str, Any]], question: str | None) -> None:
    lines = [f"scanned {r.total} file(s): " + ", ".join(f"{k} {v}" for k, v in sorted(r.counts.items())),
             f"this run: {r.processed} in {r.seconds:.1f} s ({r.rate:.1f} docs/s); already done before: "
             f"{r.resumed_from}"]
    if r.paused:
        lines.append(r.paused)
    if question:
        hits = [d for d in data if d.get(question) == "yes"]
        lines.append(f"\n{question}: {len(hits)} agreement(s)")
        lines += [f"  {d['file']}: {d.get(question + '_reason')}" for d in hits]
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    app.command("scan")(scan_cmd)
