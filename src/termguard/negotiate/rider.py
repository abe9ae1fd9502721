"""The rider: an amendment with one numbered clause per shortfall, built only from the clause library.

Structure: title, parties (the only placeholders), definitions, the shortfall clauses in catalogue order,
order of precedence, general terms, signature block. `rider_text` gives the same content as plain text and
`self_check` reviews the DOCX itself with the project's pipeline, so a clause that no longer reads as its
own topic's best position is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from termguard.assess.playbook import Playbook
from termguard.model import Status
from termguard.model.report import Report
from termguard.negotiate import docxkit
from termguard.negotiate.library import load_library, opening
from termguard.topics import CATALOGUE_ORDER

CUSTOMER = "[CUSTOMER LEGAL NAME]"
PROVIDER = "[PROVIDER LEGAL NAME]"

DEFINITIONS = [
    '"Customer Data" means all data that Customer or its users submit to, store in or generate through the '
    "Services, including personal data and all Customer Content.",
    '"Customer Content" means inputs, prompts, files, documents and instructions that Customer or its users '
    "submit to the Services, and the outputs the Services generate from them (\"Outputs\").",
    "Capitalised terms that this Rider does not define have the meaning given to them in the Agreement.",
]
PRECEDENCE = [
    "If this Rider conflicts with the Agreement, with any data processing agreement, order form or policy, or "
    "with any terms that Provider publishes online, this Rider prevails.",
    "Except as amended by this Rider, the Agreement remains in full force.",
]
GENERAL = [
    "This Rider may be signed in counterparts and by electronic signature, each of which is an original.",
    "This Rider takes effect on the date of the last signature below.",
]


@dataclass(frozen=True)
class RiderClause:
    topic: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Rider:
    agreement: str
    clauses: tuple[RiderClause, ...]

    @property
    def topics(self) -> list[str]:
        return [c.topic for c in self.clauses]


def agreement_name(report: Report) -> str:
    """A readable name for the vendor's document: its title, else its file name."""
    raw = report.document.title or Path(report.document.path).stem
    name = re.sub(r"^[#\s]+|[*_`]+", "", raw).strip()
    name = name[:120] or "Agreement"
    if name.isupper():
        name = name.title()
    return name if name.lower().startswith("the ") else f"the {name}"


def plan_rider(report: Report, playbook: Playbook) -> Rider:
    """One clause for every finding that does not meet the playbook and has a library clause."""
    lib = load_library()
    clauses = []
    for f in sorted(report.shortfalls(), key=lambda f: _order(f.topic)):
        if f.status == Status.MEETS or f.topic not in lib:
            continue
        c = lib[f.topic]
        clauses.append(RiderClause(f.topic, c.title, tuple(opening(c, playbook))))
    return Rider(agreement_name(report), tuple(clauses))


def full_rider(playbook: Playbook, agreement: str = "the Master Agreement") -> Rider:
    """A rider with every library clause: what the library test reviews."""
    lib = load_library()
    topics = sorted(lib, key=_order)
    return Rider(agreement, tuple(RiderClause(t, lib[t].title, tuple(opening(lib[t], playbook))) for t in topics))


def _order(topic: str) -> int:
    return CATALOGUE_ORDER.index(topic) if topic in CATALOGUE_ORDER else len(CATALOGUE_ORDER)


def sections(rider: Rider) -> list[tuple[str, list[str]]]:
    """Every numbered clause: (heading, sub-clauses), in rider order."""
    out = [("Definitions and interpretation", DEFINITIONS)]
    out += [(c.title, list(c.paragraphs)) for c in rider.clauses]
    out += [("Order of precedence", PRECEDENCE), ("General", GENERAL)]
    return out


def preamble(rider: Rider) -> str:
    return (f"This AI Data Protection Rider (the \"Rider\") is made between {CUSTOMER} (\"Customer\") and "
            f"{PROVIDER} (\"Provider\") and amends {rider.agreement} between them, together with every "
            "order, schedule and policy it incorporates (the \"Agreement\").")


def rider_text(rider: Rider) -> str:
    """The rider as numbered plain text (what a reviewer would paste into an email)."""
    lines = ["AI Data Protection Rider", f"Amendment to {rider.agreement}", "", preamble(rider), ""]
    for i, (heading, paras) in enumerate(sections(rider), 1):
        lines.append(f"{i}. {heading}")
        lines += [f"{i}.{j} {p}" for j, p in enumerate(paras, 1)]
        lines.append("")
    return "\n".join(lines)


def write_rider_docx(rider: Rider, path: Path) -> None:
    d = docxkit.new_document(f"AI Data Protection Rider — {rider.agreement}")
    d.add_paragraph("AI Data Protection Rider", style="Title")
    sub = d.add_paragraph(f"Amendment to {rider.agreement}", style="Subtitle")
    sub.runs[0].font.size = Pt(12)
    intro = d.add_paragraph(preamble(rider))
    intro.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    d.add_paragraph("The parties agree as follows:")
    num_id = docxkit.clause_numbering(d)
    for heading, paras in sections(rider):
        docxkit.numbered(d, heading, num_id, 0)
        for p in paras:
            docxkit.numbered(d, p, num_id, 1)
    _signatures(d)
    path.write_bytes(docxkit.to_bytes(d))


def _signatures(d: docxkit.DocxDocument) -> None:
    p = d.add_paragraph("Signed by the authorised representatives of the parties:")
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.keep_with_next = True
    t = d.add_table(rows=5, cols=2)
    labels = ["", "Signature:", "Name:", "Title:", "Date:"]
    for col, party in enumerate((f"For Customer: {CUSTOMER}", f"For Provider: {PROVIDER}")):
        t.cell(0, col).paragraphs[0].add_run(party).bold = True
        for row in range(1, 5):
            t.cell(row, col).text = f"{labels[row]} {'_' * (30 - len(labels[row]))}"
    for row in t.rows:
        row._tr.get_or_add_trPr().append(docxkit.OxmlElement("w:cantSplit"))
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(10)
            cell.paragraphs[0].paragraph_format.keep_with_next = True


def self_check(path: Path, clause_topics: list[str]) -> dict[str, str]:
    """Review the written rider with `strict`: topic → status for every topic the rider covers."""
    from termguard.ingest.docx_reader import read_docx
    from termguard.ingest.limits import Limits
    from termguard.pipeline import analyse

    doc = read_docx(path.read_bytes(), path.name, Limits())
    report = analyse(doc, "strict")
    out = {}
    for t in clause_topics:
        f = report.finding(t)
        out[t] = f.status.value if f else "not-assessed"
    return out
