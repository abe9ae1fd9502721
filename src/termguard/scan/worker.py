"""The per-document work of a scan: read one input, review it, return a picklable `Outcome`.

It runs in a worker process (pebble, or a Ray task) and never raises: every failure becomes one of the
terminal statuses (`errors.STATUSES`) with a reason that names no content. Why a second layer of limits on
top of the ingest's parser sandbox: segmentation and rule matching also run on attacker-controlled text, so
the worker itself gets an address-space cap (`init`) and the pool gives it a wall clock (`timeout=`).
"""

from __future__ import annotations

import resource
import time
import zipfile
from dataclasses import dataclass, field

from termguard.errors import IngestError
from termguard.ingest.limits import MB, Limits
from termguard.model.report import Report


@dataclass(frozen=True)
class Task:
    item_id: int
    label: str
    path: str
    member: str | None
    playbook: str
    limits: Limits = field(default_factory=Limits)
    data: bytes | None = None  # shipped bytes (Ray: the worker may run on another machine)


@dataclass(frozen=True)
class Outcome:
    item_id: int
    status: str
    reason: str
    report: Report | None = None
    sha256: str | None = None
    seconds: float = 0.0


def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def init(memory_mb: int) -> None:
    """Pool initializer: cap this worker's address space (soft limit only, so the parser child may set its
    own) and never write core dumps, which would hold contract text."""
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = _address_space() + memory_mb * MB
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):
        pass


def warm(playbook: str) -> None:
    """Load the catalogue, recognizers and playbook once in the parent, so forked workers inherit them
    instead of each compiling every rule file on its first document."""
    from termguard.assess.playbook import load_playbook
    from termguard.classify.registry import recognizers

    load_playbook(playbook)
    recognizers(None)


NESTED = "zip archive inside an archive: not opened (one level only; unzip it and scan the folder)"


def read_input(task: Task) -> bytes:
    """The input's bytes: shipped, a zip member read in memory (vetted again), or the file (via ingest)."""
    from termguard.ingest import codes
    from termguard.ingest.zipguard import check_entries, read_member

    if task.data is not None:
        data = task.data
        if task.member is not None and data[:4] == b"PK\x03\x04" and not _office(data):
            raise codes.fail(codes.UNSUPPORTED, NESTED, task.label)
        return data
    if task.member is None:
        raise ValueError("plain files are read by ingest.load")
    import os

    try:
        with zipfile.ZipFile(task.path) as zf:
            info = zf.getinfo(task.member)
            check_entries([info], os.path.getsize(task.path), task.label)
            if info.file_size > max(task.limits.max_bytes, task.limits.max_text_bytes):
                raise codes.fail(codes.LIMIT, f"limit exceeded (size): {info.file_size} bytes", task.label)
            data = read_member(zf, task.member, task.label)
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise codes.fail(codes.CORRUPT, f"cannot read archive member ({type(exc).__name__})", task.label) from exc
    if data[:4] == b"PK\x03\x04" and not _office(data):
        raise codes.fail(codes.UNSUPPORTED, NESTED, task.label)
    return data


def _office(data: bytes) -> bool:
    """A DOCX (or other Office file) is a zip too: it is a document, not a nested archive."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return True  # not a readable zip: let the reader say what it is
    return "[Content_Types].xml" in names or "word/document.xml" in names


def review_task(task: Task) -> Outcome:
    """Read and review; map every failure to a status."""
    from termguard.ingest import load, load_bytes
    from termguard.pipeline import analyse

    t0 = time.perf_counter()
    try:
        if task.member is None and task.data is None:
            doc = load(task.path, task.limits)
        else:
            doc = load_bytes(read_input(task), task.label, task.limits)
        report = analyse(doc, task.playbook)
    except IngestError as exc:
        return Outcome(task.item_id, exc.status, f"{exc.message} [{exc.code}]", seconds=time.perf_counter() - t0)
    except MemoryError:
        return Outcome(task.item_id, "limit-exceeded", "limit exceeded (memory): review needed over "
                       f"{task.limits.memory_mb} MB [E106]", seconds=time.perf_counter() - t0)
    except RecursionError:
        return Outcome(task.item_id, "error", "review failed: nesting too deep [E110]",
                       seconds=time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - one poisoned file never stops a scan
        return Outcome(task.item_id, "error", f"review failed: {type(exc).__name__} [E110]",
                       seconds=time.perf_counter() - t0)
    partial = [w for w in doc.warnings if w.startswith("partial:")]
    status, reason = ("partial", "; ".join(partial)) if partial else ("ok", "")
    return Outcome(task.item_id, status, reason, report, doc.sha256, time.perf_counter() - t0)
