"""The parser child: limits hold, every way it can die becomes an IngestError, results come back intact."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from ingest_builders import refused

from termguard.errors import IngestError
from termguard.ingest import Limits, load_bytes, sandbox

pytestmark = pytest.mark.skipif(not sandbox.available(), reason="needs os.fork")


def _sleep() -> None:
    time.sleep(30)


def _allocate() -> bytes:
    return b"x" * (1 << 30)


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _buggy() -> None:
    raise KeyError("parser bug")


def _smuggle() -> Path:
    return Path("/")


def _write_file() -> None:
    with open("/tmp/termguard-sandbox-should-not-write", "wb") as handle:
        handle.write(b"x" * 10)


def test_wall_clock_timeout_kills_the_child() -> None:
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        sandbox.run_isolated(_sleep, Limits(timeout_s=0.5), "slow.pdf")
    assert time.perf_counter() - started < 3
    refused(info.value, "limit-exceeded", "slow.pdf")
    assert "time" in info.value.message


def test_memory_limit_is_enforced() -> None:
    with pytest.raises(IngestError) as info:
        sandbox.run_isolated(_allocate, Limits(memory_mb=256), "fat.pdf")
    refused(info.value, "limit-exceeded", "fat.pdf")
    assert "memory" in info.value.message


def test_child_killed_by_a_signal_is_reported_as_memory() -> None:
    with pytest.raises(IngestError) as info:
        sandbox.run_isolated(_segfault, Limits(), "crash.pdf")
    refused(info.value, "limit-exceeded", "crash.pdf")
    assert "SIGSEGV" in info.value.message


def test_unexpected_exception_is_an_internal_error() -> None:
    with pytest.raises(IngestError) as info:
        sandbox.run_isolated(_buggy, Limits(), "bug.pdf")
    refused(info.value, "error", "bug.pdf")
    assert info.value.code == "E110" and "KeyError" in info.value.message


def test_parent_refuses_to_unpickle_other_classes() -> None:
    with pytest.raises(IngestError) as info:
        sandbox.run_isolated(_smuggle, Limits(), "evil.pdf")
    refused(info.value, "error", "evil.pdf")
    assert "refused class" in info.value.message


def test_child_cannot_write_files() -> None:
    target = Path("/tmp/termguard-sandbox-should-not-write")
    target.unlink(missing_ok=True)
    with pytest.raises(IngestError):
        sandbox.run_isolated(_write_file, Limits(), "writer.pdf")
    assert not target.exists() or target.stat().st_size == 0
    target.unlink(missing_ok=True)


def test_fifty_page_pdf_loads_isolated(fifty_page_pdf: bytes) -> None:
    """Speed is measured by scripts/bench.py and tests/ingest/bench_ingest.py, not asserted here."""
    doc = load_bytes(fifty_page_pdf, "fifty.pdf")
    assert doc.pages == 50
