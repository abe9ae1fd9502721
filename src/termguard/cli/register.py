"""`termguard register list|show|add|status|history|forget`: the register of reviewed documents."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from termguard.cli.common import fail, fail_from
from termguard.errors import TermguardError

reg_app = typer.Typer(help="The register: reviewed documents, findings and their negotiation status.",
                      no_args_is_help=True)
DB = typer.Option(None, "--db", help="Register database URL or SQLite file (default: TERMGUARD_DB, else the "
                                     "user data directory).")


class Format(str, Enum):
    text = "text"
    json = "json"


FMT = typer.Option(Format.text, "--format", "-f", help="Output format.")


def _open(db: str | None, create: bool = False) -> Any:
    """Open the register; one line and exit 2 when it cannot be. Read-only commands do not create a
    register that `--db` / TERMGUARD_DB names but that does not exist (a typo would read as "empty")."""
    import os

    from termguard.store import Register, RegisterError

    explicit = bool(db or os.environ.get("TERMGUARD_DB"))
    try:
        return Register(db, create=create or not explicit)
    except RegisterError as exc:
        fail(str(exc))


_CONTROL = dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0)], " ")


def printable(text: str) -> str:
    """Text from a document (a title, a file name) made safe for a terminal: control characters — ESC
    sequences that recolour the screen or retitle the window, BEL — become spaces."""
    return text.translate(_CONTROL)


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _doc(reg: Any, ref: str) -> Any:
    from termguard.store import RegisterError

    try:
        return reg.get_document(ref)
    except RegisterError as exc:
        fail(str(exc))


@reg_app.command("list")
def list_cmd(db: str | None = DB, vendor: str | None = typer.Option(None, "--vendor", help="Only this vendor."), fmt: Format = FMT) -> None:
    """List every document in the register."""
    docs = _open(db).list_documents(vendor)
    if fmt == Format.json:
        _echo_json([d.to_dict() for d in docs])
        return
    if not docs:
        typer.echo("the register is empty (add documents with `termguard scan` or `termguard register add`)")
        return
    typer.echo(f"{'id':>5}  {'sha256':<12}  {'vendor':<20} {'kind':<14} {'version':<10}  grade  open  title")
    for d in docs:
        date = d.version_date.isoformat() if d.version_date else "-"
        title = " ".join(printable(d.title or d.label).split())[:70]  # one line per document, whatever the title holds
        typer.echo(f"{d.id:>5}  {d.sha256[:12]}  {(d.vendor or '-')[:20]:<20} {(d.kind or '-')[:14]:<14} "
                   f"{date:<10}  {d.latest_grade or '-':<5}  {d.open_findings:>4}  {title}")


@reg_app.command("show")
def show_cmd(ref: str = typer.Argument(..., help="Document id or SHA-256 prefix."), db: str | None = DB,
             fmt: Format = FMT) -> None:
    """Show one document with its findings and their negotiation status."""
    reg = _open(db)
    d = _doc(reg, ref)
    findings = reg.findings(d.id)
    if fmt == Format.json:
        _echo_json({"document": d.to_dict(), "reviews": [r.to_dict() for r in reg.reviews(d.id)],
                    "findings": [{**f.to_dict(), "negotiation_status": f.negotiation_status} for f in findings]})
        return
    typer.echo(f"#{d.id} {' '.join(printable(d.title or d.label).split())[:200]}\n  sha256 {d.sha256}\n  vendor "
               f"{printable(d.vendor or '-')}  kind {d.kind or '-'}  version {d.version_date or '-'}  source "
               f"{printable(d.source_path or '-')}\n"
               f"  grade {d.latest_grade or '-'} ({d.latest_score})\n")
    for f in findings:
        typer.echo(f"  {f.id}  {f.topic:<28} {f.position:<22} {f.status:<11} [{f.negotiation_status}]")


@reg_app.command("add")
def add_cmd(file: Path = typer.Argument(..., help="Document to review and add."), db: str | None = DB,
            vendor: str | None = typer.Option(None, "--vendor", help="Vendor name (default: guessed from the file)."), kind: str | None = typer.Option(None, "--kind", help="Document kind, e.g. dpa, terms, msa."),
            version_date: str | None = typer.Option(None, "--version-date", help="YYYY-MM-DD"),
            playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook to review with."), fmt: Format = FMT) -> None:
    """Review a file and add it; adding the same file again changes nothing."""
    from termguard.pipeline import review

    date = None
    if version_date:
        try:
            date = dt.date.fromisoformat(version_date)
        except ValueError:
            fail(f"--version-date {version_date!r}: use YYYY-MM-DD")
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        report = review(file, playbook)
    except TermguardError as exc:
        fail_from(exc)
    res = _open(db, create=True).add_review(report, vendor=vendor, kind=kind, version_date=date, source_path=str(file))
    if fmt == Format.json:
        _echo_json(res.to_dict())
    else:
        what = "added" if res.new_document else ("new review of" if res.new_review else "already in the register:")
        typer.echo(f"{what} #{res.document_id} {file}")


@reg_app.command("status")
def status_cmd(finding: str = typer.Argument(..., help="Finding id (from `register show`)."),
               status: str = typer.Argument(..., help="open, asked, agreed, rejected or accepted-risk."),
               who: str | None = typer.Option(None, "--who", help="Who decided (default: your user name)."),
               note: str = typer.Option("", "--note", help="Why the status changed."), document: str | None = typer.Option(None, "--document", help="Document id or hash prefix, when the finding id is ambiguous."),
               db: str | None = DB, fmt: Format = FMT) -> None:
    """Set the negotiation status of a finding; the change is kept in its history."""
    from termguard.store import RegisterError

    reg = _open(db)
    doc_id = _doc(reg, document).id if document else None
    try:
        n = reg.set_status(finding, status, who or getpass.getuser(), note, document_id=doc_id)
    except RegisterError as exc:
        fail(str(exc))
    if fmt == Format.json:
        _echo_json(n.to_dict())
    else:
        typer.echo(f"{n.finding_id}: {n.status} (by {n.who} at {n.at.isoformat()})")


@reg_app.command("history")
def history_cmd(finding: str = typer.Argument(..., help="Finding id (from register show)."), db: str | None = DB, fmt: Format = FMT) -> None:
    """Every negotiation status a finding has had, oldest first."""
    reg = _open(db)
    events = reg.status_history(finding)
    if not events and not reg.has_finding(finding):
        fail(f"no finding {finding!r} in the register")
    if fmt == Format.json:
        _echo_json([e.to_dict() for e in events])
        return
    if not events:
        typer.echo(f"{finding}: open (no status change recorded yet)")
    for e in events:
        typer.echo(f"{e.at.isoformat()}  {e.status:<13} {e.who}  {e.note}")


@reg_app.command("forget")
def forget_cmd(ref: str = typer.Argument(..., help="Document id or SHA-256 prefix."), db: str | None = DB,
               yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
               delete_source: bool = typer.Option(False, "--delete-source", help="Also delete the original file."),
               fmt: Format = FMT) -> None:
    """Remove a document and everything derived from it, prove no trace is left, print a receipt."""
    reg = _open(db)
    d = _doc(reg, ref)
    if not yes and not typer.confirm(f"forget #{d.id} ({d.sha256[:12]}) and all its reviews?"):
        raise typer.Exit(1)
    r = reg.forget(d.id, delete_source=delete_source)
    if fmt == Format.json:
        _echo_json({**r.to_dict(), "proven": r.proven})
        return
    removed = ", ".join(f"{k} {v}" for k, v in r.removed.items() if v)
    lines = [f"forget receipt — document #{r.document_id}", f"  sha256       {r.sha256}",
             f"  at           {r.forgotten_at.isoformat()}", f"  removed      {removed}",
             f"  steps        {'; '.join(r.steps)}",
             f"  checked      {len(r.files_checked)} file(s) for {r.probes} probe(s): {r.traces_found} trace(s)",
             f"  result       {'no trace left (proven)' if r.proven else 'deleted; not proven (see limits)'}",
             "  limits"] + [f"    - {x}" for x in r.limits]
    typer.echo("\n".join(lines))
    if r.traces_found:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(reg_app, name="register")
