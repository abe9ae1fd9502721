"""Run one parser call in a forked child with memory, CPU, file-size and core-dump limits and a wall clock.

Why fork: the parent has already imported pypdfium2/lxml, so a child costs a few milliseconds (no re-import,
no pickling of the input: the bytes are inherited). The child sets its rlimits before it touches the document,
writes one length-prefixed pickle to a pipe and `_exit`s. The parent accepts only the classes in
`_ALLOWED` when unpickling, so even a child subverted by a malicious file cannot make the parent run code.

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

_HEADER = struct.Struct("!Q")
_FORK_LOCK = threading.Lock()  # no other thread may fork while a pipe's write end is open in the parent
_ALLOWED = {
    ("termguard.model.document", "Document"),
    ("termguard.model.document", "Block"),
    ("termguard.model.document", "TextMap"),
}

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
        return ("ok", parse())
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
    """Wait for the child; kill it first when it overran or went silent. Returns the wait status."""
    if force:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            return os.waitpid(pid, 0)[1]
        time.sleep(0.001)


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
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"refused class {module}.{name}")
        return super().find_class(module, name)


def _unpack(payload: bytes, name: str) -> Any:
    try:
        message = _Restricted(io.BytesIO(payload)).load()
    except Exception as exc:
        raise codes.fail(codes.INTERNAL, f"unreadable result from parser process ({exc})", name) from exc
    if message[0] == "ok":
        return message[1]
    _, code, text = message
    raise codes.fail(code, text, name)
