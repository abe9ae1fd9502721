"""Run one parser call in a forked child with memory, CPU, file-size and core-dump limits and a wall clock.

Why fork: the parent has already imported pypdfium2/lxml, so a child costs a few milliseconds (no re-import,
no pickling of the input: the bytes are inherited). The child sets its rlimits before it touches the document,
writes one length-prefixed pickle to a pipe and `_exit`s. A Document travels as plain tuples (see `_encode`):
that is 3-4x cheaper than pickling thousands of Block dataclasses, and it lets the parent's unpickler refuse
every class, so even a child subverted by a malicious file cannot make the parent run code.

Outcomes: a result or an IngestError from the child; wall clock over → child killed → E106 (time); SIGXCPU →
E106 (time); MemoryError or death by another signal → E106 (memory); clean exit with no result → E110.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import math
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

from termguard.errors import IngestError
from termguard.ingest import codes
from termguard.ingest.limits import MB, Limits
from termguard.model.document import Block, Document, TextMap

_HEADER = struct.Struct("!Q")
_FORK_LOCK = threading.Lock()  # no other thread may fork while a pipe's write end is open in the parent
_DOCUMENT = "termguard.Document/1"

Parser = Callable[[], Any]


def available() -> bool:
    """Whether this platform can fork (Windows cannot: parsing then runs in-process)."""
    return hasattr(os, "fork")


def run_isolated(parse: Parser, limits: Limits, name: str) -> Any:
    """Call `parse()` in a child process under `limits`; return its result or raise IngestError."""
    with _FORK_LOCK:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: never returns
            os.close(read_fd)
            _child(parse, limits, write_fd)
        os.close(write_fd)
    try:
        payload, timed_out = _collect(read_fd, time.monotonic() + limits.timeout_s)
    finally:
        os.close(read_fd)
    status = _reap(pid, force=timed_out or payload is None)
    if timed_out:
        raise codes.fail(
            codes.LIMIT, f"limit exceeded (time): parsing took over {limits.timeout_s:g} s", name
        )
    if payload is None:
        raise _death(status, limits, name)
    return _unpack(payload, name)


def _child(parse: Parser, limits: Limits, write_fd: int) -> None:
    """Limit ourselves, parse, send one message, exit without running the parent's atexit handlers."""
    code = 0
    out_of_memory = pickle.dumps(
        ("err", codes.LIMIT, f"limit exceeded (memory): parser needed over {limits.memory_mb} MB")
    )  # built before the limit, so it can still be sent when memory has run out
    try:
        faulthandler.disable()  # a crash is reported by the parent, not dumped on a shared stderr
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _limit_self(limits)
        try:
            _send(write_fd, pickle.dumps(_call(parse), protocol=pickle.HIGHEST_PROTOCOL))
        except MemoryError:
            _send(write_fd, out_of_memory)
    except BaseException:  # noqa: BLE001 - nothing may escape a forked child
        code = 70
    finally:
        os._exit(code)


def _call(parse: Parser) -> tuple[Any, ...]:
    """Run the parse and wrap the outcome: ("ok", result) or ("err", code, message)."""
    try:
        return ("ok", _encode(parse()))
    except IngestError as exc:
        return ("err", exc.code, exc.message)
    except RecursionError:
        return ("err", codes.CORRUPT, "corrupt document: structure nested too deeply")
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser bug becomes a reported error, never a traceback
        return ("err", codes.INTERNAL, f"parser failed: {type(exc).__name__}: {str(exc)[:200]}")


def _limit_self(limits: Limits) -> None:
    """RLIMIT_AS counts from what the fork inherited, so a big parent does not starve the child."""
    cpu = math.ceil(limits.timeout_s) + 1
    _setrlimit(resource.RLIMIT_CPU, cpu, cpu + 1)
    _setrlimit(resource.RLIMIT_CORE, 0, 0)
    _setrlimit(resource.RLIMIT_FSIZE, 0, 0)
    _setrlimit(resource.RLIMIT_AS, _address_space() + limits.memory_mb * MB, None)


def _setrlimit(which: int, soft: int, hard: int | None) -> None:
    try:
        current_hard = resource.getrlimit(which)[1]
        if hard is None or (current_hard != resource.RLIM_INFINITY and hard > current_hard):
            hard = current_hard
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError):
        pass  # a platform without this limit still gets the wall clock


def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _send(fd: int, payload: bytes) -> None:
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def _collect(fd: int, deadline: float) -> tuple[bytes | None, bool]:
    """Read the length-prefixed message until EOF or the deadline; (payload or None, timed_out)."""
    poller = select.poll()  # not select(): it fails for descriptors above 1024 in a busy server
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(math.ceil(remaining * 1000)):
            return None, True
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    data = b"".join(chunks)
    if len(data) < _HEADER.size:
        return None, False
    (length,) = _HEADER.unpack_from(data)
    payload = data[_HEADER.size :]
    return (payload if len(payload) == length else None), False


def _reap(pid: int, force: bool) -> int:
    """Wait for the child and return its wait status; kill it first when it overran or went silent.

    A child that sent its whole message is already in `_exit`, so a blocking wait is safe and saves the
    polling latency; a silent or overrunning one is killed, then waited for.
    """
    if force:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def _death(status: int, limits: Limits, name: str) -> IngestError:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signame = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
        if sig == signal.SIGXCPU:
            return codes.fail(codes.LIMIT, f"limit exceeded (time): CPU limit reached ({signame})", name)
        return codes.fail(
            codes.LIMIT,
            f"limit exceeded (memory): parser killed by {signame} (limit {limits.memory_mb} MB)",
            name,
        )
    return codes.fail(
        codes.INTERNAL, f"parser exited with status {os.WEXITSTATUS(status)} and no result", name
    )


class _Restricted(pickle.Unpickler):
    """Unpickles builtins only (str, int, tuple, ...): any class reference is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused class {module}.{name}")


def _encode(result: Any) -> Any:
    """Flatten a Document to tuples of builtins; anything else is sent as it is."""
    if not isinstance(result, Document):
        return result
    blocks = tuple(
        (b.start, b.end, b.page, b.paragraph, b.heading_level, b.label, b.bold) for b in result.blocks
    )
    return (
        _DOCUMENT,
        result.path,
        result.sha256,
        result.format,
        result.text,
        result.textmap.line_starts,
        result.textmap.page_starts,
        result.pages,
        result.title,
        blocks,
        result.warnings,
    )


def _decode(value: Any) -> Any:
    if not (isinstance(value, tuple) and value and value[0] == _DOCUMENT):
        return value
    _, path, sha, fmt, text, line_starts, page_starts, pages, title, blocks, warnings = value
    return Document(
        path=path,
        sha256=sha,
        format=fmt,
        text=text,
        textmap=TextMap(line_starts, page_starts),
        pages=pages,
        title=title,
        blocks=tuple(Block(*b) for b in blocks),
        warnings=warnings,
    )


def _unpack(payload: bytes, name: str) -> Any:
    try:
        message = _Restricted(io.BytesIO(payload)).load()
    except Exception as exc:
        raise codes.fail(codes.INTERNAL, f"unreadable result from parser process ({exc})", name) from exc
    if message[0] == "ok":
        return _decode(message[1])
    _, code, text = message
    raise codes.fail(code, text, name)
