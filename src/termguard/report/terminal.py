"""Terminal view (rich): shortfalls first, grouped by family, with their quotes."""

from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from termguard.model import Status
from termguard.model.report import Report
from termguard.report.markdown import ORDER
from termguard.topics import FAMILIES

STYLE = {
    Status.MEETS: "green", Status.PARTIAL: "yellow", Status.SHORT: "red", Status.SILENT: "magenta",
    Status.CONFLICTING: "bold red",
}


def _printable(text: str) -> str:
    """Control characters (terminal escape sequences hidden in a contract) never reach the terminal."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in text)


def render_to_console(r: Report, console: Console) -> None:
    d = r.document
    c = r.summary.counts
    head = Text()
    head.append(f"{_printable(d.title or d.path)}\n", style="bold")
    head.append(f"{d.format}, {len(d.text):,} chars" + (f", {d.pages} pages" if d.pages else "") + "\n")
    head.append(f"playbook {r.playbook_name} · score {r.summary.score} · grade {r.summary.grade}\n", style="bold")
    for s in Status:
        head.append(f"{s.value} {c[s.value]}  ", style=STYLE[s])
    console.print(Panel(head, title="termguard review", expand=False))
    for w in r.warnings:
        console.print(f"[yellow]warning:[/] {w}")
    for fam, name in FAMILIES.items():
        fs = sorted((f for f in r.findings if f.family == fam), key=lambda f: (ORDER[f.status], -f.severity.rank))
        if not fs:
            continue
        table = Table(title=f"{fam}. {name}", title_justify="left", show_lines=True, expand=True)
        table.add_column("topic", ratio=2)
        table.add_column("status", ratio=1)
        table.add_column("position", ratio=1)
        table.add_column("evidence / ask", ratio=6)
        for f in fs:
            body = Text()
            for e in f.evidence[:2]:
                loc = " ".join(x for x in (f"§{e.section}" if e.section else "", f"p.{e.page}" if e.page else "",
                                           f"l.{e.line}" if e.line else "") if x)
                quote = _printable(" ".join(e.quote.split()))
                body.append(f"“{quote[:300]}{'…' if len(quote) > 300 else ''}” ", style="italic")
                body.append(f"({loc})\n", style="dim")
            if f.parameters:
                body.append(", ".join(f"{k}={v}" for k, v in f.parameters.items()) + "\n", style="cyan")
            if f.ask and f.status != Status.MEETS:
                body.append("Ask: ", style="bold")
                body.append(f.ask)
            table.add_row(Text(f.title + "\n", style="bold").append(f.topic, style="dim"),
                          Text(f"{f.status.value}\n{f.severity.value}", style=STYLE[f.status]),
                          f.position, body)
        console.print(table)
    _data_policy(r, console)
    console.print("[dim]Automated review assists a person; it can miss clauses. Check the quoted evidence.[/]")


def _data_policy(r: Report, console: Console) -> None:
    """Per data tier: what the contract lets the vendor do for training, flagged where it exceeds the policy."""
    dp = r.data_policy
    if dp is None or not dp.tiers:
        return
    table = Table(title="Data policy: vendor training use by data tier", title_justify="left", expand=True)
    table.add_column("tier", width=20)
    table.add_column("policy", width=21)
    table.add_column("contract allows", width=14)
    table.add_column("", width=7, no_wrap=True)
    table.add_column("why", ratio=1)
    for t in dp.tiers:
        flag = Text("exceeds", style="bold red") if t.exceeds else Text("ok", style="green")
        table.add_row(t.tier, t.decision, t.allowance, flag, t.reason)
    console.print(table)


def render_text(r: Report) -> str:
    buf = io.StringIO()
    render_to_console(r, Console(file=buf, width=120, force_terminal=False, color_system=None))
    return buf.getvalue()
