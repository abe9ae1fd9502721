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
            labels.append(file_label(p, rep.document.title))
            continue
        if p.is_dir():
            fail(f"{ref}: is a folder; give files or register entries")
        from termguard.store import Register, RegisterError

        try:
            reg = reg or Register(db, create=False)
            info = reg.get_document(ref)
            reports.append(reg.load_report(info.id, playbook))
        except RegisterError as exc:
            fail(f"{ref}: not a file, and {exc}")
        labels.append(info.label)
    if reg is not None:
        reg.close()
    return reports, unique_labels(labels)


def file_label(path: Path, title: str | None) -> str:
    """A column name for a file. An archive of dated versions (`<vendor>/<document>/2025-12-06_x.md`, the
    Open Terms Archive layout) names the vendor and the date — such titles are often a bare "Data Processing
    Agreement" or the first clause heading; otherwise the title, else the file name."""
    from termguard.scan.infer import version_date

    date = version_date(path.name)
    if date is not None and path.stem.startswith(date.isoformat()) and len(path.resolve().parts) >= 4:
        return f"{path.resolve().parent.parent.name} ({date.isoformat()})"
    clean = " ".join((title or "").replace("\\", "").split()).strip(" #*")
    return clean[:40].rstrip() if clean else path.stem


def unique_labels(labels: list[str]) -> list[str]:
    """Two columns may not share a name: repeats get " #2", " #3"."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return out


def check_topics(topics: list[str] | None) -> None:
    """Refuse topic ids and family letters the catalogue does not know (else the table is silently empty)."""
    if not topics:
        return
    from termguard.topics import load_catalogue

    cat = load_catalogue()
    known = {t.id for t in cat} | {t.family for t in cat}
    unknown = [t for t in topics if t not in known]
    if unknown:
        fail(f"--topics: unknown topic or family {', '.join(map(repr, unknown))} (see `termguard topics`)")


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
    wanted = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
    check_topics(wanted)
    if fmt == Format.xlsx:
        if out is None:
            fail("--format xlsx needs --out FILE.xlsx")
        if not out.parent.is_dir():
            fail(f"{out}: folder {out.parent} does not exist")
    reports, default_labels = load_reports(docs, db, playbook)
    matrix = compare(reports, names or default_labels, wanted)
    if fmt == Format.xlsx:
        assert out is not None
        try:
            write_xlsx(matrix, out)
        except OSError as exc:
            fail(f"{out}: cannot write: {exc.strerror or exc}")
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
