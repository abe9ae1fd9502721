"""Assemble the negotiation pack for one reviewed contract into a folder, and report what was written."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from termguard.assess.playbook import Playbook
from termguard.model.report import Report
from termguard.negotiate.annotate import annotate
from termguard.negotiate.arguments import BetterTerm
from termguard.negotiate.blocks import to_docx, to_markdown
from termguard.negotiate.brief import brief_blocks
from termguard.negotiate.checklist import checklist_blocks
from termguard.negotiate.responsibility import responsibility_markdown
from termguard.negotiate.rider import plan_rider, rider_text, self_check, write_rider_docx


@dataclass
class PackResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    rider_topics: list[str] = field(default_factory=list)
    self_check: dict[str, str] = field(default_factory=dict)
    comments: dict[str, int] = field(default_factory=dict)


def build_pack(report: Report, playbook: Playbook, source: Path, folder: Path,
               better: list[BetterTerm] | None = None, check: bool = True) -> PackResult:
    """Write rider.docx, annotated.docx (DOCX input only), brief.md/.docx, checklist.md/.docx,
    responsibility.md and pack.json (what was written and the rider's self-check)."""
    folder.mkdir(parents=True, exist_ok=True)
    res = PackResult(folder)
    rider = plan_rider(report, playbook)
    res.rider_topics = rider.topics
    numbers = {t: i for i, t in enumerate(rider.topics, 2)}  # clause 1 is definitions
    path = folder / "rider.docx"
    write_rider_docx(rider, path)
    (folder / "rider.txt").write_text(rider_text(rider), encoding="utf-8")
    res.files += [path, folder / "rider.txt"]
    if check and rider.topics:
        res.self_check = self_check(path, rider.topics)
    if report.document.format == "docx":
        out = folder / "annotated.docx"
        res.comments = annotate(report, playbook, source, out)
        res.files.append(out)
    for stem, blocks, title in (
        ("brief", brief_blocks(report, playbook, numbers, better), "Negotiation brief"),
        ("checklist", checklist_blocks(report, playbook), "Security review checklist"),
    ):
        md = folder / f"{stem}.md"
        md.write_text(to_markdown(blocks), encoding="utf-8")
        to_docx(blocks, title, folder / f"{stem}.docx")
        res.files += [md, folder / f"{stem}.docx"]
    resp = folder / "responsibility.md"
    resp.write_text(responsibility_markdown(report), encoding="utf-8")
    res.files.append(resp)
    manifest = {"source": str(source), "playbook": playbook.name, "rider_topics": rider.topics,
                "rider_self_check_strict": res.self_check, "comments": res.comments,
                "competing_terms": [b.to_dict() for b in better or []],
                "files": [p.name for p in res.files]}
    (folder / "pack.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    res.files.append(folder / "pack.json")
    return res
