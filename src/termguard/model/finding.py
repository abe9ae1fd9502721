"""A finding: where the document stands on one topic, with the evidence that says so."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    MEETS = "meets"
    PARTIAL = "partial"
    SHORT = "short"
    SILENT = "silent"
    CONFLICTING = "conflicting"


class Severity(str, Enum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: int
    end: int
    page: int | None
    section: str | None
    clause_id: str | None
    line: int | None = None
    position: str | None = None  # the position this quote supports
    source: str | None = None


@dataclass(frozen=True)
class Finding:
    topic: str
    family: str
    title: str
    position: str
    status: Status
    severity: Severity
    required: str
    parameters: dict[str, Any]
    explanation: str
    ask: str
    evidence: tuple[Evidence, ...]
    sources: tuple[str, ...]
    confidence: float
    detection_log: tuple[str, ...] = field(default_factory=tuple)
    id: str = ""


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(text.split())


def finding_id(doc_sha256: str, topic: str, quotes: list[str]) -> str:
    """Stable identity: document content, topic and normalised evidence text — never offsets or pages."""
    h = hashlib.sha256()
    h.update(doc_sha256.encode())
    h.update(b"\0" + topic.encode())
    for q in sorted(_normalise(q) for q in quotes):
        h.update(b"\0" + q.encode())
    return h.hexdigest()[:16]
