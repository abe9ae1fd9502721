"""The extract stage: pure functions that pull numbers and qualifiers out of clause text.

Every extractor has the signature ``(text: str, base: int = 0) -> list[Parameter]``; offsets are
``base + offset in text`` and ``raw == text[start - base:end - base]``. They do no I/O and compile
their regexes once, at import. ``registry.EXTRACTORS`` maps parameter names (what topic rules ask
for) to extractors; ``registry.extract(name, text, base)`` runs one.
"""

from termguard.extract.registry import EXTRACTORS, extract, names

__all__ = ["EXTRACTORS", "extract", "names"]
