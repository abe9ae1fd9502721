"""The scan's progress bar (rich, on stderr): done/total, rate in documents per second, ETA, and one line
per file whose status is not `ok` (every file with --verbose). Contract text is never printed."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from termguard.scan.worker import Outcome

_CONTROL = dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0)], " ")


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "-- docs/s", style="cyan")


class ScanProgress:
    def __init__(self, enabled: bool, verbose: bool = False) -> None:
        self.console = Console(stderr=True)
        self.verbose, self.enabled = verbose, enabled
        self.progress = Progress(TextColumn("scan"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                                 TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                 console=self.console, disable=not enabled, speed_estimate_period=60)
        self.task: TaskID | None = None

    def __enter__(self) -> ScanProgress:
        self.progress.start()
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.progress.stop()

    def start(self, total: int, done: int) -> None:
        self.task = self.progress.add_task("scan", total=total, completed=done)
        if done:
            self.console.print(f"resuming: {done} of {total} file(s) already done", highlight=False, soft_wrap=True)

    def item(self, label: str, out: Outcome) -> None:
        if self.task is not None:
            self.progress.advance(self.task)
        if out.status != "ok" or self.verbose:
            reason = f": {out.reason}" if out.reason else ""
            # one line per file, never hard-wrapped: a log stays greppable and a label is never cut in two
            line = f"{label}: {out.status}{reason}".translate(_CONTROL)  # a file name may hold ESC sequences
            self.console.print(line, highlight=False, markup=False, soft_wrap=True)
