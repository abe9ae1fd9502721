"""Where the per-document work runs. A backend takes a lazy iterator of `Task`s and yields `Outcome`s.

It pulls the next task only when a slot frees up, which is what keeps the in-flight window small: the
scan claims an input (state `running`) only at that moment. Results come back to the one process that
writes the register (one writer, as SQLite wants).

`LocalBackend` uses a pebble `ProcessPool` (not `multiprocessing.Pool`, which hangs for ever when a worker
dies): a per-document `timeout=` kills the worker, `max_tasks` recycles workers so a leak cannot build up,
and a worker that dies (segfault, OOM kill) fails only its own document. `RayBackend` is in `ray_backend.py`.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterator
from typing import Protocol

from termguard.scan.worker import Outcome, Task, init, review_task


class Backend(Protocol):
    name: str

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]: ...


def timeout_outcome(task: Task, timeout_s: float) -> Outcome:
    return Outcome(task.item_id, "limit-exceeded",
                   f"limit exceeded (time): reviewing took over {timeout_s:g} s [E106]", seconds=timeout_s)


def crashed_outcome(task: Task, what: str) -> Outcome:
    return Outcome(task.item_id, "error", f"worker process died ({what}) [E110]")


class LocalBackend:
    name = "local"

    def __init__(self, workers: int = 2, timeout_s: float = 120.0, memory_mb: int = 2048,
                 max_tasks: int = 100) -> None:
        self.workers, self.timeout_s, self.memory_mb, self.max_tasks = max(1, workers), timeout_s, memory_mb, max_tasks

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        from pebble import ProcessExpired, ProcessPool

        window = self.workers * 2
        with ProcessPool(max_workers=self.workers, max_tasks=self.max_tasks, initializer=init,
                         initargs=(self.memory_mb,)) as pool:
            inflight: dict[cf.Future[Outcome], Task] = {}
            exhausted = False
            try:
                while True:
                    while not exhausted and len(inflight) < window:
                        task = next(tasks, None)
                        if task is None:
                            exhausted = True
                            break
                        inflight[pool.schedule(review_task, args=(task,), timeout=self.timeout_s)] = task
                    if not inflight:
                        return
                    done, _ = cf.wait(list(inflight), return_when=cf.FIRST_COMPLETED)
                    for fut in done:
                        task = inflight.pop(fut)
                        try:
                            yield fut.result()
                        except TimeoutError:
                            yield timeout_outcome(task, self.timeout_s)
                        except ProcessExpired as exc:
                            yield crashed_outcome(task, f"exit code {exc.exitcode}")
                        except Exception as exc:  # noqa: BLE001 - pickling or pool errors: this file only
                            yield crashed_outcome(task, type(exc).__name__)
            finally:
                for fut in inflight:
                    fut.cancel()
                pool.stop()


def make_backend(name: str, workers: int, timeout_s: float, memory_mb: int, address: str | None = None) -> Backend:
    if name == "ray":
        from termguard.scan.ray_backend import RayBackend

        return RayBackend(workers=workers, timeout_s=timeout_s, address=address)
    return LocalBackend(workers=workers, timeout_s=timeout_s, memory_mb=memory_mb)
