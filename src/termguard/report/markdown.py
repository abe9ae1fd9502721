"""Markdown report: summary, then shortfalls by family with their quotes, then what meets the playbook."""

from __future__ import annotations

from termguard.model import Finding, Status
from termguard.model.report import Report
from termguard.topics import FAMILIES

ORDER = {Status.CONFLICTING: 0, Status.SHORT: 1, Status.SILENT: 2, Status.PARTIAL: 3, Status.MEETS: 4}


def _md_quote(text: str) -> str:
    flat = "".join(ch if ch.isprintable() else "\ufffd" for ch in " ".join(text.split()))
    return flat.replace("|", "\\|")


def _location(f: Finding) -> str:
    if not f.evidence:
        return ""
    e = f.evidence[0]
    bits = []
    if e.section:
        bits.append(f"§ {e.section}")
    if e.page:
        bits.append(f"p. {e.page}")
    if e.line:
        bits.append(f"line {e.line}")
    return ", ".join(bits)


def render_markdown(r: Report) -> str:
    d = r.document
    c = r.summary.counts
    out = [
        f"# termguard review: {d.title or d.path}",
        "",
        f"- File: `{d.path}` ({d.format}, {len(d.text):,} characters{f', {d.pages} pages' if d.pages else ''})",
        f"- Playbook: **{r.playbook_name}** v{r.playbook_version}",
        f"- Score: **{r.summary.score}** (grade {r.summary.grade}) — "
        f"{c['meets']} meet, {c['partial']} partial, {c['short']} short, {c['silent']} silent, "
        f"{c['conflicting']} conflicting",
        "",
        "> Automated review assists a person; it can miss or misread clauses. Every finding quotes its evidence "
        "so that you can check it.",
        "",
    ]
    if r.warnings:
        out += ["## Warnings", ""] + [f"- {w}" for w in r.warnings] + [""]
    for fam, name in FAMILIES.items():
        fs = sorted((f for f in r.findings if f.family == fam), key=lambda f: (ORDER[f.status], -f.severity.rank))
        if not fs:
            continue
        out += [f"## {fam}. {name}", ""]
        for f in fs:
            loc = _location(f)
            out.append(f"### {f.title} (`{f.topic}`) — {f.status.value}, {f.severity.value}")
            out.append("")
            out.append(f"**Position:** `{f.position}` (playbook requires `{f.required}`)"
                       + (f" · {loc}" if loc else ""))
            if f.parameters:
                out.append("")
                out.append("**Parameters:** " + ", ".join(f"{k} = {v}" for k, v in f.parameters.items()))
            out += ["", f.explanation]
            for e in f.evidence:
                where = f" (§ {e.section})" if e.section else ""
                out += ["", f"> {_md_quote(e.quote)}{where}"]
            if f.ask:
                out += ["", f"**Ask:** {f.ask}"]
            out.append("")
    out += _data_policy_md(r)
    return "\n".join(out).rstrip() + "\n"


def _data_policy_md(r: Report) -> list[str]:
    """The data-policy table: per tier the policy, what the contract allows, and a flag where it allows more."""
    dp = r.data_policy
    if dp is None:
        return []
    out = ["## Data policy: vendor training per data tier", "",
           "| tier | policy | the contract | flag |", "|---|---|---|---|"]
    for t in dp.tiers:
        policy = t.decision + (f" ({', '.join(t.guardrails_required)})" if t.guardrails_required else "")
        out.append(f"| {t.tier} | {policy} | {_md_quote(t.reason)} | {'**exceeds policy**' if t.exceeds else 'ok'} |")
    if dp.regimes:
        named = ", ".join(f"{g.regime} {'named' if g.named else '**not named**'}" for g in dp.regimes)
        out += ["", f"Regimes for the {dp.context} context: {named}."]
    return out + [""]
