"""Forget a document for real, and prove it (RELIABILITY.md, "Forgetting for real").

Deleting rows is not enough: SQLite leaves deleted text in free pages unless `secure_delete` is on, FTS5
keeps deleted terms in its segments until `optimize`, and the WAL holds old pages until a checkpoint. The
recipe, in order: `secure_delete=ON` (set at connect, db.py) → delete the document and everything derived
from it in one transaction (ON DELETE CASCADE + the FTS rows) → FTS `optimize` → `wal_checkpoint(TRUNCATE)`
→ `VACUUM` → checkpoint again → optionally unlink the original file → scan every database file
(`.sqlite`, `-wal`, `-shm`, `-journal`) for probes: snippets and rare words of the document's text that no
remaining document contains, and ask FTS5's vocabulary table whether any of those words is still indexed.
The receipt names the hash, the row counts removed and what was checked — never any content.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text

from termguard.store import db
from termguard.store.models import (
    DocumentRow,
    DocumentText,
    EvidenceRow,
    FindingRow,
    Negotiation,
    NegotiationEvent,
    ReviewRow,
    ScanItem,
)
from termguard.store.records import Receipt

if TYPE_CHECKING:
    from termguard.store.repository import Register

_SNIPPET = 40
_MAX_SNIPPETS = 200
_WORD = re.compile(r"[^\W\d_]{7,}")
LIMITS = (
    "Copies of the register made before now (backups, snapshots, exports) still hold the document.",
    "SSDs and copy-on-write file systems may keep old blocks that no file references any more; only "
    "full-disk encryption covers those.",
)


def forget(reg: Register, document_id: int, *, delete_source: bool = False) -> Receipt:
    sqlite = db.is_sqlite(reg.url)
    with reg.session() as s:
        doc = s.get(DocumentRow, document_id)
        assert doc is not None
        sha, source = doc.sha256, doc.source_path
        body = s.get(DocumentText, document_id)
        doc_text = body.text if body else ""
        review_ids = list(s.scalars(select(ReviewRow.id).where(ReviewRow.document_id == document_id)))
        finding_ids = list(s.scalars(select(FindingRow.id).where(FindingRow.review_id.in_(review_ids))))
        quotes = list(s.scalars(select(EvidenceRow.quote).where(EvidenceRow.finding_row_id.in_(finding_ids))))
        removed = {
            "documents": 1, "document_texts": int(body is not None), "reviews": len(review_ids),
            "findings": len(finding_ids),
            "evidence": s.scalar(select(func.count()).select_from(EvidenceRow).where(
                EvidenceRow.finding_row_id.in_(finding_ids))) or 0,
            "negotiation": _count(s, Negotiation, Negotiation.document_id == document_id),
            "negotiation_events": _count(s, NegotiationEvent, NegotiationEvent.document_id == document_id),
            "scan_items": _count(s, ScanItem, ScanItem.document_id == document_id),
        }
        if sqlite:
            removed["text_fts"] = s.execute(text("DELETE FROM text_fts WHERE document_id = :d"),
                                            {"d": document_id}).rowcount  # type: ignore[attr-defined]
        s.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
        if sqlite:
            s.execute(text("INSERT INTO text_fts(text_fts) VALUES('optimize')"))
        remaining = _remaining_corpus(s, sqlite)
    snippets, words = _probes(doc_text, quotes, remaining)
    steps = ["deleted in one transaction (cascade)"]
    if sqlite:
        steps += ["fts optimize", *_compact_sqlite(reg)]
        vocab_hits = _vocab_hits(reg, words)
        reg.engine.dispose()  # closing the last connection removes -wal/-shm
    else:
        steps += _compact_postgres(reg)
        vocab_hits = 0
    source_deleted = False
    if delete_source and source and "!" not in source and Path(source).is_file():
        os.unlink(source)
        source_deleted = True
        steps.append("original file unlinked")
    files, traces = _scan_files(reg.url, snippets, words) if sqlite else ((), 0)
    limits: tuple[str, ...] = LIMITS if sqlite else LIMITS + (
        "PostgreSQL: rows deleted and VACUUM FULL run, but the server's WAL segments and replicas are outside "
        "termguard's reach; no file-level proof is possible.",)
    if not source_deleted and source:
        limits = limits + ("The original file was not deleted (use --delete-source).",)
    return Receipt(document_id=document_id, sha256=sha, forgotten_at=dt.datetime.now(dt.UTC)
                   .replace(microsecond=0), removed=removed, backend="sqlite" if sqlite else "postgresql",
                   files_checked=files, probes=len(snippets) + len(words), traces_found=traces + vocab_hits,
                   source_deleted=source_deleted, steps=tuple(steps), limits=limits)


def _count(s: Any, model: type, cond: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(cond)) or 0)


def _remaining_corpus(s: object, sqlite: bool = False) -> str:
    """Every string still stored that could legitimately contain the same words (other versions of the
    same terms share most of their text, and the schema names columns such as `seconds`), lower-cased:
    probes found in it are not evidence of a leak."""
    parts: list[str] = []
    if sqlite:
        parts.extend(x for x in s.scalars(text("SELECT sql FROM sqlite_master")) if x)  # type: ignore[attr-defined]
    for stmt in (select(DocumentText.text), select(ReviewRow.report_json), select(ScanItem.label),
                 select(DocumentRow.source_path), select(DocumentRow.title), select(DocumentRow.vendor),
                 select(NegotiationEvent.note)):
        parts.extend(x for x in s.scalars(stmt) if x)  # type: ignore[attr-defined]
    return "\n".join(parts).lower()


def _probes(doc_text: str, quotes: list[str], remaining: str) -> tuple[list[str], list[str]]:
    """Snippets (exact) and rare words (lower-case, as FTS stores them) unique to the forgotten document."""
    candidates = [q[:_SNIPPET] for q in quotes if len(q) >= 16]
    step = max(1, len(doc_text) // _MAX_SNIPPETS)
    candidates += [doc_text[i:i + _SNIPPET] for i in range(0, max(0, len(doc_text) - _SNIPPET), step)]
    snippets = sorted({c for c in candidates if c.strip() and c.lower() not in remaining})[:_MAX_SNIPPETS * 2]
    words = sorted({w.lower() for w in _WORD.findall(doc_text)} - set(_WORD.findall(remaining)))
    words = [w for w in words if w not in remaining][:_MAX_SNIPPETS]
    return snippets, words


def _compact_sqlite(reg: Register) -> list[str]:
    raw = reg.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.execute("VACUUM")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
    finally:
        raw.close()
    return ["wal_checkpoint(TRUNCATE)", "VACUUM", "wal_checkpoint(TRUNCATE)"]


def _compact_postgres(reg: Register) -> list[str]:
    with reg.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("evidence", "findings", "reviews", "document_texts", "negotiation", "negotiation_events",
                      "scan_items", "documents"):
            conn.exec_driver_sql(f"VACUUM FULL {table}")
    return ["VACUUM FULL"]


def _vocab_hits(reg: Register, words: list[str]) -> int:
    if not words:
        return 0
    with reg.engine.connect() as conn:
        present = {r[0] for r in conn.execute(text("SELECT term FROM text_fts_vocab"))}
    return len(present & set(words))


def _scan_files(url: str, snippets: Sequence[str], words: Sequence[str] = ()) -> tuple[tuple[str, ...], int]:
    """Count probes found in the database files: snippets anywhere, words only as whole words — a record
    stores its columns back to back, so "arbitration" + "silent" reads "arbitrations" without any trace of
    a document that used that word."""
    path = db.sqlite_path(url)
    if path is None:
        return (), 0
    files = [p for p in (path, *(Path(str(path) + sfx) for sfx in ("-wal", "-shm", "-journal"))) if p.exists()]
    needles = [p.encode("utf-8").lower() for p in snippets]
    patterns = [re.compile(rb"(?<![a-z\x80-\xff])" + re.escape(w.encode("utf-8").lower()) + rb"(?![a-z\x80-\xff])")
                for w in words]
    hits = 0
    for f in files:
        low = f.read_bytes().lower()
        hits += sum(1 for n in needles if n in low)
        hits += sum(1 for p in patterns if p.search(low))
    return tuple(str(f) for f in files), hits
