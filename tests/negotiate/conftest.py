"""Shared fixtures: a small vendor-style contract as text and as a multi-run, Word-numbered DOCX."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from docx_fixture import md_to_docx  # noqa: E402

VENDOR_TERMS = """# Acme AI Master Terms

## Data

1. We may use your content to develop and improve our services, including to train our machine learning models.
2. We will notify you of any Security Incident promptly.
3. Our total liability shall not exceed USD 100.
4. We may change these terms at any time and your continued use of the service means you accept the change.
"""


@pytest.fixture(scope="session")
def vendor_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return md_to_docx(VENDOR_TERMS, tmp_path_factory.mktemp("vendor") / "acme-terms.docx")


@pytest.fixture(scope="session")
def pack(vendor_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from termguard.assess.playbook import load_playbook
    from termguard.negotiate.pack import build_pack
    from termguard.pipeline import review

    folder = tmp_path_factory.mktemp("pack") / "acme-negotiation"
    build_pack(review(vendor_docx, "strict"), load_playbook("strict"), vendor_docx, folder)
    return folder
