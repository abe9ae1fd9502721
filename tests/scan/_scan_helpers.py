"""Helpers for scan tests: materialise CUAD contracts as text files (never committed; skipped when absent)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("TERMGUARD_DATA", ROOT.parent / "shared" / "data"))
CUAD = DATA / "cuad" / "cuad_dev.jsonl.gz"


def materialise_cuad(folder: Path, n: int, max_chars: int = 20_000) -> list[Path]:
    """Write the first `n` CUAD contracts (cut to `max_chars` to keep tests fast) as .txt files."""
    if not CUAD.exists():
        pytest.skip(f"CUAD data not found at {CUAD}")
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    with gzip.open(CUAD, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            p = folder / f"cuad-{i:03d}.txt"
            p.write_text(json.loads(line)["text"][:max_chars], encoding="utf-8")
            out.append(p)
    return out
