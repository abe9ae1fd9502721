"""Resource caps for reading one untrusted file; every cap that trips becomes `limit-exceeded` (E106)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps applied to one file.

    `max_bytes` bounds binary formats (PDF, DOCX); `max_text_bytes` bounds text-like formats (text, Markdown,
    HTML), which are read whole into memory and scanned character by character. `memory_mb` is the address
    space the parser child may add on top of what it inherited; `timeout_s` is wall-clock time for the child
    (CPU time is capped slightly above it). `max_chars` bounds the extracted text for every format.
    """

    max_bytes: int = 100 * MB
    max_text_bytes: int = 20 * MB
    max_pages: int = 2000
    timeout_s: float = 60.0
    memory_mb: int = 2048
    max_chars: int = 20_000_000


DEFAULT_LIMITS = Limits()
