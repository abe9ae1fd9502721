"""The register: every reviewed document, its reviews, findings and their negotiation status.

Public API (used by the CLI, the scan and the web app):

    from termguard.store import Register
    reg = Register(url=None)      # --db / TERMGUARD_DB / SQLite in the user data dir; "postgresql://…" works
    reg.add_review(report, vendor=, kind=, version_date=, source_path=) -> AddResult(document_id, review_id, …)
    reg.list_documents(vendor=None) -> [DocumentInfo]         reg.get_document(id | sha-prefix) -> DocumentInfo
    reg.reviews(document_id) -> [ReviewInfo]                  reg.findings(document_id) -> [FindingInfo]
    reg.set_status(finding_id, status, who, note="", document_id=None) -> NegotiationInfo
    reg.status_history(finding_id) -> [NegotiationInfo]      reg.load_report(ref) -> Report (re-analysed)
    reg.forget(document_id, delete_source=False) -> Receipt  (receipt.proven, .traces_found, .removed)
    reg.search("usage data", limit=50, vendor=None) -> [SearchHit(document_id, kind, ref, snippet, rank)]

Records are frozen dataclasses with `to_dict()`. Statuses: open, asked, agreed, rejected, accepted-risk.
Schema changes go through Alembic migrations in `migrations/versions/` (run automatically on open).
"""

from termguard.store.models import NEGOTIATION_STATUSES
from termguard.store.records import (
                                     AddResult,
                                     DocumentInfo,
                                     EvidenceInfo,
                                     FindingInfo,
                                     NegotiationInfo,
                                     Receipt,
                                     ReviewInfo,
                                     SearchHit,
)
from termguard.store.repository import Register, RegisterError, RegisterOpenError

__all__ = [
                                     "NEGOTIATION_STATUSES",
                                     "AddResult",
                                     "DocumentInfo",
                                     "EvidenceInfo",
                                     "FindingInfo",
                                     "NegotiationInfo",
                                     "Receipt",
                                     "Register",
                                     "RegisterError",
                                     "RegisterOpenError",
                                     "ReviewInfo",
                                     "SearchHit",
]
