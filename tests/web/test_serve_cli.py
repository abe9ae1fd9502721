"""`termguard serve` as a user runs it: prints the URL (and a token off loopback), refuses big bodies early."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from tests.web.conftest import free_port


@contextmanager
def serve(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "termguard.cli.app", "serve", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield proc, line
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def test_serve_binds_loopback_and_prints_the_url() -> None:
    with serve() as (_proc, line):
        assert line.startswith("termguard serving on http://127.0.0.1:")
        url = line.split()[-1]
        assert httpx.get(url + "api/v1/healthz", timeout=5).json()["status"] == "ok"


def test_serve_beyond_loopback_prints_a_token_and_requires_it() -> None:
    with serve("--host", "0.0.0.0", "--token", "tok-123456789") as (_proc, line):
        assert line.rstrip().endswith("?token=tok-123456789")
        port = line.split(":")[2].split("/")[0]
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(base + "/api/v1/healthz", timeout=5).status_code == 401
        ok = httpx.get(base + "/api/v1/healthz", headers={"authorization": "Bearer tok-123456789"}, timeout=5)
        assert ok.status_code == 200


def test_a_real_server_answers_413_to_a_huge_declared_upload_before_the_body_is_sent() -> None:
    with serve("--max-upload-mb", "1") as (_proc, line):
        port = int(line.split(":")[2].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(b"POST /api/v1/reviews HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                      b"boundary=x\r\nContent-Length: 10000000000\r\n\r\n")
            reply = s.recv(4096)
        assert reply.startswith(b"HTTP/1.1 413")
