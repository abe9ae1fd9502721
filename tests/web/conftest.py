"""Fixtures for the web app: an in-process client per settings, a real server on a free port for browsers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from termguard.cli.common import sample_path
from termguard.web import WebSettings, create_app

HERE = Path(__file__).parent
BASE = "http://127.0.0.1:8000"


def client_for(settings: WebSettings | None = None, base_url: str = BASE) -> TestClient:
    return TestClient(create_app(settings or WebSettings.build()), base_url=base_url)


@pytest.fixture
def client() -> TestClient:
    """A loopback client that has loaded one page, so it holds the CSRF cookie like a browser would."""
    c = client_for()
    c.get("/")
    return c


def csrf_headers(c: TestClient) -> dict[str, str]:
    return {"x-csrf-token": c.cookies["tg_csrf"]}


@pytest.fixture
def sample_bytes() -> bytes:
    return sample_path().read_bytes()


def upload(c: TestClient, data: bytes, name: str = "acme-dpa.md") -> dict:
    r = c.post("/api/v1/reviews", files={"file": (name, data)}, headers=csrf_headers(c))
    assert r.status_code == 201, r.text
    return r.json()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a daemon thread; `stop()` asks it to exit and waits at most a few seconds."""

    def __init__(self, settings: WebSettings) -> None:
        import uvicorn

        self.settings = settings
        self.url = f"http://127.0.0.1:{settings.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=settings.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    port = free_port()
    srv = LiveServer(WebSettings.build("127.0.0.1", port, max_upload_bytes=2 * 1024 * 1024)).start()
    yield srv
    srv.stop()
