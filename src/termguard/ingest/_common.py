"""Helpers every adapter shares: building the Document and the text hygiene that must not move offsets."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from termguard.ingest import codes
from termguard.ingest.limits import Limits
from termguard.model.document import Block, Document, TextMap

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_LISTED_LINES = 10


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def scrub(text: str, warnings: list[str]) -> str:
    """Replace NUL and lone surrogates with U+FFFD one for one, so offsets into the text stay valid.

    NUL breaks PostgreSQL and SQLite's length(); a lone surrogate cannot be encoded as UTF-8 on output.
    """
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "\ufffd")
        warnings.append(f"replaced {nuls} NUL character(s) with U+FFFD")
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"replaced {surrogates} lone surrogate(s) with U+FFFD")
    return text


def bidi_warning(text: str, textmap: TextMap) -> str | None:
    """Name how many bidi override/isolate characters there are and on which lines: they can reorder a clause.

    They are kept in the text (quotes must match the source) but a reviewer has to be told.
    """
    offsets = [m.start() for m in _BIDI.finditer(text)]
    if not offsets:
        return None
    lines = sorted({textmap.line(o) for o in offsets})
    shown = ", ".join(str(n) for n in lines[:_MAX_LISTED_LINES])
    more = f" and {len(lines) - _MAX_LISTED_LINES} more" if len(lines) > _MAX_LISTED_LINES else ""
    return f"{len(offsets)} bidi control character(s) (U+202A-E/U+2066-9) on line(s) {shown}{more}"


def check_chars(length: int, limits: Limits, name: str) -> None:
    if length > limits.max_chars:
        raise codes.fail(
            codes.LIMIT, f"limit exceeded (chars): more than {limits.max_chars} characters", name
        )


def check_not_blank(text: str, name: str, what: str = "the file contains only whitespace") -> None:
    if not text.strip():
        raise codes.fail(codes.EMPTY, f"empty: {what}", name)


def make_document(
    *,
    name: str,
    data: bytes,
    fmt: str,
    text: str,
    warnings: list[str],
    blocks: Sequence[Block] = (),
    page_starts: tuple[int, ...] = (),
    pages: int | None = None,
    title: str | None = None,
) -> Document:
    """Assemble the Document; adds the bidi warning so no adapter can forget it."""
    textmap = TextMap.build(text, page_starts)
    bidi = bidi_warning(text, textmap)
    if bidi:
        warnings.append(bidi)
    return Document(
        path=name,
        sha256=sha256(data),
        format=fmt,
        text=text,
        textmap=textmap,
        pages=pages,
        title=title,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )
