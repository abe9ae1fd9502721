"""Compare: topics as rows, documents as columns, the best term per row marked only when it is a lever."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "vendor_terms" / "docs"
NO_TRAIN = "1. Data\n1.1 The Provider will not use Customer Data to train any artificial intelligence model.\n"
TRAIN = "1. Data\n1.1 The Provider may use Customer Data to train and improve its artificial intelligence models.\n"


def _report(text: str, name: str):
    from termguard.ingest import load_bytes
    from termguard.pipeline import analyse

    return analyse(load_bytes(text.encode(), name), "strict")


def test_the_vendor_that_refuses_training_has_the_best_term_on_the_row() -> None:
    from termguard.compare import compare

    m = compare([_report(TRAIN, "a.txt"), _report(NO_TRAIN, "b.txt")], labels=["Trainco", "Safeco"])
    row = next(r for r in m.rows if r.topic == "training.customer-content")
    assert row.cells[1].position == "prohibited" and row.cells[0].position != "prohibited"
    assert row.best_columns == [1]
    assert all(not c.best for r in m.rows for c in r.cells if c.position == "silent")
    assert m.to_dict()["columns"] == ["Trainco", "Safeco"]


def test_a_row_where_everyone_agrees_highlights_nothing() -> None:
    from termguard.compare import compare

    m = compare([_report(NO_TRAIN, "a.txt"), _report(NO_TRAIN + "\n", "b.txt")])
    assert all(not r.best_columns for r in m.rows)


def test_parameters_break_ties_between_equal_positions() -> None:
    from termguard.compare.ranking import compare_terms

    assert compare_terms(None, ("stated", {"hours": 24}), ("stated", {"hours": 72})) == -1
    assert compare_terms(None, ("x", {"notice_days": 10}), ("x", {"notice_days": 30})) == 1
    assert compare_terms(None, ("x", {}), ("x", {})) == 0


def test_renderers_mark_the_best_term_and_escape_vendor_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from termguard.compare import compare
    from termguard.compare.render import render_html, render_markdown, render_terminal, write_xlsx

    m = compare([_report(TRAIN, "a.txt"), _report(NO_TRAIN, "b.txt")], labels=["=evil()", "<script>x</script>"])
    assert "★" in render_markdown(m) and "**★ prohibited" in render_markdown(m)
    html = render_html(m)
    assert "<script>x" not in html and "&lt;script&gt;" in html and 'class="best"' in html
    assert "prohibited" in render_terminal(m)
    write_xlsx(m, tmp_path / "m.xlsx")
    ws = load_workbook(tmp_path / "m.xlsx").active
    assert ws["C1"].value == "'=evil()" and all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_three_real_dpas_read_like_a_procurement_matrix() -> None:
    from typer.testing import CliRunner

    from termguard.cli.app import app

    paths = [DOCS / "jasper/data-processing-addendum/2025-12-06_cf7ea00a8.md",
             DOCS / "perplexity/data-processing-addendum/2026-08-19_259c61bce.md",
             DOCS / "grammarly/customer-business-agreement/2025-11-06_9c266d943.md"]
    if not all(p.exists() for p in paths):
        pytest.skip("vendor terms not available")
    res = CliRunner().invoke(app, ["compare", *map(str, paths), "--labels", "Jasper,Perplexity,Grammarly",
                                   "--format", "markdown"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert "| topic | Jasper | Perplexity | Grammarly |" in lines
    from termguard.topics import load_catalogue

    assert sum(1 for ln in lines if ln.startswith("| ") and "`" in ln) == len(load_catalogue())  # a row per topic
    assert "★" in res.output
