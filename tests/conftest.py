"""Shared fixtures: where the reference data lives (skipped cleanly when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TERMGUARD_DATA", ROOT.parent / "shared" / "data"))
VENDOR_DOCS = DATA / "vendor_terms" / "docs"


def latest_vendor_docs() -> list[Path]:
    """The newest version of every vendor document in the reference data."""
    if not VENDOR_DOCS.is_dir():
        return []
    out = []
    for folder in sorted(p for p in VENDOR_DOCS.glob("*/*") if p.is_dir()):
        versions = sorted(folder.glob("*.md"))
        if versions:
            out.append(versions[-1])
    return out


@pytest.fixture
def vendor_docs() -> list[Path]:
    docs = latest_vendor_docs()
    if not docs:
        pytest.skip(f"reference data not found at {VENDOR_DOCS}")
    return docs
