"""`ReviewStore` over the SQLite/PostgreSQL register (`termguard.store.Register`), for `serve --register`.

Review ids are the register's document ids, so links survive restarts. The register keeps the extracted text
and re-analyses it on demand; reports are cached in memory for the life of the server, and the uploaded
bytes are kept only for uploads made during this run (the register never stores the original file).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from termguard.model.report import Report
from termguard.web.store import ReviewSummary, StatusChange, StoredReview

_CACHE = 64


def _ts(value: dt.datetime | None) -> float:
    """The register writes UTC; SQLite hands it back without a zone, which is not local time."""
    if value is None:
        return 0.0
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).timestamp()


class RegisterStore:
    persistent = True

    def __init__(self, url: str | None = None) -> None:
        from termguard.store import Register

        self.register = Register(url)
        self._reports: OrderedDict[str, tuple[str, Report]] = OrderedDict()
        self._originals: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def _remember(self, rid: str, name: str, report: Report) -> None:
        with self._lock:
            self._reports[rid] = (name, report)
            self._reports.move_to_end(rid)
            while len(self._reports) > _CACHE:
                self._reports.popitem(last=False)

    def add(self, name: str, report: Report, original: bytes) -> StoredReview:
        res = self.register.add_review(report, source_path=name)
        rid = str(res.document_id)
        self._remember(rid, name, report)
        self._originals[rid] = original
        item = self.get(rid)
        assert item is not None
        return item

    def get(self, review_id: str) -> StoredReview | None:
        from termguard.store import RegisterError

        if not review_id.isdigit():
            return None
        try:
            info = self.register.get_document(int(review_id))
            cached = self._reports.get(review_id)
            if cached is None:
                cached = (info.label, self.register.load_report(info.id))
                self._remember(review_id, *cached)
            findings = self.register.findings(info.id)
        except RegisterError:
            return None
        item = StoredReview(review_id, cached[0], cached[1], self._originals.get(review_id), _ts(info.created_at))
        for f in findings:
            n = f.negotiation
            if n is not None:
                item.record(StatusChange(n.status, n.note or "", n.who, _ts(n.at)), f.id)
        return item

    def list(self) -> list[ReviewSummary]:
        out = []
        for d in self.register.list_documents():
            reviews = self.register.reviews(d.id)
            counts: dict[str, int] = {}
            for f in self.register.findings(d.id):
                counts[f.status] = counts.get(f.status, 0) + 1
            last = reviews[-1] if reviews else None
            out.append(ReviewSummary(str(d.id), d.label if not d.source_path else d.source_path, d.title,
                                     last.playbook if last else "", last.score if last else 0.0,
                                     last.grade if last else "", counts, _ts(d.created_at)))
        return sorted(out, key=lambda r: -r.created)

    def set_status(self, review_id: str, finding_id: str, status: str, note: str = "", who: str = "web"
                   ) -> None:
        from termguard.store import RegisterError

        try:
            self.register.set_status(finding_id, status, who=who, note=note, document_id=int(review_id))
        except RegisterError as exc:
            raise KeyError(finding_id) from exc
