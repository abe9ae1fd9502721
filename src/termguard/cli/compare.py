"""`termguard compare A B [C…]`: vendors side by side, topic by topic, best term per row highlighted."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from termguard.cli.common import fail, fail_from, write_output
from termguard.errors import TermguardError


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    json = "json"


def load_reports(refs: list[str], db: str | None, playbook: str) -> tuple[list[Any], list[str]]:
    """Each ref is a file, or a register entry (id or SHA-256 prefix). Returns (reports, column labels)."""
    from termguard.pipeline import review

    reports, labels = [], []
    reg = None
    for ref in refs:
        p = Path(ref)
        if p.is_file():
            try:
                rep = review(p, playbook)
            except TermguardError as exc:
                fail_from(exc)
            reports.append(rep)
            labels.append(rep.document.title[:40] if rep.document.title else p.stem)
            continue
        if p.is_dir():
            fail(f"{ref}: is a folder; give files or register entries")
        from termguard.store import Register, RegisterError

        reg = reg or Register(db)
        try:
            info = reg.get_document(ref)
            reports.append(reg.load_report(info.id, playbook))
        except RegisterError as exc:
            fail(f"{ref}: not a file, and {exc}")
        labels.append(info.label)
    return reports, labels


def compare_cmd(
    docs: list[str] = typer.Argument(..., help="Two or more files or register entries (id or hash prefix)."),
    labels: str | None = typer.Option(None, "--labels", help="Comma-separated column names (vendors)."),
    topics: str | None = typer.Option(None, "--topics", help="Comma-separated topic ids or family letters."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook used to review files given by path."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here (required for xlsx)."),
    db: str | None = typer.Option(None, "--db", help="Register database URL or SQLite file."),
) -> None:
    """Compare documents: topics as rows, vendors as columns, the best term on the table marked ★."""
    from termguard.compare import compare
    from termguard.compare.render import render_html, render_markdown, render_terminal, write_xlsx

    if len(docs) < 2:
        fail("compare needs at least two documents")
    names = [x.strip() for x in labels.split(",")] if labels else None
    if names is not None and len(names) != len(docs):
        fail(f"--labels names {len(names)} column(s) for {len(docs)} document(s)")
    reports, default_labels = load_reports(docs, db, playbook)
    matrix = compare(reports, names or default_labels, [t.strip() for t in topics.split(",")] if topics else None)
    if fmt == Format.xlsx:
        if out is None:
            fail("--format xlsx needs --out FILE.xlsx")
        write_xlsx(matrix, out)
        sys.stderr.write(f"wrote {out}\n")
        return
    if fmt == Format.text and out is None and sys.stdout.isatty():
        from rich.console import Console

        render_terminal(matrix, Console())
        return
    render = {Format.text: render_terminal, Format.markdown: render_markdown, Format.html: render_html,
              Format.json: lambda m: json.dumps(m.to_dict(), indent=2, ensure_ascii=False) + "\n"}[fmt]
    write_output(render(matrix), out)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_cmd)
