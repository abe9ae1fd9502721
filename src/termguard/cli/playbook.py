"""`termguard playbook list | show NAME | init | check FILE`: inspect, start and validate playbooks."""

from __future__ import annotations

from pathlib import Path

import typer
import yaml

from termguard.cli.common import fail, fail_from
from termguard.errors import RuleError, TermguardError

STARTER = '''# My organisation's playbook. Starts from a shipped playbook and changes only what differs.
# Check it with:  termguard playbook check {path}
# Use it with:    termguard review CONTRACT --playbook {path}
name: my-playbook
version: "1"
extends: {base}            # strict | balanced | baseline: every topic not listed below comes from it
description: >-
  What this playbook is for, in one or two sentences.

# Industry context switches on compliance regimes and negotiation arguments:
#   general (GDPR, CCPA) | healthcare (+ HIPAA, HITECH) | financial-services (+ GLBA, SOX, PCI DSS, DORA)
#   public-sector (FedRAMP, FISMA, CJIS, public records law)
context: general
regimes: []               # extra regimes to require, e.g. [HIPAA]

# Per topic: required position (see `termguard topics`), positions that count as partial, severity
# (info, low, medium, high, critical), weight in the score, and thresholds:
#   max_days, max_hours, min_notice_days, min_per_year, min_months_of_fees
topics:
  retention.period: {{required: stated, partial: [], severity: high, weight: 3, thresholds: {{max_days: 60}}}}
  incident-notification: {{required: hours-stated, severity: high, thresholds: {{max_hours: 48}}}}

# Data policy: for vendor training, each data tier is allow | allow-with-guardrails | deny.
# Guardrails: purpose-limitation, aggregation, no-general-model, deletion. Unlisted tiers are denied.
data_policy:
  tiers:
    threat-telemetry: {{decision: allow-with-guardrails, guardrails: [purpose-limitation, aggregation]}}
    workflow-metadata: {{decision: allow-with-guardrails, guardrails: [purpose-limitation, aggregation, no-general-model]}}
    public-content: {{decision: allow}}
    user-content: {{decision: deny}}
    proprietary-content: {{decision: deny}}   # pricing, roadmaps, source code
    personal-data: {{decision: deny}}
    regulated-data: {{decision: deny}}        # health, payment

# What you can offer in trade and whom to escalate to (used by `termguard negotiate`).
negotiation:
  commitment_offer: a 24-month initial term instead of 12 months
  tie_audit_to_price: true
  regions: [the European Union, the United Kingdom]
'''


def list_cmd() -> None:
    """List the shipped playbooks with their descriptions."""
    from termguard.assess.playbook import load_playbook, shipped_playbooks

    for name in shipped_playbooks():
        pb = load_playbook(name)
        typer.echo(f"{name:<10} {pb.description.strip()}")


def show_cmd(name: str = typer.Argument(..., help="Shipped playbook name or YAML file.")) -> None:
    """Print a playbook after `extends` is resolved: topics, thresholds, data policy, regimes."""
    from termguard.assess.playbook import load_playbook

    try:
        pb = load_playbook(name)
    except TermguardError as exc:
        fail_from(exc)
    data = pb.model_dump(mode="json", exclude={"source"})
    data["topics"] = {k: {f: v for f, v in t.items() if v not in (None, [], "", {})} for k, t in
                      data["topics"].items()}
    for t in data["topics"].values():
        t["thresholds"] = {k: v for k, v in t.get("thresholds", {}).items() if v is not None}
        if not t["thresholds"]:
            del t["thresholds"]
    data["active_regimes"] = pb.active_regimes
    typer.echo(f"# {pb.name} ({pb.source})")
    typer.echo(yaml.safe_dump(data, sort_keys=False, width=110, allow_unicode=True), nl=False)


def init_cmd(
    out: Path = typer.Option(Path("playbook.yaml"), "--out", "-o", help="File to write."),
    base: str = typer.Option("strict", "--extends", help="Shipped playbook to start from."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented starter playbook that extends a shipped one."""
    from termguard.assess.playbook import shipped_playbooks

    if base not in shipped_playbooks():
        fail(f"unknown playbook {base!r}; shipped: {', '.join(shipped_playbooks())}")
    if out.exists() and not force:
        fail(f"{out} exists; use --force to overwrite")
    out.write_text(STARTER.format(path=out, base=base), encoding="utf-8")
    typer.echo(f"wrote {out}; edit it, then run: termguard playbook check {out}")


def check_cmd(file: Path = typer.Argument(..., help="Playbook YAML file.")) -> None:
    """Validate a playbook: schema, topic ids and position ids. Each error names the line and the field."""
    from termguard.assess.playbook import check_file, load_playbook

    if not file.exists():
        fail(f"{file}: no such file")
    try:
        errors = check_file(file)
    except RuleError as exc:
        errors = [exc]
    for e in errors:
        typer.echo(f"{e.where}: [{e.code}] {e.message}", err=True)
    if errors:
        raise typer.Exit(1)
    pb = load_playbook(str(file))
    typer.echo(f"{file}: ok — playbook {pb.name!r}, {len(pb.topics)} topics, context {pb.context}")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Inspect, start and validate playbooks.", no_args_is_help=True)
    group.command("list")(list_cmd)
    group.command("show")(show_cmd)
    group.command("init")(init_cmd)
    group.command("check")(check_cmd)
    app.add_typer(group, name="playbook")

