"""file → Document. `load(path)` sniffs the content (never the extension) and dispatches to one adapter.

Public interface (used by pipeline, scan and web):
    load(path: str | Path, limits: Limits | None = None) -> Document      # raises IngestError
    load_bytes(data: bytes, name: str, limits: Limits | None = None) -> Document
    Limits: max_bytes, max_pages, timeout_s, memory_mb
"""
