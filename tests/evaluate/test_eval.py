"""`termguard eval` runs the real review on labelled data, and skips cleanly when the data is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termguard.cli.app import app
from termguard.evaluate.metrics import DetectionScore, quotes_agree
from termguard.evaluate.data import LabelledDoc, Span
from termguard.pipeline import analyse

from tests.conftest import DATA

runner = CliRunner()


def test_eval_skips_a_missing_data_folder(tmp_path: Path) -> None:
    res = runner.invoke(app, ["eval", "--data", str(tmp_path / "nope"), "--out", str(tmp_path / "e.json")])
    assert res.exit_code == 0
    assert "not found" in res.output


def test_eval_on_a_few_documents_writes_tables_and_json(tmp_path: Path) -> None:
    if not (DATA / "cuad").is_dir():
        pytest.skip("reference data absent")
    out = tmp_path / "eval.json"
    res = runner.invoke(app, ["eval", "--data", str(DATA), "--limit", "2", "--jobs", "1", "--all-docs", "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert data["schema"] == "termguard.eval/1"
    assert data["detection"]["cuad"]["documents"] == 2
    assert data["answers"]["items"] > 0
    assert "position accuracy" in res.stdout


def test_span_recall_counts_a_span_found_when_a_tagged_clause_overlaps_it() -> None:
    text = "1. Governing Law. This Agreement is governed by the laws of the State of New York.\n\n2. Other. Nothing."
    start = text.index("This Agreement")
    doc = LabelledDoc("d", text, (Span("commercial.governing-law", start, start + 40, "Governing Law"),
                                  Span("commercial.governing-law", text.index("Nothing"), len(text), "x")))
    score = DetectionScore("t")
    score.add(doc, analyse(doc.document()), {"commercial.governing-law"})
    tc = score.topics["commercial.governing-law"]
    assert tc.spans == 2 and tc.spans_found == 1
    assert tc.tp == 1 and tc.fn == 0


def test_quotes_agree_on_a_shared_forty_character_run_ignoring_markup() -> None:
    a = "**We will not** use your Content to train our models without your permission."
    b = "We will not use your Content to train our models"
    assert quotes_agree(a, b)
    assert not quotes_agree(a, "Completely different sentence about governing law in Delaware.")
