"""Resumable scan state in the register (`scan_runs`, `scan_items`), following the measured recipe in
RELIABILITY.md: claim an input only just before it is dispatched (a small in-flight window, never all of them
up front), write its review and `done` in one transaction, and on restart put `running` inputs back to
`pending` — or to `poison` after `MAX_ATTEMPTS` starts that never finished (an input that kills the whole
scan every time must not stop it for ever). Inputs never claimed keep `attempts = 0`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select, update

from termguard.scan import infer
from termguard.scan.sources import Input
from termguard.scan.worker import Outcome
from termguard.store import Register
from termguard.store.models import ScanItem, ScanRun
from termguard.store.writer import add_review

MAX_ATTEMPTS = 3
DONE_STATES = ("done", "poison")


@dataclass(frozen=True)
class Claimed:
    item_id: int
    label: str
    path: str
    member: str | None


@dataclass(frozen=True)
class Meta:
    """Register metadata given on the command line; guesses from the file name fill the gaps."""

    vendor: str | None = None
    kind: str | None = None


def run_key(paths: list[str], playbook: str) -> str:
    """The same inputs and playbook → the same run, so re-running the command resumes it."""
    return hashlib.sha256(json.dumps([sorted(paths), playbook]).encode()).hexdigest()


def open_run(reg: Register, paths: list[str], playbook: str) -> int:
    key = run_key(paths, playbook)
    with reg.session() as s:
        run = s.scalar(select(ScanRun).where(ScanRun.key == key))
        if run is None:
            run = ScanRun(key=key, playbook=playbook, paths=sorted(paths))
            s.add(run)
            s.flush()
        return run.id


def sync_items(reg: Register, run_id: int, inputs: list[Input], added_out: list[Input] | None = None) -> int:
    """Add inputs not yet known to the run (new files in the folder); returns how many were added (and
    appends them to `added_out` when given)."""
    with reg.session() as s:
        known = set(s.scalars(select(ScanItem.label).where(ScanItem.run_id == run_id)))
        seq = s.scalar(select(func.max(ScanItem.seq)).where(ScanItem.run_id == run_id)) or 0
        added = 0
        now = _now()
        for inp in inputs:
            if inp.label in known:
                continue
            known.add(inp.label)
            seq += 1
            added += 1
            if added_out is not None:
                added_out.append(inp)
            item = ScanItem(run_id=run_id, seq=seq, label=inp.label, path=inp.path, member=inp.member,
                            state="pending", attempts=0)
            if inp.refused:
                item.state, item.status, item.reason, item.finished_at = "done", *inp.refused, now
            s.add(item)
        return added


def recover(reg: Register, run_id: int) -> tuple[int, int]:
    """After a crash: running → pending, or → poison after MAX_ATTEMPTS. Returns (reset, poisoned)."""
    with reg.session() as s:
        base = update(ScanItem).where(ScanItem.run_id == run_id, ScanItem.state == "running")
        poisoned = s.execute(base.where(ScanItem.attempts >= MAX_ATTEMPTS).values(
            state="poison", status="error", finished_at=_now(),
            reason=f"poisoned: the scan died {MAX_ATTEMPTS} times while reading this file [E110]")).rowcount  # type: ignore[attr-defined]
        reset = s.execute(base.values(state="pending")).rowcount  # type: ignore[attr-defined]
        return reset, poisoned


def claim_next(reg: Register, run_id: int) -> Claimed | None:
    with reg.session() as s:
        item = s.scalar(select(ScanItem).where(ScanItem.run_id == run_id, ScanItem.state == "pending")
                        .order_by(ScanItem.seq).limit(1))
        if item is None:
            return None
        item.state = "running"
        item.attempts += 1
        return Claimed(item.id, item.label, item.path, item.member)


def finish(reg: Register, out: Outcome, meta: Meta = Meta()) -> int | None:
    """Store the review (if any) and mark the input done, in one transaction. Returns the document id."""
    with reg.session() as s:
        item = s.get(ScanItem, out.item_id)
        assert item is not None
        if item.state in DONE_STATES:  # already written (cannot happen with one writer; stay idempotent)
            return item.document_id
        doc_id = None
        if out.report is not None:
            title = out.report.document.title
            res = add_review(s, out.report, vendor=meta.vendor, kind=meta.kind or infer.kind(item.label, title),
                             version_date=infer.version_date(item.label), source_path=item.label)
            doc_id = res.document_id
        item.state, item.status, item.reason = "done", out.status, out.reason or None
        item.sha256, item.document_id, item.seconds, item.finished_at = out.sha256, doc_id, out.seconds, _now()
        return doc_id


def progress(reg: Register, run_id: int) -> tuple[int, int]:
    """(finished, total) inputs of the run."""
    with reg.session() as s:
        total = s.scalar(select(func.count()).select_from(ScanItem).where(ScanItem.run_id == run_id)) or 0
        done = s.scalar(select(func.count()).select_from(ScanItem).where(
            ScanItem.run_id == run_id, ScanItem.state.in_(DONE_STATES))) or 0
        return done, total


def status_counts(reg: Register, run_id: int) -> Counter[str]:
    with reg.session() as s:
        rows = s.execute(select(ScanItem.status, func.count()).where(
            ScanItem.run_id == run_id, ScanItem.state.in_(DONE_STATES)).group_by(ScanItem.status))
        return Counter({status or "?": n for status, n in rows})


def items(reg: Register, run_id: int) -> list[ScanItem]:
    """Every input of the run in scan order (detached rows, read-only use)."""
    with reg.session() as s:
        rows = list(s.scalars(select(ScanItem).where(ScanItem.run_id == run_id).order_by(ScanItem.seq)))
        s.expunge_all()
        return rows


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
