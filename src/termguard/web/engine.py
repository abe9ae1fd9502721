"""Bytes in, Report out: the only place the web app calls the review pipeline.

Uploads are reviewed from memory (`ingest.load_bytes`), never written to disk under a client-chosen name.
"""

from __future__ import annotations

from termguard.errors import IngestError
from termguard.model.document import Document
from termguard.model.report import Report
from termguard.pipeline import analyse


def _load(data: bytes, name: str) -> Document:
    try:
        from termguard.ingest import load_bytes
    except ImportError:  # pragma: no cover - only while ingest's dispatcher is unfinished
        return _load_text(data, name)
    return load_bytes(data, name)


def _load_text(data: bytes, name: str) -> Document:
    """Stand-in for `load_bytes` covering text and Markdown only (until the ingest dispatcher lands)."""
    from termguard.ingest.limits import Limits
    from termguard.ingest.sniff import sniff_binary, text_kind
    from termguard.ingest.text import decode, read_text

    if sniff_binary(data[:4096]):
        raise IngestError("E103", "this build of the web app reads only text and Markdown", status="unsupported",
                          path=name)
    warnings: list[str] = []
    text = decode(data, name, warnings)
    return read_text(data, name, Limits(), text_kind(text), text, warnings)


def review_bytes(data: bytes, name: str, playbook: str) -> Report:
    """Review one upload. Raises IngestError (unreadable file) or RuleError (bad playbook)."""
    return analyse(_load(data, name), playbook)
