"""Bulk scan of folders and zip archives into the register: parallel, limited per document, resumable.

    from termguard.scan import ScanOptions, scan
    from termguard.store import Register
    result = scan(Register(), ScanOptions(paths=["legacy/"], workers=2, backend="local"))  # or "ray"
    result.counts            # Counter of terminal statuses: ok, partial, needs-password, …
    from termguard.scan.export import write_csv, write_xlsx, rows   # one row per input
    from termguard.scan.questions import QUESTIONS                  # canned portfolio questions

Modules: sources (inputs), worker (one document → Outcome), backends / ray_backend (where it runs),
state (resumable bookkeeping), runner (the loop), questions, export.
"""

from termguard.scan.runner import ScanOptions, ScanResult, scan

__all__ = ["ScanOptions", "ScanResult", "scan"]
