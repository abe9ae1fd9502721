"""The security review checklist filled from the contract: per item what the contract says and where, or a
blank marked "not addressed" for the reviewer to chase. Sections follow a vendor security review."""

from __future__ import annotations

from termguard.assess.playbook import Playbook
from termguard.model import Status
from termguard.model.report import Report
from termguard.negotiate.blocks import Block, H, P, Table
from termguard.negotiate.rider import agreement_name
from termguard.topics import get_topic

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Data boundary", (
        ("data-boundary", "Which data classes may be sent, and which are prohibited?"),
        ("training.customer-content", "Is customer content excluded from model training?"),
        ("training.derived-data", "Is usage / derived data narrowly defined and purpose-limited?"),
        ("retention.period", "How long are prompts, outputs and files kept?"),
        ("data-residency", "Where is data stored and processed; which transfer mechanism?"))),
    ("Model and provider use", (
        ("third-party-models", "Which external model providers are used, on what terms?"),
        ("subprocessors", "Is there a subprocessor list, notice of changes, a right to object?"),
        ("training.model-isolation", "Does learning from our data stay out of models offered to others?"),
        ("training.fine-tuning", "Are fine-tuned models isolated, owned by us, deleted at exit?"),
        ("ai.disclosure", "Are AI components and providers disclosed; can we refuse new AI use?"),
        ("ai.optional-features", "Are optional AI features off by default?"))),
    ("Access and environments", (
        ("access-control", "Least privilege, MFA and access revocation?"),
        ("secrets-management", "Secrets kept in a vault, out of code, rotated?"),
        ("environments", "Production data kept out of development and staging?"),
        ("security.controls", "Named controls: encryption, key management, segregation?"))),
    ("Logging", (
        ("logging.content", "Is content redacted from logs; who reads them; how long are they kept?"),
        ("retention.human-review", "Can vendor staff read our content for abuse monitoring?"))),
    ("Incident response", (
        ("incident-notification", "Notice of incidents within a stated number of hours?"),
        ("vulnerability-management", "Remediation timelines for vulnerabilities?"),
        ("security.attestations", "Named attestations (SOC 2 Type II, ISO/IEC 27001, ISO/IEC 42001)?"))),
    ("Termination", (
        ("deletion.on-request", "Deletion on request and at termination, backups included?"),
        ("deletion.certification", "Written certification of deletion?"),
        ("commercial.termination", "Can we terminate for convenience; can the vendor suspend at will?"),
        ("remedies.termination", "What can we do after a data-protection breach?"))),
)

BLANK = "☐ NOT ADDRESSED — ask the vendor"


def checklist_blocks(report: Report, playbook: Playbook) -> list[Block]:
    blocks: list[Block] = [
        H(1, "Security review checklist"),
        P(f"Filled from {agreement_name(report)} against the {playbook.name} playbook. Rows marked "
          f"\u201c{BLANK}\u201d are blank: the contract is silent and the answer must come from the vendor."),
    ]
    for section, items in SECTIONS:
        rows = []
        for topic_id, question in items:
            f = report.finding(topic_id)
            if f is None:
                rows.append((question, "☐ not assessed (topic rules not installed)", "", ""))
                continue
            if f.status == Status.SILENT:
                rows.append((question, BLANK, "", "silent"))
                continue
            label = _label(topic_id, f.position)
            e = f.evidence[0] if f.evidence else None
            said = f"{label}. \u201c{_short(e.quote)}\u201d" if e else label
            loc = (f"§ {e.section}" if e and e.section else f"line {e.line}" if e else "")
            mark = "☑ " if f.status == Status.MEETS else "☒ "
            rows.append((question, mark + said, loc, f.status.value))
        blocks += [H(2, section), Table(("item", "what the contract says", "where", "status"), tuple(rows),
                                        (4.5, 8.3, 1.8, 1.8))]
    return blocks


def _label(topic_id: str, position: str) -> str:
    try:
        pos = get_topic(topic_id).position(position)
    except KeyError:
        return position
    return pos.label if pos else position


def _short(text: str, limit: int = 260) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
