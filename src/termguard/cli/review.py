"""`termguard review`, `topics`, `explain`, `extract`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from termguard.cli.common import EXIT_FINDINGS, fail, fail_from, sample_path, write_output
from termguard.errors import TermguardError
from termguard.model import Severity, Status


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def review_cmd(
    file: Path | None = typer.Argument(None, help="Contract to review (PDF, DOCX, HTML, Markdown, text). "
                                                     "Without it, a bundled sample agreement is reviewed."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook name (strict, balanced, baseline) or YAML file."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the report here instead of stdout."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Exit 1 when a shortfall at or above this severity exists."),
) -> None:
    """Review a contract against a playbook: every catalogue topic, with quoted evidence."""
    from termguard.pipeline import review
    from termguard.report.base import renderers
    from termguard.report.terminal import render_to_console

    path = file or sample_path()
    if not path.exists():
        fail(f"{path}: no such file")
    if path.is_dir():
        fail(f"{path}: is a folder; use `termguard scan` for folders")
    try:
        report = review(path, playbook)
    except TermguardError as exc:
        fail_from(exc)
    if fmt == Format.text and out is None and sys.stdout.isatty():
        render_to_console(report, Console())
    else:
        write_output(renderers()[fmt.value](report), out)
    if fail_on is not None:
        bad = [f for f in report.findings
               if f.status != Status.MEETS and f.severity.rank >= fail_on.rank]
        if bad:
            raise typer.Exit(EXIT_FINDINGS)


def topics_cmd(fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format (text or json).")) -> None:
    """List the topic catalogue with each topic's position ladder."""
    import json

    from termguard.topics import FAMILIES, load_catalogue

    cat = load_catalogue()
    if fmt == Format.json:
        typer.echo(json.dumps([{"id": t.id, "family": t.family, "title": t.title, "positions": t.ladder}
                               for t in cat], indent=2))
        return
    fam = None
    for t in cat:
        if t.family != fam:
            fam = t.family
            typer.echo(f"\n{fam}. {FAMILIES[fam]}")
        typer.echo(f"  {t.id:<28} {t.title}  [{' > '.join(t.ladder)}]")


def explain_cmd(topic: str = typer.Argument(..., help="Topic id, e.g. training.customer-content")) -> None:
    """Print what a topic checks, why it matters, its ladder and its ask."""
    from termguard.topics import get_topic

    try:
        t = get_topic(topic)
    except KeyError:
        fail(f"unknown topic {topic!r}; see `termguard topics`")
    lines = [f"{t.id} — {t.title} (family {t.family})", "", "What it detects:", f"  {t.detects.strip()}", "",
             "Why it matters:", f"  {t.why.strip()}", "", "Positions, best for the customer first:"]
    lines += [f"  {i + 1}. {p.id} — {p.label}: {p.explain.strip()}" for i, p in enumerate(t.positions)]
    lines += ["  -. silent — the document does not address it", ""]
    if t.parameters:
        lines += ["Parameters: " + ", ".join(p.name for p in t.parameters), ""]
    lines += ["What to ask for:", f"  {t.ask.strip()}"]
    if t.fallback:
        lines += ["Fallback:", f"  {t.fallback.strip()}"]
    if t.walk_away:
        lines += ["Walk away when:", f"  {t.walk_away.strip()}"]
    lines += ["", f"Rules: {len(t.cues)} cues, {len(t.signals)} position signals, {len(t.exclude)} exclusions; "
              f"{len(t.examples.match)} match / {len(t.examples.no_match)} no-match examples ({t.source_file})."]
    typer.echo("\n".join(lines))


def extract_cmd(file: Path = typer.Argument(..., help="File to extract text from.")) -> None:
    """Print the plain text termguard reads from a file (what evidence offsets index)."""
    from termguard.ingest import load

    if not file.exists():
        fail(f"{file}: no such file")
    try:
        doc = load(file)
    except TermguardError as exc:
        fail_from(exc)
    for w in doc.warnings:
        sys.stderr.write(f"warning: {w}\n")
    sys.stdout.write(doc.text)


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
    app.command("topics")(topics_cmd)
    app.command("explain")(explain_cmd)
    app.command("extract")(extract_cmd)
