"""Extractors on the real vendor corpus: no errors, fast, and the answer keys' numbers are found."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from termguard.extract import (
    _base,
    durations,
    fees,
    flags,
    frequencies,
    laws,
    money,
    regions,
    standards,
    vocab,
)
from termguard.extract.registry import EXTRACTORS

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("TERMGUARD_DATA", ROOT.parent / "shared" / "data")) / "vendor_terms"
DOCS = sorted((DATA / "docs").glob("**/*.md")) if (DATA / "docs").is_dir() else []
ANSWERS = sorted((DATA / "answers").glob("*.json")) if (DATA / "answers").is_dir() else []
TIMED = ("days", "hours", "notice_days", "months_of_fees")

needs_docs = pytest.mark.skipif(not DOCS, reason="vendor corpus not present")


@needs_docs
def test_every_extractor_runs_on_every_document_quickly() -> None:
    """All extractors over all documents: consistent offsets, under 5 s in total."""
    texts = [p.read_text(encoding="utf-8") for p in DOCS]
    started, cpu_started = time.perf_counter(), time.process_time()
    results = [(name, text, extractor(text, 7)) for text in texts for name, extractor in EXTRACTORS.items()]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    counts: dict[str, int] = {}
    for name, text, found in results:
        counts[name] = counts.get(name, 0) + len(found)
        bad = [p for p in found if p.raw != text[p.start - 7:p.end - 7]]
        assert not bad, (name, bad[:3])
    print(f"\n{len(texts)} documents, {sum(len(t) for t in texts):,} chars, {cpu:.2f} s CPU "
          f"({elapsed:.2f} s wall): {counts}")
    assert cpu < 30.0  # a guard against catastrophic backtracking, not a benchmark (~2 s here)


def _anchored() -> list[tuple[str, _base.Anchored]]:
    out: list[tuple[str, _base.Anchored]] = []
    for module in (durations, fees, flags, frequencies, laws, money, regions, standards, vocab):
        for attr, value in vars(module).items():
            if isinstance(value, _base.Anchored):
                out.append((f"{module.__name__}.{attr}", value))
            elif isinstance(value, _base.TermTable):
                out.append((f"{module.__name__}.{attr}", value.anchored))
    return out


@needs_docs
@pytest.mark.parametrize("label,anchored", _anchored(), ids=[label for label, _ in _anchored()])
def test_anchoring_finds_what_a_full_scan_finds(label: str, anchored: _base.Anchored) -> None:
    """Key-anchored scanning is only a speed-up: same matches as the full regex on sample documents."""
    sample = [p for p in DOCS if p.stat().st_size < 120_000][::5][:4]
    for path in sample:
        text = path.read_text(encoding="utf-8")
        fast = [m.span() for m in anchored.finditer(text)]
        full = [m.span() for m in anchored.full.finditer(text)]
        assert fast == full, (label, path.name)


def _expected() -> list[tuple[str, str, str, int, list[str]]]:
    out: list[tuple[str, str, str, int, list[str]]] = []
    for path in ANSWERS:
        labels = json.loads(path.read_text(encoding="utf-8"))["labels"]
        for topic, label in labels.items():
            for key in TIMED:
                if key in label.get("params", {}):
                    out.append((path.stem, topic, key, int(label["params"][key]), label.get("evidence", [])))
    return out


@pytest.mark.skipif(not ANSWERS, reason="answer keys not present")
def test_answer_key_durations_are_found_in_their_evidence() -> None:
    """Every days / hours / notice_days the experts state is extracted from one of their evidence quotes."""
    expected = _expected()
    missed = []
    for doc, topic, key, value, evidence in expected:
        found = {p.value for quote in evidence for p in EXTRACTORS[key](quote, 0)}
        if value not in found:
            missed.append(f"{doc} {topic} {key}={value} (found {sorted(found)})")
    print(f"\nanswer-key days/hours/notice_days/months_of_fees found: {len(expected) - len(missed)}/{len(expected)}")
    for line in missed:
        print("  missed:", line)
    assert not missed
