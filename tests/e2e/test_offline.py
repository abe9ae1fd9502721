"""Analysis opens no network connection: every socket entry point raises during a review."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from termguard.cli.common import sample_path
from termguard.pipeline import review


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:80])
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_review_opens_no_network_connection(no_network: list[str], vendor_docs: list[Path]) -> None:
    review(sample_path())
    review(vendor_docs[0])
    assert no_network == []


def test_the_guard_itself_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network
