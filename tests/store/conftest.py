"""Fixtures for register tests: a fresh SQLite register per test."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs PostgreSQL server binaries and psycopg")


@pytest.fixture
def reg(tmp_path: Path):
    from termguard.store import Register

    r = Register(f"sqlite:///{tmp_path / 'register.sqlite'}")
    yield r
    r.close()
