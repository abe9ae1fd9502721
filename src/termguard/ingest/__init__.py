"""file → Document. `load(path)` sniffs the content (never the extension) and dispatches to one adapter.

Public interface (used by pipeline, scan and web):
    load(path: str | os.PathLike, limits: Limits | None = None, *, isolate: bool = True) -> Document
    load_bytes(data: bytes, name: str, limits: Limits | None = None, *, isolate: bool = True) -> Document
    Limits: max_bytes, max_text_bytes, max_pages, timeout_s, memory_mb, max_chars

Both raise `termguard.errors.IngestError` for every failure, never anything else:

| code | status         | when                                                                       |
|------|----------------|----------------------------------------------------------------------------|
| E101 | rejected       | empty: 0 bytes, whitespace only, or a PDF/DOCX/HTML with no text at all    |
| E102 | unsupported    | legacy .doc/.xls (OLE2), zip that is not a DOCX, images, RTF, binary data  |
| E103 | needs-password | encrypted PDF that needs a password to open                                |
| E104 | no-text-layer  | PDF whose pages have content but no text (scanned); OCR is not built in    |
| E105 | error          | corrupt or truncated PDF, DOCX zip or XML                                  |
| E106 | limit-exceeded | size, pages, chars, time or memory; the message names which               |
| E107 | rejected       | zip bomb or unsafe zip (declared sizes, ratio, entry count, overlaps)      |
| E108 | error          | looks like text but will not decode (bad UTF-16, no encoding fits)         |
| E109 | error          | cannot read the file (missing, a directory, permission denied)            |
| E110 | error          | parser crashed unexpectedly or its process died without a result           |

`IngestError.one_line()` gives "<file>: <status>: <reason> [<code>]". Documents that were read but not wholly
(some scanned pages, a guessed encoding, headers removed) carry it in `Document.warnings`; a warning that
starts with "partial:" means text is missing.

PDF, DOCX and HTML are parsed in a forked child with rlimits and a wall clock (see `sandbox`);
`isolate=False` parses in-process (tests, benchmarks). Text and Markdown are decoded in-process.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from termguard.errors import IngestError
from termguard.ingest import codes, sandbox
from termguard.ingest.limits import DEFAULT_LIMITS, Limits
from termguard.ingest.sniff import HEAD_BYTES, OLE2, PDF, ZIP, known_binary, sniff_binary, text_kind
from termguard.model.document import Document

__all__ = ["IngestError", "Limits", "load", "load_bytes"]

_LEGACY = "unsupported format: legacy .doc/.xls binary format, save as .docx or PDF"


def load(path: str | os.PathLike[str], limits: Limits | None = None, *, isolate: bool = True) -> Document:
    """Read and extract one file. The size cap is checked from the file's size before reading it."""
    name = os.fspath(path)
    limits = limits or DEFAULT_LIMITS
    return _dispatch(_read_capped(name, limits), name, limits, isolate)


def load_bytes(data: bytes, name: str, limits: Limits | None = None, *, isolate: bool = True) -> Document:
    """Extract a document held in memory. `name` is only a label for messages and `Document.path`."""
    limits = limits or DEFAULT_LIMITS
    if not data:
        raise codes.fail(codes.EMPTY, "empty file (0 bytes)", name)
    _check_size(len(data), _cap(data[:HEAD_BYTES], limits), name)
    return _dispatch(data, name, limits, isolate)


def _cap(head: bytes, limits: Limits) -> int:
    """Binary formats may be large; text-like ones are held and scanned whole, so they get a smaller cap."""
    return limits.max_bytes if sniff_binary(head) else limits.max_text_bytes


def _check_size(size: int, cap: int, name: str) -> None:
    if size > cap:
        raise codes.fail(codes.LIMIT, f"limit exceeded (size): {size} bytes, limit {cap}", name)


def _read_capped(name: str, limits: Limits) -> bytes:
    """Stat, sniff the head, refuse from the size alone, then read at most the cap (the file may grow)."""
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise codes.fail(codes.UNREADABLE, "cannot read: is a directory", name)
        if not stat.S_ISREG(info.st_mode):
            raise codes.fail(codes.UNREADABLE, "cannot read: not a regular file", name)
        if info.st_size == 0:
            raise codes.fail(codes.EMPTY, "empty file (0 bytes)", name)
        _check_size(info.st_size, max(limits.max_bytes, limits.max_text_bytes), name)
        with open(name, "rb") as handle:
            head = handle.read(HEAD_BYTES)
            cap = _cap(head, limits)
            _check_size(info.st_size, cap, name)
            data = head + handle.read(cap + 1 - len(head))
    except FileNotFoundError as exc:
        raise codes.fail(codes.UNREADABLE, "cannot read: file not found", name) from exc
    except PermissionError as exc:
        raise codes.fail(codes.UNREADABLE, "cannot read: permission denied", name) from exc
    except OSError as exc:
        raise codes.fail(codes.UNREADABLE, f"cannot read: {exc.strerror or exc}", name) from exc
    _check_size(len(data), cap, name)
    if not data:
        raise codes.fail(codes.EMPTY, "empty file (0 bytes)", name)
    return data


def _dispatch(data: bytes, name: str, limits: Limits, isolate: bool) -> Document:
    head = data[:HEAD_BYTES]
    kind = sniff_binary(head)
    if kind == OLE2:
        raise codes.fail(codes.UNSUPPORTED, _LEGACY, name)
    if kind == PDF:
        from termguard.ingest.pdf import read_pdf  # imported in the parent so forked children share it

        return _run(lambda: read_pdf(data, name, limits), limits, name, isolate)
    if kind == ZIP:
        from termguard.ingest.docx_reader import read_docx

        return _run(lambda: read_docx(data, name, limits), limits, name, isolate)
    what = known_binary(head)
    if what:
        raise codes.fail(codes.UNSUPPORTED, f"unsupported format: {what}", name)
    return _textual(data, name, limits, isolate)


def _textual(data: bytes, name: str, limits: Limits, isolate: bool) -> Document:
    from termguard.ingest.html_reader import declared_charset, read_html
    from termguard.ingest.text import decode, read_text

    warnings: list[str] = []
    text = decode(data, name, warnings, declared_charset(data))
    kind = text_kind(text)
    if kind == "html":
        return _run(lambda: read_html(data, name, limits, text, warnings), limits, name, isolate)
    return read_text(data, name, limits, kind, text, warnings)


def _run(parse: Callable[[], Document], limits: Limits, name: str, isolate: bool) -> Document:
    if isolate and sandbox.available():
        result: Document = sandbox.run_isolated(parse, limits, name)
        return result
    try:
        return parse()
    except IngestError:
        raise
    except MemoryError as exc:
        raise codes.fail(codes.LIMIT, "limit exceeded (memory)", name) from exc
    except RecursionError as exc:
        raise codes.fail(codes.CORRUPT, "corrupt document: structure nested too deeply", name) from exc
    except Exception as exc:
        raise codes.fail(
            codes.INTERNAL, f"parser failed: {type(exc).__name__}: {str(exc)[:200]}", name
        ) from exc
