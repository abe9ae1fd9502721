"""Fixtures for ingest tests: every file is generated here, nothing binary is committed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # pytest runs with --import-mode=importlib: test helpers are not on sys.path
try:
    import termguard  # noqa: F401
except ImportError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parents[1] / "src"))

from ingest_builders import contract_pdf


@pytest.fixture(scope="session")
def contract_pdf_bytes() -> bytes:
    """Five pages, numbered sections, a running header and a 'Page n of N' footer; a marker on page 3."""
    return contract_pdf(pages=5)


@pytest.fixture(scope="session")
def fifty_page_pdf() -> bytes:
    return contract_pdf(pages=50)
