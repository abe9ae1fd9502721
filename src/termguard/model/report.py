"""The whole review of one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from termguard.model.clause import Clause, Definition
from termguard.model.document import Document
from termguard.model.finding import Finding, Status
from termguard.model.hit import ClauseHit

SCHEMA = "termguard.report/1"


@dataclass(frozen=True)
class Summary:
    score: float
    grade: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Report:
    document: Document
    playbook_name: str
    playbook_version: str
    playbook_sha256: str
    summary: Summary
    findings: tuple[Finding, ...]
    clauses: tuple[Clause, ...]
    clause_topics: dict[str, tuple[ClauseHit, ...]]  # clause id → hits
    definitions: tuple[Definition, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    tool_version: str = ""
    rules_version: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def finding(self, topic: str) -> Finding | None:
        return next((f for f in self.findings if f.topic == topic), None)

    def shortfalls(self) -> list[Finding]:
        return [f for f in self.findings if f.status not in (Status.MEETS,)]
