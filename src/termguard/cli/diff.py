"""`termguard diff OLD NEW` and `termguard diff --ota PATH --service NAME --document TYPE`."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from termguard.cli.common import fail, write_output
from termguard.errors import TermguardError


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _quote(q: list[dict[str, Any]]) -> str:
    if not q:
        return "(nothing)"
    first = q[0]
    sec = f"§{first['section']} " if first.get("section") else ""
    return f"{sec}“{' '.join(first['quote'].split())[:300]}”"


def _norm(q: dict[str, Any]) -> str:
    return " ".join(str(q.get("quote", "")).lower().split())


def _texts(qs: list[dict[str, Any]]) -> set[str]:
    return {_norm(q) for q in qs}


def _order(ch: dict[str, Any]) -> tuple[int, int]:
    """Risk up first, then risk down, then moves at the same risk; evidence-only changes last."""
    return ({"worse": 0, "better": 1}.get(ch["direction"], 2), int(ch["changed"] == ["evidence"]))


def render_text(d: dict[str, Any], md: bool = False) -> str:
    from termguard.diff.words import inline

    h = "## " if md else ""
    s = d["summary"]
    lines = [f"{h}{d.get('old', '')} → {d.get('new', '')}",
             f"clauses: {s['edited']} edited, {s['added']} added, {s['removed']} removed, {s['moved']} moved, "
             f"{s['renumbered']} renumbered, {s['same']} unchanged; topics: {s['worse']} worse, {s['better']} better",
             "", f"{h}Topics that changed" if d["changes"] else "No topic changed position, parameters or evidence."]
    for ch in sorted(d["changes"], key=_order):
        mark = {"worse": "▲ risk up", "better": "▼ risk down", "same": "= same risk"}[ch["direction"]]
        lines.append(f"- {ch['topic']}: {ch['old_position']} → {ch['new_position']} ({mark}; changed: "
                     f"{', '.join(ch['changed'])})")
        if "parameters" in ch["changed"]:
            lines.append(f"    parameters: {ch['old_parameters']} → {ch['new_parameters']}")
        old_texts, new_texts = _texts(ch["old_evidence"]), _texts(ch["new_evidence"])
        old_q = [q for q in ch["old_evidence"] if _norm(q) not in new_texts] or ch["old_evidence"]
        new_q = [q for q in ch["new_evidence"] if _norm(q) not in old_texts] or ch["new_evidence"]
        lines += [f"    old: {_quote(old_q)}", f"    new: {_quote(new_q)}"]
        for c in ch["clauses"]:
            if c["kind"] == "same":  # the evidence sits there, but the clause did not change
                continue
            ref = c["new"] or c["old"]
            lines.append(f"    clause {c['kind']}: §{ref.get('section') or '?'} {ref.get('heading') or ''}")
    data_use = [c for c in d["clauses"] if c["data_use"]]
    lines += ["", f"{h}Changed clauses touching data use ({len(data_use)} of {len(d['clauses'])})"]
    for c in data_use:
        ref = c["new"] or c["old"]
        lines.append(f"- {c['kind']}: §{ref.get('section') or '?'} {ref.get('heading') or ''}"
                     + (f" (was §{c['old']['section']})" if c["renumbered"] and c["old"] else ""))
        if c.get("words"):
            lines.append(f"    {inline(c['words'])[:600]}")
    return "\n".join(lines) + "\n"


def diff_cmd(
    old: str | None = typer.Argument(None, help="Old version: a file or a register entry."),
    new: str | None = typer.Argument(None, help="New version: a file or a register entry."),
    ota: Path | None = typer.Option(None, "--ota", help="Local clone of an Open Terms Archive versions repo."),
    service: str | None = typer.Option(None, "--service", help="OTA service name (folder)."),
    document: str | None = typer.Option(None, "--document", help="OTA terms type (file name without .md)."),
    topics: str | None = typer.Option(None, "--topics", help="Comma-separated topic ids or family letters."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Playbook used to judge better or worse."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the result here instead of stdout."),
    db: str | None = typer.Option(None, "--db", help="Register database URL or SQLite file."),
) -> None:
    """Align two versions clause by clause; report per topic whether the position moved and the risk went up."""
    from termguard.cli.compare import check_topics

    wanted = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
    check_topics(wanted)
    if ota is not None:
        from termguard.diff.ota import DATA_USE_TOPICS, history

        if not (service and document):
            fail("--ota needs --service NAME and --document TYPE")
        if not ota.is_dir():
            fail(f"{ota}: no such folder")
        try:
            steps = history(ota, service, document, playbook, wanted or DATA_USE_TOPICS)
        except TermguardError as exc:
            fail(str(exc))
        if fmt == Format.json:
            write_output(json.dumps({"service": service, "document": document, "versions": steps}, indent=2,
                                    ensure_ascii=False) + "\n", out)
            return
        text = [f"{service} / {document}: {len(steps) + 1} version(s)"]
        for st in steps:
            st_doc = {**st, "old": st["old"]["date"][:10], "new": st["new"]["date"][:10]}
            text.append(render_text(st_doc, fmt == Format.markdown))
        write_output("\n".join(text), out)
        return
    if not (old and new):
        fail("diff needs OLD and NEW (or --ota PATH --service NAME --document TYPE)")
    from termguard.cli.compare import load_reports
    from termguard.diff import diff

    (r_old, r_new), labels = load_reports([old, new], db, playbook)
    result = diff(r_old, r_new, wanted)
    body = {**result.to_dict(), "old": old, "new": new}
    if fmt == Format.json:
        write_output(json.dumps(body, indent=2, ensure_ascii=False) + "\n", out)
    else:
        write_output(render_text(body, fmt == Format.markdown), out)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_cmd)
