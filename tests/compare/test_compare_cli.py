"""Compare, found in QA: a stated deadline never loses to an unstated one, the terminal table shows text as
written, columns get useful names, unknown topics and unwritable outputs are one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from termguard.cli.app import app

DPA = "1. Data\n1.1 The Provider will not use Customer Data to train any artificial intelligence model.\n"


def test_a_parameter_only_one_side_states_breaks_no_tie() -> None:
    from termguard.compare.ranking import compare_terms

    assert compare_terms(None, ("x", {"days": 30}), ("x", {})) == 0  # 30 days is not worse than "no deadline"
    assert compare_terms(None, ("x", {"days": 30}), ("x", {"days": 90})) == -1
    assert compare_terms(None, ("x", {"notice_days": 30, "days": 5}), ("x", {"notice_days": 10})) == -1


def test_terminal_table_shows_brackets_and_ampersands_as_written() -> None:
    from rich.console import Console

    from termguard.compare.matrix import Cell, Matrix, Row
    from termguard.compare.render import render_terminal

    cells = (Cell("capped", "short", {"cap": "[b]x[/b] & y"}, "", "9"),
             Cell("capped", "short", {"cap": "fees & charges"}, "", "[x]", best=True))
    m = Matrix(("A [red]", "B & C"), (Row("liability.cap", "Cap", "F", cells),))
    con = Console(file=io.StringIO(), width=200, record=True)
    render_terminal(m, con)
    out = con.export_text()
    assert "[b]x[/b] & y" in out and "fees & charges" in out and "&amp;" not in out
    assert "A [red]" in out and "§[x]" in out


def test_column_labels_name_the_vendor_for_dated_archives_and_are_unique(tmp_path: Path) -> None:
    from termguard.cli.compare import file_label, unique_labels

    dated = tmp_path / "jasper" / "data-processing-addendum" / "2025-12-06_cf7ea00a8.md"
    dated.parent.mkdir(parents=True)
    dated.write_text(DPA)
    assert file_label(dated, "Data Processing Agreement") == "jasper (2025-12-06)"
    assert file_label(tmp_path / "acme.md", "1\\. Provision and  Use ") == "1. Provision and Use"
    assert file_label(tmp_path / "acme.md", None) == "acme"
    assert unique_labels(["DPA", "DPA", "MSA"]) == ["DPA", "DPA #2", "MSA"]


def test_unknown_topics_and_unwritable_outputs_are_one_line_errors(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DPA)
    b.write_text(DPA.replace("will not", "may"))
    run = CliRunner()
    for args in (["compare", str(a), str(b), "--topics", "training.nope"],
                 ["compare", str(a), str(b), "-f", "xlsx", "-o", str(tmp_path / "no" / "x.xlsx")],
                 ["compare", str(a), str(tmp_path)],
                 ["compare", str(a), "7", "--db", str(tmp_path / "missing.sqlite")],
                 ["diff", str(a), str(b), "--topics", "Z"]):
        res = run.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert res.output.startswith("termguard: ") and res.output.count("\n") == 1, res.output
    assert not (tmp_path / "no").exists() and not (tmp_path / "missing.sqlite").exists()
    out = tmp_path / "m.xlsx"
    assert run.invoke(app, ["compare", str(a), str(b), "-f", "xlsx", "-o", str(out)]).exit_code == 0
    assert out.is_file() and [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
