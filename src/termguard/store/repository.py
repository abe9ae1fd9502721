"""`Register`: the one object the CLI and the web app use to read and change the register.

    reg = Register()                      # TERMGUARD_DB or the user's data dir; Register("postgresql://…")
    res = reg.add_review(report, vendor="Acme", kind="dpa", version_date=date(2025, 1, 1))
    reg.list_documents(); reg.get_document(res.document_id); reg.findings(res.document_id)
    reg.set_status(finding_id, "asked", who="ana", note="sent rider v1")
    receipt = reg.forget(res.document_id)  # see forget.py for what is proven

Every method opens and closes its own session and returns frozen records (`records.py`), so callers never
hold ORM objects across threads or requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from termguard.model.report import Report
from termguard.store import db
from termguard.store.models import (
    NEGOTIATION_STATUSES,
    DocumentRow,
    DocumentText,
    FindingRow,
    Negotiation,
    NegotiationEvent,
    ReviewRow,
)
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
from termguard.store.writer import add_review


class RegisterError(LookupError):
    """A reference that names no document or finding, or a bad status; the message is user-facing."""


class RegisterOpenError(RegisterError):
    """The register cannot be opened: a malformed or unsupported URL, a server that does not answer, a file
    that is not a database, or (with `create=False`) a SQLite file that does not exist. User-facing message,
    no traceback, no password."""


class Register:
    def __init__(self, url: str | None = None, *, migrate: bool = True, create: bool = True) -> None:
        """`create=False`: refuse a SQLite file that does not exist yet, instead of creating it (and its
        folders) — what a read-only command wants when the user mistypes `--db`."""
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

        self.url = db.resolve_url(url)
        shown = db.display_url(self.url)
        try:
            path = db.sqlite_path(self.url) if db.is_sqlite(self.url) else None
            if not create and path is not None and not path.is_file():
                raise RegisterOpenError(f"no register at {path} (a new one is made by `termguard scan` or "
                                        "`termguard register add`)")
            self.engine = db.make_engine(self.url)
            if migrate:
                db.migrate(self.engine)
        except RegisterOpenError:
            raise
        except NoSuchModuleError as exc:
            raise RegisterOpenError(f"--db {shown}: unsupported database (use a SQLite file or "
                                    "postgresql://…)") from exc
        except ArgumentError as exc:
            raise RegisterOpenError(f"--db {shown}: not a database URL") from exc
        except ImportError as exc:
            raise RegisterOpenError(f"--db {shown}: the database driver is not installed ({exc.name}); for "
                                    "PostgreSQL: pip install 'termguard[postgres]'") from exc
        except (SQLAlchemyError, OSError) as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise RegisterOpenError(f"--db {shown}: cannot open the register: {reason}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any exception."""
        with self._sessions.begin() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing -----------------------------------------------------------------------------------------
    def add_review(self, report: Report, *, vendor: str | None = None, kind: str | None = None,
                   version_date: dt.date | None = None, source_path: str | None = None) -> AddResult:
        with self.session() as s:
            return add_review(s, report, vendor=vendor, kind=kind, version_date=version_date,
                              source_path=source_path)

    def set_status(self, finding_id: str, status: str, who: str, note: str = "",
                   document_id: int | None = None) -> NegotiationInfo:
        """Record a negotiation status for a finding (by its stable id) and append it to the history."""
        if status not in NEGOTIATION_STATUSES:
            raise RegisterError(f"unknown status {status!r}; use one of {', '.join(NEGOTIATION_STATUSES)}")
        with self.session() as s:
            q = (select(ReviewRow.document_id).join(FindingRow).where(FindingRow.finding_id == finding_id)
                 .distinct())
            if document_id is not None:
                q = q.where(ReviewRow.document_id == document_id)
            docs = list(s.scalars(q))
            if not docs:
                raise RegisterError(f"no finding {finding_id!r} in the register")
            if len(docs) > 1:
                raise RegisterError(f"finding {finding_id!r} is in several documents; name the document")
            now = dt.datetime.now(dt.UTC).replace(microsecond=0)
            row = s.get(Negotiation, (docs[0], finding_id))
            if row is None:
                row = Negotiation(document_id=docs[0], finding_id=finding_id)
                s.add(row)
            row.status, row.who, row.at, row.note = status, who, now, note
            s.add(NegotiationEvent(document_id=docs[0], finding_id=finding_id, status=status, who=who, at=now,
                                   note=note))
            return _negotiation(row)

    def forget(self, document_id: int, *, delete_source: bool = False) -> Receipt:
        from termguard.store.forget import forget

        return forget(self, self._document_id(document_id), delete_source=delete_source)

    # ---- reading -----------------------------------------------------------------------------------------
    def list_documents(self, vendor: str | None = None) -> list[DocumentInfo]:
        with self.session() as s:
            q = select(DocumentRow).order_by(DocumentRow.vendor, DocumentRow.version_date, DocumentRow.id)
            if vendor:
                q = q.where(func.lower(DocumentRow.vendor) == vendor.lower())
            return [self._info(s, r) for r in s.scalars(q)]

    def get_document(self, ref: int | str) -> DocumentInfo:
        """By id, or by a unique SHA-256 prefix of at least 6 hex digits."""
        with self.session() as s:
            row = s.get(DocumentRow, self._document_id(ref, s))
            assert row is not None
            return self._info(s, row)

    def reviews(self, document_id: int) -> list[ReviewInfo]:
        with self.session() as s:
            rows = s.scalars(select(ReviewRow).where(ReviewRow.document_id == document_id).order_by(ReviewRow.id))
            return [ReviewInfo(r.id, r.document_id, r.playbook, r.playbook_version, r.tool_version,
                               r.rules_version, r.score, r.grade, r.created_at) for r in rows]

    def findings(self, document_id: int, review_id: int | None = None) -> list[FindingInfo]:
        """Findings of the latest review (or of `review_id`), each with its negotiation status."""
        with self.session() as s:
            rid = review_id or s.scalar(select(func.max(ReviewRow.id)).where(ReviewRow.document_id == document_id))
            if rid is None:
                return []
            neg = {n.finding_id: n for n in s.scalars(select(Negotiation).where(
                Negotiation.document_id == document_id))}
            rows = s.scalars(select(FindingRow).where(FindingRow.review_id == rid)
                             .options(selectinload(FindingRow.evidence)).order_by(FindingRow.id))
            return [FindingInfo(
                r.finding_id, document_id, rid, r.topic, r.family, r.title, r.position, r.status, r.severity,
                r.required, dict(r.parameters), r.explanation, r.ask, r.confidence,
                tuple(EvidenceInfo(e.quote, e.start, e.end, e.page, e.section, e.clause_id, e.line)
                      for e in r.evidence),
                _negotiation(neg[r.finding_id]) if r.finding_id in neg else None) for r in rows]

    def status_history(self, finding_id: str) -> list[NegotiationInfo]:
        with self.session() as s:
            rows = s.scalars(select(NegotiationEvent).where(NegotiationEvent.finding_id == finding_id)
                             .order_by(NegotiationEvent.id))
            return [NegotiationInfo(r.document_id, r.finding_id, r.status, r.who, r.at, r.note) for r in rows]

    def has_finding(self, finding_id: str) -> bool:
        """Whether any stored review has a finding with this stable id."""
        with self.session() as s:
            return s.scalar(select(FindingRow.id).where(FindingRow.finding_id == finding_id).limit(1)) is not None

    def search(self, text: str, *, limit: int = 50, vendor: str | None = None) -> list[SearchHit]:
        """Clauses whose text contains every word of `text` (any order, case-insensitive), best match first.

        SQLite uses the FTS5 index (`text_fts`, ranked by bm25); each word is quoted, so user input is never
        FTS query syntax (`NEAR`, `*`, `"`, `-` are just characters). PostgreSQL has no index here: it scans
        the stored texts with ILIKE and returns one hit per document. An empty query finds nothing."""
        import re

        words = re.findall(r"\w+", text or "")[:16]
        if not words or limit < 1:
            return []
        with self.session() as s:
            docs = None
            if vendor:
                docs = set(s.scalars(select(DocumentRow.id).where(func.lower(DocumentRow.vendor) == vendor.lower())))
            if s.get_bind().dialect.name == "sqlite":
                from sqlalchemy import text as sql

                query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                rows = s.execute(sql(
                    "SELECT CAST(document_id AS INTEGER), kind, ref, "
                    "snippet(text_fts, 0, '«', '»', '…', 24), bm25(text_fts) FROM text_fts "
                    "WHERE text_fts MATCH :q ORDER BY bm25(text_fts) LIMIT :n"),
                    {"q": query, "n": limit if docs is None else limit * 20})
                hits = [SearchHit(int(d), k, r or "", " ".join(snip.split()), float(rank))
                        for d, k, r, snip, rank in rows]
            else:
                hits = []
                q = select(DocumentText.document_id, DocumentText.text)
                for w in words:
                    like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                    q = q.where(DocumentText.text.ilike(like, escape="\\"))
                for doc_id, body in s.execute(q.order_by(DocumentText.document_id)):
                    i = body.lower().find(words[0].lower())
                    w0 = words[0]
                    snip = body[max(0, i - 80):i] + "«" + body[i:i + len(w0)] + "»" + body[i + len(w0):i + 80]
                    hits.append(SearchHit(doc_id, "document", "", " ".join(snip.split()), 0.0))
            if docs is not None:
                hits = [h for h in hits if h.document_id in docs]
            return hits[:limit]

    def document_text(self, document_id: int) -> str:
        with self.session() as s:
            row = s.get(DocumentText, document_id)
            if row is None:
                raise RegisterError(f"no document {document_id} in the register")
            return row.text

    def load_report(self, ref: int | str, playbook: str | None = None) -> Report:
        """Re-analyse a stored document (with today's rules) — what compare and diff use for register entries."""
        from termguard.model.document import Document, TextMap
        from termguard.pipeline import analyse

        info = self.get_document(ref)
        text = self.document_text(info.id)
        pb = playbook or next((r.playbook for r in reversed(self.reviews(info.id))), "strict")
        doc = Document(path=info.source_path or info.label, sha256=info.sha256, format=info.format, text=text,
                       textmap=TextMap.build(text), title=info.title)
        return analyse(doc, pb)

    # ---- helpers -----------------------------------------------------------------------------------------
    def _document_id(self, ref: int | str, s: Session | None = None) -> int:
        if s is None:
            with self.session() as s2:
                return self._document_id(ref, s2)
        ref_s = str(ref).strip().lstrip("#")
        if ref_s.isdigit() and s.get(DocumentRow, int(ref_s)) is not None:
            return int(ref_s)
        if len(ref_s) >= 6 and all(c in "0123456789abcdef" for c in ref_s.lower()):
            ids = list(s.scalars(select(DocumentRow.id).where(DocumentRow.sha256.like(ref_s.lower() + "%"))))
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                raise RegisterError(f"hash prefix {ref_s!r} matches {len(ids)} documents; give more digits")
        raise RegisterError(f"no document {ref_s!r} in the register (see `termguard register list`)")

    def _info(self, s: Session, r: DocumentRow) -> DocumentInfo:
        latest = s.scalar(select(ReviewRow).where(ReviewRow.document_id == r.id).order_by(ReviewRow.id.desc()))
        n_reviews = s.scalar(select(func.count()).select_from(ReviewRow).where(ReviewRow.document_id == r.id))
        open_n = 0
        if latest is not None:
            shortfalls = set(s.scalars(select(FindingRow.finding_id).where(
                FindingRow.review_id == latest.id, FindingRow.status != "meets")))
            closed = set(s.scalars(select(Negotiation.finding_id).where(
                Negotiation.document_id == r.id, Negotiation.status != "open")))
            open_n = len(shortfalls - closed)
        return DocumentInfo(r.id, r.sha256, r.vendor, r.kind, r.version_date, r.source_path, r.title, r.format,
                            r.chars, r.created_at, n_reviews or 0, latest.grade if latest else None,
                            latest.score if latest else None, open_n)


def _negotiation(n: Negotiation) -> NegotiationInfo:
    return NegotiationInfo(n.document_id, n.finding_id, n.status, n.who, n.at, n.note)
