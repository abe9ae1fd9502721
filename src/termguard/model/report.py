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
    data_policy: DataPolicyResult | None = None

    def finding(self, topic: str) -> Finding | None:
        return next((f for f in self.findings if f.topic == topic), None)

    def shortfalls(self) -> list[Finding]:
        return [f for f in self.findings if f.status not in (Status.MEETS,)]


@dataclass(frozen=True)
class TierUse:
    """What the contract lets the vendor do with one data tier for training, against the data policy."""

    tier: str
    decision: str  # the policy: allow | allow-with-guardrails | deny
    guardrails_required: tuple[str, ...]
    allowance: str  # none | with-consent | with-guardrails | unless-opt-out | not-addressed | unrestricted | unknown
    guardrails_found: tuple[str, ...]
    exceeds: bool  # the contract allows more than the policy
    reason: str
    topics: tuple[str, ...]  # the findings that decided it
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegimeCheck:
    """A compliance regime the playbook's context switches on, and whether the contract names it."""

    regime: str
    named: bool
    quote: str = ""
    line: int | None = None


@dataclass(frozen=True)
class DataPolicyResult:
    tiers: tuple[TierUse, ...]
    context: str = "general"
    regimes: tuple[RegimeCheck, ...] = ()

    @property
    def flagged(self) -> list[TierUse]:
        return [t for t in self.tiers if t.exceeds]
