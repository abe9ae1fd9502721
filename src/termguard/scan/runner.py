"""`scan()`: enumerate inputs, resume the run, feed a backend, write each outcome as it arrives.

    from termguard.scan import ScanOptions, scan
    result = scan(Register(), ScanOptions(paths=["contracts/"], workers=2))

The caller (CLI) passes callbacks for its progress bar. Why the register is written only here: one writer
keeps SQLite simple and safe, and a crash between "worker finished" and "row written" only means the input is
reviewed again on resume (the write is idempotent), never stored twice.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from termguard.ingest.limits import Limits
from termguard.scan import state
from termguard.scan.backends import make_backend
from termguard.scan.sources import Input, collect
from termguard.scan.worker import Outcome, Task, warm
from termguard.store import Register, db

MIN_FREE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ScanOptions:
    paths: list[str]
    playbook: str = "strict"
    workers: int = 2
    backend: str = "local"  # local | ray
    timeout_s: float = 120.0
    memory_mb: int = 2048
    vendor: str | None = None
    kind: str | None = None
    ray_address: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass
class ScanResult:
    run_id: int
    total: int
    processed: int  # inputs finished in this invocation
    resumed_from: int  # inputs already finished before it
    reset: int  # interrupted inputs put back to pending
    poisoned: int
    seconds: float
    counts: Counter[str]
    paused: str | None = None

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0


OnStart = Callable[[int, int], None]  # (total, already finished)
OnItem = Callable[[str, Outcome], None]


def _low_disk(url: str) -> str | None:
    path = db.sqlite_path(url)
    if path is None:
        return None
    free = shutil.disk_usage(path.parent).free
    if free < MIN_FREE_BYTES:
        return f"paused: only {free // (1024 * 1024)} MB free next to the register; free space and rerun to resume"
    return None


def scan(reg: Register, opts: ScanOptions, on_start: OnStart | None = None,
         on_item: OnItem | None = None) -> ScanResult:
    paths = [os.path.abspath(p) for p in opts.paths]
    run_id = state.open_run(reg, paths, opts.playbook)
    added: list[Input] = []
    state.sync_items(reg, run_id, collect(paths), added)
    refused = [inp for inp in added if inp.refused]  # finished now, without a worker: report them too
    reset, poisoned = state.recover(reg, run_id)
    done0, total = state.progress(reg, run_id)
    done0 -= len(refused)
    if on_start:
        on_start(total, done0)
    if on_item:
        for inp in refused:
            assert inp.refused is not None
            on_item(inp.label, Outcome(0, inp.refused[0], inp.refused[1]))
    labels: dict[int, str] = {}
    paused: list[str] = []

    def tasks() -> Iterator[Task]:
        while True:
            why = _low_disk(reg.url)
            if why:
                paused.append(why)
                return
            claimed = state.claim_next(reg, run_id)
            if claimed is None:
                return
            labels[claimed.item_id] = claimed.label
            yield Task(claimed.item_id, claimed.label, claimed.path, claimed.member, opts.playbook, opts.limits)

    warm(opts.playbook)
    backend = make_backend(opts.backend, opts.workers, opts.timeout_s, opts.memory_mb, opts.ray_address)
    meta = state.Meta(vendor=opts.vendor, kind=opts.kind)
    processed = len(refused)
    t0 = time.perf_counter()
    for outcome in backend.run(tasks()):
        state.finish(reg, outcome, meta)
        processed += 1
        if on_item:
            on_item(labels.get(outcome.item_id, "?"), outcome)
    seconds = time.perf_counter() - t0
    return ScanResult(run_id, total, processed, done0, reset, poisoned, seconds, state.status_counts(reg, run_id),
                      paused[0] if paused else None)
