"""The register: idempotent adds, negotiation status with history, listings, migrations and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.store._store_helpers import CONTRACT, report_for


def test_adding_the_same_document_twice_is_a_no_op(reg) -> None:
    rep = report_for(CONTRACT)
    first = reg.add_review(rep, vendor="Acme", kind="msa", version_date=dt.date(2024, 5, 1))
    again = reg.add_review(rep, vendor="Other")
    assert first.new_document and first.new_review
    assert (again.document_id, again.review_id, again.new_document, again.new_review) == (
        first.document_id, first.review_id, False, False)
    docs = reg.list_documents()
    assert len(docs) == 1 and docs[0].vendor == "Acme" and docs[0].version_date == dt.date(2024, 5, 1)
    assert len(reg.reviews(first.document_id)) == 1


def test_findings_are_rows_with_evidence_and_stable_ids(reg) -> None:
    rep = report_for(CONTRACT)
    res = reg.add_review(rep)
    stored = reg.findings(res.document_id)
    assert [f.id for f in stored] == [f.id for f in rep.findings]
    assert [f.topic for f in stored] == [f.topic for f in rep.findings]
    with_evidence = [f for f in stored if f.evidence]
    assert with_evidence and all(e.quote for f in with_evidence for e in f.evidence)


def test_status_change_is_kept_with_who_when_and_note(reg) -> None:
    res = reg.add_review(report_for(CONTRACT))
    fid = reg.findings(res.document_id)[0].id
    assert reg.findings(res.document_id)[0].negotiation_status == "open"
    reg.set_status(fid, "asked", who="ana", note="rider v1 sent")
    reg.set_status(fid, "agreed", who="ben")
    now = reg.findings(res.document_id)[0]
    assert now.negotiation_status == "agreed" and now.negotiation and now.negotiation.who == "ben"
    hist = reg.status_history(fid)
    assert [(h.status, h.who, h.note) for h in hist] == [("asked", "ana", "rider v1 sent"), ("agreed", "ben", "")]


def test_unknown_status_and_unknown_finding_are_refused(reg) -> None:
    from termguard.store import RegisterError

    res = reg.add_review(report_for(CONTRACT))
    fid = reg.findings(res.document_id)[0].id
    with pytest.raises(RegisterError, match="unknown status"):
        reg.set_status(fid, "maybe", who="ana")
    with pytest.raises(RegisterError, match="no finding"):
        reg.set_status("0000000000000000", "asked", who="ana")


def test_document_is_found_by_id_or_hash_prefix(reg) -> None:
    from termguard.store import RegisterError

    res = reg.add_review(report_for(CONTRACT))
    doc = reg.get_document(res.document_id)
    assert reg.get_document(doc.sha256[:10]).id == doc.id
    with pytest.raises(RegisterError):
        reg.get_document("999")


def test_models_and_migrations_agree(reg) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from termguard.store.models import Base

    with reg.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    diffs = [d for d in diffs if "text_fts" not in str(d)]
    assert diffs == []


def test_register_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from termguard.store.db import resolve_url

    monkeypatch.setenv("TERMGUARD_DB", str(tmp_path / "x.sqlite"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert resolve_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
