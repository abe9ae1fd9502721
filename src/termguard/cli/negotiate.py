"""`termguard negotiate FILE`: review a contract and write the negotiation pack into a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from termguard.cli.common import fail, fail_from, sample_path
from termguard.errors import TermguardError


def negotiate_cmd(
    file: Path | None = typer.Argument(None, help="Contract to review (PDF, DOCX, HTML, Markdown, text). "
                                                     "Without it, the bundled sample agreement."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook name or YAML file."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder for the pack "
                                                                "(default ./<file-stem>-negotiation/)."),
    against: list[Path] = typer.Option([], "--against", help="Another vendor's contract; where it meets the "
                                                             "playbook and this one does not, the brief cites it. "
                                                             "Repeatable."),
    db: str | None = typer.Option(None, "--db", help="Register database URL or SQLite file whose other vendors' "
                                                     "documents supply better terms for the brief (default: "
                                                     "TERMGUARD_DB, else the user data directory). A register "
                                                     "that does not exist is skipped, never created."),
    no_register: bool = typer.Option(False, "--no-register", help="Don't look in the register for competing "
                                                                  "terms (only --against)."),
    vendor: str | None = typer.Option(None, "--vendor", help="This contract's vendor, whose documents in the "
                                                             "register are never cited as a competitor (default: "
                                                             "the vendor of the register entry with the same "
                                                             "content, else a register vendor named in the title "
                                                             "or file name)."),
    no_check: bool = typer.Option(False, "--no-check", help="Skip re-reviewing the rider with `strict`."),
) -> None:
    """Write rider.docx, annotated.docx (DOCX input), brief.md/.docx, checklist.md/.docx, responsibility.md."""
    from termguard.assess.playbook import load_playbook
    from termguard.negotiate.compare import better_terms
    from termguard.negotiate.pack import build_pack
    from termguard.pipeline import review

    if no_register and db:
        fail("--db and --no-register contradict each other; give one")
    path = file or sample_path()
    if not path.exists():
        fail(f"{path}: no such file")
    if path.is_dir():
        fail(f"{path}: is a folder; negotiate one contract at a time")
    try:
        pb = load_playbook(playbook)
        report = review(path, pb)
        others = [review(p, pb) for p in against if p.exists()]
    except TermguardError as exc:
        fail_from(exc)
    better = better_terms(report, others)
    from_register = [] if no_register else _register_terms(report, pb, db, vendor, [o.document.sha256
                                                                                      for o in others])
    folder = out or Path.cwd() / f"{path.stem}-negotiation"
    res = build_pack(report, pb, path, folder, better + from_register, check=not no_check)
    typer.echo(f"wrote {len(res.files)} files to {folder}/")
    for f in res.files:
        typer.echo(f"  {f.name}")
    typer.echo(f"rider: {len(res.rider_topics)} clauses for shortfalls")
    if res.self_check:
        ok = [t for t, s in res.self_check.items() if s == "meets"]
        typer.echo(f"rider re-reviewed with strict: {len(ok)}/{len(res.self_check)} topics meet")
        for t, s in res.self_check.items():
            if s != "meets":
                typer.echo(f"  {t}: {s}")
    if res.comments:
        typer.echo("annotated.docx: {at_evidence} comments at evidence, {at_start} at the start".format(
            **res.comments))
    if from_register:
        vendors = sorted({b.vendor for b in from_register})
        typer.echo(f"brief: {len(from_register)} better terms from the register ({', '.join(vendors)})")


def _register_terms(report: Any, pb: Any, db: str | None, vendor: str | None, exclude: list[str]) -> list[Any]:
    """Competing terms from the register; a missing register gives none, an unreadable one a warning."""
    from alembic.util.exc import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from termguard.negotiate.compare import open_register, register_terms
    from termguard.store import RegisterError

    try:
        reg = open_register(db)
        if reg is None:
            if db:
                typer.echo(f"note: no register at {db}; the brief cites --against files only", err=True)
            return []
        with reg:
            return register_terms(report, pb, reg, vendor=vendor, exclude_sha256=exclude)
    except (SQLAlchemyError, CommandError, RegisterError, OSError, ImportError) as exc:
        first = (str(exc).splitlines() or [""])[0]
        typer.echo(f"warning: register not read ({type(exc).__name__}: {first}); the brief cites --against "
                   "files only", err=True)
        return []


def register(app: typer.Typer) -> None:
    app.command("negotiate")(negotiate_cmd)
