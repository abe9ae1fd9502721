"""`--backend ray`: the same `review_task` as a Ray task, for portfolios beyond one machine.

Only the driver (the `termguard scan` process) reads inputs and writes the register, so Ray workers need no
access to the files or the database: each task receives the document's bytes (`Task.data`) and returns an
`Outcome`. With `--ray-address auto` (or RAY_ADDRESS) it joins a running cluster; without it starts a local
Ray instance with `--workers` CPUs. Limits: a wall clock per document (the task is force-cancelled, which
kills its worker process); memory is bounded by the ingest's parser sandbox and by Ray's own memory
monitor — RLIMIT_AS is not set on Ray workers, whose shared-memory mappings would trip it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from termguard.scan.backends import crashed_outcome, timeout_outcome
from termguard.scan.worker import Outcome, Task, read_input, review_task

_POLL_S = 0.5


def _ship(task: Task) -> Task | Outcome:
    """Attach the bytes (capped: a file over the size limit is cut at limit + 1, so ingest refuses it)."""
    try:
        if task.member is not None:
            data = read_input(task)
        else:
            cap = max(task.limits.max_bytes, task.limits.max_text_bytes) + 1
            with open(task.path, "rb") as fh:
                data = fh.read(cap)
    except OSError as exc:
        return Outcome(task.item_id, "error", f"cannot read: {exc.strerror or type(exc).__name__} [E109]")
    except Exception as exc:  # noqa: BLE001 - IngestError from a bad archive member
        status = getattr(exc, "status", "error")
        return Outcome(task.item_id, status, getattr(exc, "message", type(exc).__name__))
    return replace(task, data=data, member=None)


class RayBackend:
    name = "ray"

    def __init__(self, workers: int = 2, timeout_s: float = 120.0, address: str | None = None) -> None:
        self.workers, self.timeout_s = max(1, workers), timeout_s
        self.address = address or os.environ.get("RAY_ADDRESS")

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        import ray

        started = not ray.is_initialized()
        if started:
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                      "ignore_reinit_error": True}
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = self.workers
            ray.init(**kwargs)
        remote = ray.remote(num_cpus=1, max_retries=0)(review_task)
        window = self.workers * 2
        inflight: dict[Any, tuple[Task, float]] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(inflight) < window:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    shipped = _ship(task)
                    if isinstance(shipped, Outcome):
                        yield shipped
                        continue
                    inflight[remote.remote(shipped)] = (task, time.monotonic())
                if not inflight:
                    return
                ready, _ = ray.wait(list(inflight), num_returns=1, timeout=_POLL_S)
                for ref in ready:
                    task, _t0 = inflight.pop(ref)
                    try:
                        yield ray.get(ref)
                    except ray.exceptions.RayError as exc:
                        yield crashed_outcome(task, type(exc).__name__)
                now = time.monotonic()
                for ref, (task, t0) in list(inflight.items()):
                    if now - t0 > self.timeout_s:
                        ray.cancel(ref, force=True)
                        del inflight[ref]
                        yield timeout_outcome(task, self.timeout_s)
        finally:
            for ref in inflight:
                ray.cancel(ref, force=True)
            if started:
                ray.shutdown()
