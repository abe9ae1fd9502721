"""Plain, frozen records the register hands out — callers (CLI, web) never touch ORM rows or sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = _jsonable(asdict(self))  # type: ignore[call-overload]
        return result


@dataclass(frozen=True)
class DocumentInfo(_Record):
    id: int
    sha256: str
    vendor: str | None
    kind: str | None
    version_date: dt.date | None
    source_path: str | None
    title: str | None
    format: str
    chars: int
    created_at: dt.datetime
    reviews: int = 0
    latest_grade: str | None = None
    latest_score: float | None = None
    open_findings: int = 0

    @property
    def label(self) -> str:
        """A short column/row label: vendor, else title, else file name, else the hash prefix."""
        from pathlib import PurePath

        if self.vendor:
            return self.vendor + (f" ({self.version_date.isoformat()})" if self.version_date else "")
        if self.title:
            return self.title[:60]
        if self.source_path:
            return PurePath(self.source_path.split("!")[-1]).name
        return self.sha256[:12]


@dataclass(frozen=True)
class ReviewInfo(_Record):
    id: int
    document_id: int
    playbook: str
    playbook_version: str
    tool_version: str
    rules_version: str
    score: float
    grade: str
    created_at: dt.datetime


@dataclass(frozen=True)
class EvidenceInfo(_Record):
    quote: str
    start: int
    end: int
    page: int | None
    section: str | None
    clause_id: str | None
    line: int | None


@dataclass(frozen=True)
class NegotiationInfo(_Record):
    document_id: int
    finding_id: str
    status: str
    who: str
    at: dt.datetime
    note: str


@dataclass(frozen=True)
class FindingInfo(_Record):
    """A stored finding with its current negotiation status (`open` when nobody has touched it)."""

    id: str
    document_id: int
    review_id: int
    topic: str
    family: str
    title: str
    position: str
    status: str
    severity: str
    required: str
    parameters: dict[str, Any]
    explanation: str
    ask: str
    confidence: float
    evidence: tuple[EvidenceInfo, ...]
    negotiation: NegotiationInfo | None = None

    @property
    def negotiation_status(self) -> str:
        return self.negotiation.status if self.negotiation else "open"


@dataclass(frozen=True)
class AddResult(_Record):
    document_id: int
    review_id: int
    new_document: bool
    new_review: bool


@dataclass(frozen=True)
class Receipt(_Record):
    """Proof of a `forget`, without any content: the hash, what was removed, and what was checked."""

    document_id: int
    sha256: str
    forgotten_at: dt.datetime
    removed: dict[str, int]
    backend: str
    files_checked: tuple[str, ...] = ()
    probes: int = 0
    traces_found: int = 0
    source_deleted: bool = False
    steps: tuple[str, ...] = ()
    limits: tuple[str, ...] = field(default_factory=tuple)

    @property
    def proven(self) -> bool:
        return self.backend == "sqlite" and self.probes > 0 and self.traces_found == 0


@dataclass(frozen=True)
class SearchHit(_Record):
    """A clause (or whole document) whose text matches a `Register.search`; `snippet` shows the match in
    context with the matching words between « and »."""

    document_id: int
    kind: str  # clause | document
    ref: str  # clause id, "" for a whole document
    snippet: str
    rank: float
