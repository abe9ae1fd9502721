"""Ingest error codes and the status each maps to; `__init__` documents the same table for users."""

from __future__ import annotations

from termguard.errors import IngestError

EMPTY = "E101"  # empty file or whitespace only
UNSUPPORTED = "E102"  # legacy .doc, non-DOCX zip, binary data
NEEDS_PASSWORD = "E103"  # encrypted PDF
NO_TEXT_LAYER = "E104"  # scanned / image-only PDF
CORRUPT = "E105"  # truncated or malformed PDF / DOCX
LIMIT = "E106"  # size, pages, chars, time or memory
ZIP_BOMB = "E107"  # archive that declares too much, or overlapping entries
DECODE = "E108"  # looks like text but no encoding decodes it
UNREADABLE = "E109"  # missing file, directory, permission denied
INTERNAL = "E110"  # parser crashed in an unexpected way

STATUS: dict[str, str] = {
    EMPTY: "rejected",
    UNSUPPORTED: "unsupported",
    NEEDS_PASSWORD: "needs-password",
    NO_TEXT_LAYER: "no-text-layer",
    CORRUPT: "error",
    LIMIT: "limit-exceeded",
    ZIP_BOMB: "rejected",
    DECODE: "error",
    UNREADABLE: "error",
    INTERNAL: "error",
}


def fail(code: str, message: str, path: str = "") -> IngestError:
    """Build the IngestError for `code`, so every raise site gets the catalogue's status for free."""
    return IngestError(code=code, message=message, status=STATUS[code], path=path)
