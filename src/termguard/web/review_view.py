"""What the review page shows, computed from a stored review: findings by family, silent topics, text.

Kept apart from the routes so it can be tested without HTTP, and so the template receives plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

from termguard.model import Finding, Status
from termguard.topics import FAMILIES
from termguard.web.highlight import Segment, evidence_key, marks_for, segments
from termguard.web.store import StoredReview

STATUS_ORDER = ("conflicting", "short", "partial", "meets", "silent")
SEVERITY_ORDER = ("critical", "high", "medium", "low", "info")


@dataclass(frozen=True)
class FindingView:
    index: int
    finding: Finding
    negotiation: str
    note: str
    keys: tuple[str, ...]  # anchor ids of its quotes, in order

    @property
    def dom_id(self) -> str:
        return f"f-{self.index}"


@dataclass(frozen=True)
class FamilyView:
    code: str
    name: str
    findings: list[FindingView]


@dataclass(frozen=True)
class ReviewView:
    item: StoredReview
    families: list[FamilyView]
    silent: list[FindingView]
    segments: list[Segment]
    status_counts: dict[str, int]
    severity_counts: dict[str, int]


def _sort_key(v: FindingView) -> tuple[int, int]:
    f = v.finding
    return (STATUS_ORDER.index(f.status.value), SEVERITY_ORDER.index(f.severity.value))


def build_view(item: StoredReview) -> ReviewView:
    report = item.report
    views = [FindingView(i, f, item.status_of(f.id), item.notes.get(f.id, ""),
                         tuple(evidence_key(i, j) for j in range(len(f.evidence))))
             for i, f in enumerate(report.findings)]
    spoken = [v for v in views if v.finding.status != Status.SILENT]
    families = []
    for code, name in FAMILIES.items():
        members = sorted((v for v in spoken if v.finding.family == code), key=_sort_key)
        if members:
            families.append(FamilyView(code, name, members))
    silent = sorted((v for v in views if v.finding.status == Status.SILENT), key=_sort_key)
    text = report.document.text
    status_counts = {s: sum(1 for f in report.findings if f.status.value == s) for s in STATUS_ORDER}
    severity_counts = {s: sum(1 for f in report.findings if f.severity.value == s) for s in SEVERITY_ORDER}
    return ReviewView(item, families, silent, segments(text, marks_for(report.findings, len(text))),
                      status_counts, severity_counts)
