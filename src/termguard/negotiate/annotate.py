"""annotated.docx: the vendor's own DOCX with a Word comment at each finding's evidence, and one comment per
silent topic at the start of the document. Each comment names the topic, the problem and the ask, so the
procurement lead can send the vendor's own file back with the asks in the margin."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from termguard.assess.playbook import Playbook
from termguard.model import Finding, Status
from termguard.model.report import Report
from termguard.negotiate.anchor import locate, paragraphs, run_spans

STATUS_WORDS = {Status.SHORT: "falls short", Status.PARTIAL: "partly meets the playbook",
                Status.SILENT: "not addressed", Status.CONFLICTING: "says conflicting things"}


def comment_text(f: Finding) -> list[str]:
    """Paragraphs of one comment: topic and status, the problem, the ask."""
    return [
        f"termguard · {f.title} ({f.topic}) — {STATUS_WORDS.get(f.status, f.status.value)}, {f.severity.value}",
        f"Problem: {f.explanation}",
        f"Ask: {f.ask}" if f.ask else "Ask: see the negotiation brief.",
    ]


def _add(d: docx.document.Document, first: Run, last: Run, f: Finding, author: str) -> None:
    lines = comment_text(f)
    c = d.add_comment([first, last], text=lines[0], author=author, initials="TG")
    for line in lines[1:]:
        c.add_paragraph(line)


def annotate(report: Report, playbook: Playbook, source: Path, out: Path) -> dict[str, int]:
    """Write the annotated copy; returns counts of comments anchored at evidence and at the document start."""
    d = docx.Document(str(source))
    body = d.element.body
    paras = paragraphs(body)
    author = playbook.negotiation.author
    counts = {"at_evidence": 0, "at_start": 0, "unplaced": 0}
    silent: list[Finding] = []
    order = sorted(report.findings, key=lambda f: (-f.severity.rank, f.topic))
    for f in order:
        if f.status == Status.MEETS:
            continue
        quotes = f.evidence if f.status == Status.CONFLICTING else f.evidence[:1]
        if not quotes:
            silent.append(f)
            continue
        for e in quotes:
            anchor = locate(report.document, body, e.start, e.end)
            if anchor is None:
                counts["unplaced"] += 1
                silent.append(f)
                break
            para = Paragraph(paras[anchor.paragraph], d._body)
            _add(d, Run(anchor.first, para), Run(anchor.last, para), f, author)
            counts["at_evidence"] += 1
    first_runs = next(((p, spans) for p in paras if (spans := run_spans(p))), None)
    if first_runs is not None:
        p, spans = first_runs
        para = Paragraph(p, d._body)
        for f in silent:
            _add(d, Run(spans[0][0], para), Run(spans[-1][0], para), f, author)
            counts["at_start"] += 1
    d.save(str(out))
    return counts
