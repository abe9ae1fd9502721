"""`termguard negotiate FILE`: review a contract and write the negotiation pack into a folder."""

from __future__ import annotations

from pathlib import Path

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
    no_check: bool = typer.Option(False, "--no-check", help="Skip re-reviewing the rider with `strict`."),
) -> None:
    """Write rider.docx, annotated.docx (DOCX input), brief.md/.docx, checklist.md/.docx, responsibility.md."""
    from termguard.assess.playbook import load_playbook
    from termguard.negotiate.compare import better_terms
    from termguard.negotiate.pack import build_pack
    from termguard.pipeline import review

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
    folder = out or Path.cwd() / f"{path.stem}-negotiation"
    res = build_pack(report, pb, path, folder, better_terms(report, others), check=not no_check)
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


def register(app: typer.Typer) -> None:
    app.command("negotiate")(negotiate_cmd)
