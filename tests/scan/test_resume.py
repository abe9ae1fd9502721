"""A scan killed with SIGKILL midway resumes with nothing lost and nothing counted twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.scan._scan_helpers import materialise_cuad

N = 30


def _done(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM scan_items WHERE state = 'done'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_midway_then_the_same_command_finishes_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "cuad"
    materialise_cuad(folder, N, max_chars=12_000)
    db = tmp_path / "r.sqlite"
    cmd = [sys.executable, "-c", "from termguard.cli.app import main; main()", "scan", str(folder), "--db",
           str(db), "--workers", "2", "--no-progress", "--format", "json"]
    env = dict(os.environ)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while _done(db) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the scan and its workers die at once, like a crash
    proc.wait()
    done_at_kill = _done(db)
    assert 0 < done_at_kill < N, f"kill landed at {done_at_kill} of {N}"

    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    body = json.loads(res.stdout)
    assert body["resumed_from"] >= done_at_kill and body["processed"] == N - body["resumed_from"]
    assert body["counts"] == {"ok": N} and len(body["files"]) == N

    with sqlite3.connect(db) as c:
        states = c.execute("SELECT state, count(*) FROM scan_items GROUP BY state").fetchall()
        attempts = dict(c.execute("SELECT label, attempts FROM scan_items").fetchall())
        docs = c.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone()
        reviews = c.execute("SELECT count(*), count(DISTINCT document_id) FROM reviews").fetchone()
    assert states == [("done", N)]
    assert docs == (N, N) and reviews == (N, N)
    assert max(attempts.values()) <= 2  # only the few in flight at the kill ran twice; none poisoned
    assert sum(1 for a in attempts.values() if a == 2) <= 4  # the in-flight window (2 workers × 2)
