"""Write one review into the register inside the caller's session (so a scan can commit it together with
its `scan_items` row: one transaction, nothing half-written after a crash).

Idempotence: a document is keyed by the SHA-256 of its bytes, a review by (document, playbook, rules
version). Adding the same file twice, or a crash-and-retry, changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from termguard.model.report import Report
from termguard.report.json_report import report_to_dict
from termguard.store.models import DocumentRow, DocumentText, EvidenceRow, FindingRow, ReviewRow
from termguard.store.records import AddResult


def add_review(session: Session, report: Report, *, vendor: str | None = None, kind: str | None = None,
               version_date: dt.date | None = None, source_path: str | None = None) -> AddResult:
    doc = report.document
    row = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == doc.sha256))
    new_document = row is None
    if row is None:
        row = DocumentRow(sha256=doc.sha256, vendor=vendor, kind=kind, version_date=version_date,
                          source_path=source_path or doc.path, title=doc.title, format=doc.format,
                          chars=len(doc.text))
        session.add(row)
        session.flush()
        session.add(DocumentText(document_id=row.id, text=doc.text))
        _index(session, row.id, report)
    else:  # fill in metadata the first add did not know; never overwrite what a person set
        row.vendor = row.vendor or vendor
        row.kind = row.kind or kind
        row.version_date = row.version_date or version_date
    existing = session.scalar(select(ReviewRow).where(
        ReviewRow.document_id == row.id, ReviewRow.playbook == report.playbook_name,
        ReviewRow.rules_version == report.rules_version))
    if existing is not None:
        return AddResult(row.id, existing.id, new_document, False)
    review = ReviewRow(document_id=row.id, playbook=report.playbook_name,
                       playbook_version=report.playbook_version, playbook_sha256=report.playbook_sha256,
                       tool_version=report.tool_version, rules_version=report.rules_version,
                       score=report.summary.score, grade=report.summary.grade,
                       report_json=json.dumps(report_to_dict(report), ensure_ascii=False))
    session.add(review)
    session.flush()
    for f in report.findings:
        fr = FindingRow(review_id=review.id, finding_id=f.id, topic=f.topic, family=f.family, title=f.title,
                        position=f.position, status=f.status.value, severity=f.severity.value,
                        required=f.required, parameters=_plain(f.parameters), explanation=f.explanation,
                        ask=f.ask, confidence=f.confidence)
        fr.evidence = [EvidenceRow(quote=e.quote, start=e.start, end=e.end, page=e.page, section=e.section,
                                   clause_id=e.clause_id, line=e.line) for e in f.evidence]
        session.add(fr)
    session.flush()
    return AddResult(row.id, review.id, new_document, True)


def _plain(params: dict[str, object]) -> dict[str, object]:
    """Parameters as JSON values (tuples → lists), so they round-trip through the JSON column."""
    result: dict[str, object] = json.loads(json.dumps(params, default=str))
    return result


def _index(session: Session, document_id: int, report: Report) -> None:
    """Clause text into FTS5 (SQLite only) so the web app can search the portfolio."""
    if session.get_bind().dialect.name != "sqlite":
        return
    body = report.document.text
    rows = [{"b": body[c.start:c.end], "d": document_id, "k": "clause", "r": c.id} for c in report.clauses]
    if not rows:
        rows = [{"b": body, "d": document_id, "k": "document", "r": ""}]
    session.execute(text("INSERT INTO text_fts(body, document_id, kind, ref) VALUES (:b, :d, :k, :r)"), rows)
