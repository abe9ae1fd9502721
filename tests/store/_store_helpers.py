"""Helpers for register tests (imported by basename: tests/ folders are not packages)."""

from __future__ import annotations

CONTRACT = """1. Customer Data
1.1 The Provider will not use Customer Data to train, fine-tune or improve any artificial intelligence model.
1.2 The Provider shall notify the Customer of any security incident within 72 hours.
2. Term
2.1 This Agreement renews automatically for successive one-year terms unless either party gives notice.
"""


def report_for(text: str, name: str = "contract.txt"):
    from termguard.ingest import load_bytes
    from termguard.pipeline import analyse

    return analyse(load_bytes(text.encode(), name), "strict")
