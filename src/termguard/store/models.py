"""SQLAlchemy 2 models of the register.

Why rows and not only a blob: the web app lists, filters and edits findings; a portfolio question ("which
agreements grant usage-data rights?") is a query over findings. The full `termguard.report/1` JSON is kept
beside the rows so a report can be shown exactly as produced.

Negotiation status is keyed by the *stable* finding id (document content + topic + evidence text), so it
survives re-reviews with newer rules. Everything derived from a document hangs off `documents.id` with
`ON DELETE CASCADE`, which is what makes `forget` complete. The schema is created by the Alembic migrations in
`migrations/versions/`; `tests/store/test_migrations.py` checks that these models and the migrations agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NEGOTIATION_STATUSES = ("open", "asked", "agreed", "rejected", "accepted-risk")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that reads back as UTC on every backend. SQLite keeps no time zone, so without this a
    status set "at 20:26+00:00" would read back as a naive 20:26 (and JSON would lose its offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class DocumentRow(Base):
    """One distinct document, identified by the SHA-256 of its bytes (re-adding it is a no-op)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    vendor: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str | None] = mapped_column(String(60))
    version_date: Mapped[dt.date | None] = mapped_column(Date)
    source_path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    chars: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=_now)
    reviews: Mapped[list[ReviewRow]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                    passive_deletes=True)


class DocumentText(Base):
    """The extracted text, kept so compare/diff can re-analyse a register entry with newer rules."""

    __tablename__ = "document_texts"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class ReviewRow(Base):
    """One review of a document with one playbook and one rules version."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("document_id", "playbook", "rules_version", name="uq_review"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    playbook: Mapped[str] = mapped_column(String(200))
    playbook_version: Mapped[str] = mapped_column(String(40))
    playbook_sha256: Mapped[str] = mapped_column(String(64))
    tool_version: Mapped[str] = mapped_column(String(40))
    rules_version: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(Float)
    grade: Mapped[str] = mapped_column(String(4))
    report_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=_now)
    document: Mapped[DocumentRow] = relationship(back_populates="reviews")
    findings: Mapped[list[FindingRow]] = relationship(back_populates="review", cascade="all, delete-orphan",
                                                      passive_deletes=True)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[str] = mapped_column(String(32), index=True)
    topic: Mapped[str] = mapped_column(String(80), index=True)
    family: Mapped[str] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(20))
    required: Mapped[str] = mapped_column(String(60))
    parameters: Mapped[dict] = mapped_column(JSON)  # type: ignore[type-arg]
    explanation: Mapped[str] = mapped_column(Text)
    ask: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    review: Mapped[ReviewRow] = relationship(back_populates="findings")
    evidence: Mapped[list[EvidenceRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                       order_by="EvidenceRow.id")


class EvidenceRow(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_row_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(60))
    clause_id: Mapped[str | None] = mapped_column(String(20))
    line: Mapped[int | None] = mapped_column(Integer)


class Negotiation(Base):
    """Current negotiation status of one finding (by stable id) of one document."""

    __tablename__ = "negotiation"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=_now)
    note: Mapped[str] = mapped_column(Text, default="")


class NegotiationEvent(Base):
    """Append-only history of status changes (who said what, when)."""

    __tablename__ = "negotiation_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=_now)
    note: Mapped[str] = mapped_column(Text, default="")


class ScanRun(Base):
    """One bulk scan, identified by its inputs and playbook so the same command resumes it."""

    __tablename__ = "scan_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    playbook: Mapped[str] = mapped_column(String(200))
    paths: Mapped[list] = mapped_column(JSON)  # type: ignore[type-arg]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=_now)


class ScanItem(Base):
    """One input of a scan. `state` drives resumption (pending → running → done | poison); `status` is the
    terminal status the user sees (ok, partial, needs-password, …)."""

    __tablename__ = "scan_items"
    __table_args__ = (UniqueConstraint("run_id", "label", name="uq_scan_item"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("scan_runs.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    member: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    status: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seconds: Mapped[float | None] = mapped_column(Float)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


__all__ = [
    "NEGOTIATION_STATUSES",
    "Base",
    "DocumentRow",
    "DocumentText",
    "EvidenceRow",
    "FindingRow",
    "Negotiation",
    "NegotiationEvent",
    "ReviewRow",
    "ScanItem",
    "ScanRun",
    "func",
]
