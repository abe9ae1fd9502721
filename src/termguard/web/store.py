"""Where the web app keeps reviews: a small interface, with an in-process implementation.

The pages and the API only talk to `ReviewStore`, so the SQLite register can replace `MemoryStore` without
touching a route. The in-process store forgets everything when the server stops; that is the point of it
(nothing about a contract is written to disk unless the user opts into the register).
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol

from termguard.model.report import Report

# Negotiation status of one finding; the same values as the register's (`termguard.store`).
NEGOTIATION_STATUSES = ("open", "asked", "agreed", "rejected", "accepted-risk")


@dataclass(frozen=True)
class StatusChange:
    """The latest negotiation change of one finding: who made it, when (epoch seconds) and its note."""

    status: str
    note: str
    who: str
    at: float

    @property
    def when(self) -> str:
        """`2026-08-05 14:03 UTC`: short and unambiguous whatever the server's time zone."""
        return dt.datetime.fromtimestamp(self.at, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def iso(self) -> str:
        return dt.datetime.fromtimestamp(self.at, dt.UTC).isoformat(timespec="seconds")

    def to_dict(self) -> dict[str, str]:
        return {"status": self.status, "note": self.note, "who": self.who, "at": self.iso}


@dataclass
class StoredReview:
    """One reviewed upload. `original` is the uploaded bytes, served back only as an attachment."""

    id: str
    name: str
    report: Report
    original: bytes | None  # None when the store keeps only the extracted text (the register)
    created: float = field(default_factory=time.time)
    statuses: dict[str, str] = field(default_factory=dict)  # finding id → negotiation status
    notes: dict[str, str] = field(default_factory=dict)  # finding id → the note of its latest change
    changes: dict[str, StatusChange] = field(default_factory=dict)  # finding id → its latest change

    def status_of(self, finding_id: str) -> str:
        return self.statuses.get(finding_id, "open")

    def note_of(self, finding_id: str) -> str:
        return self.notes.get(finding_id, "")

    def change_of(self, finding_id: str) -> StatusChange | None:
        return self.changes.get(finding_id)

    def record(self, change: StatusChange, finding_id: str) -> None:
        self.statuses[finding_id] = change.status
        self.notes[finding_id] = change.note
        self.changes[finding_id] = change


@dataclass(frozen=True)
class ReviewSummary:
    """One row of the register list: enough to show and filter without loading the whole report."""

    id: str
    name: str
    title: str | None
    playbook: str
    score: float
    grade: str
    counts: dict[str, int]
    created: float

    @property
    def label(self) -> str:
        return self.title or self.name

    @staticmethod
    def of(item: StoredReview) -> ReviewSummary:
        r = item.report
        return ReviewSummary(item.id, item.name, r.document.title, r.playbook_name, r.summary.score,
                             r.summary.grade, dict(r.summary.counts), item.created)


class ReviewStore(Protocol):
    """What the web layer needs from storage. `persistent`: whether reviews survive a restart."""

    persistent: bool

    def add(self, name: str, report: Report, original: bytes) -> StoredReview: ...

    def get(self, review_id: str) -> StoredReview | None: ...

    def list(self) -> list[ReviewSummary]: ...

    def set_status(self, review_id: str, finding_id: str, status: str, note: str = "", who: str = "web"
                   ) -> None:
        """Record a status and its note (an empty note clears the previous one) for one finding."""
        ...


class MemoryStore:
    """Reviews in a dict, newest first, bounded so a long-running server cannot grow without limit."""

    persistent = False

    def __init__(self, max_reviews: int = 200) -> None:
        self._items: dict[str, StoredReview] = {}
        self._lock = threading.Lock()
        self._max = max_reviews

    def add(self, name: str, report: Report, original: bytes) -> StoredReview:
        item = StoredReview(secrets.token_hex(8), name, report, original)
        with self._lock:
            self._items[item.id] = item
            while len(self._items) > self._max:
                self._items.pop(next(iter(self._items)))
        return item

    def get(self, review_id: str) -> StoredReview | None:
        return self._items.get(review_id)

    def list(self) -> list[ReviewSummary]:
        with self._lock:
            items = sorted(self._items.values(), key=lambda r: -r.created)
        return [ReviewSummary.of(i) for i in items]

    def set_status(self, review_id: str, finding_id: str, status: str, note: str = "", who: str = "web"
                   ) -> None:
        if status not in NEGOTIATION_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        item = self._items.get(review_id)
        if item is None:
            raise KeyError(review_id)
        if not any(f.id == finding_id for f in item.report.findings):
            raise KeyError(finding_id)
        with self._lock:
            item.record(StatusChange(status, note, who, time.time()), finding_id)
