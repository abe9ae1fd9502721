"""Bulk scan: folders and zip archives, one status per file, poisoned files, exports, resumption state."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from tests.scan._scan_helpers import materialise_cuad
from typer.testing import CliRunner

from termguard.cli.app import app

GOOD = ("1. Data\n1.1 The Provider may use Usage Data and aggregated data for any purpose, including to improve "
        "its products.\n2. Law\n2.1 This Agreement is governed by the laws of England.\n")


def _corpus(root: Path) -> Path:
    folder = root / "in"
    materialise_cuad(folder / "cuad", 3, max_chars=8000)
    (folder / "usage.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("inner.txt", GOOD)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../escape.txt", GOOD.replace("England", "Scotland"))
        zf.writestr("/abs/path.txt", GOOD.replace("England", "Wales"))
        zf.writestr("nested.zip", inner.getvalue())
        zf.writestr("=HYPERLINK(1).txt", GOOD.replace("England", "Ireland"))
    (folder / "bundle.zip").write_bytes(buf.getvalue())
    return folder


def test_scan_gives_every_file_one_terminal_status_and_never_stops(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    db = str(tmp_path / "r.sqlite")
    out_csv, out_xlsx = tmp_path / "scan.csv", tmp_path / "scan.xlsx"
    res = CliRunner().invoke(app, ["scan", str(folder), "--db", db, "--workers", "2", "--format", "json",
                                   "--question", "usage-data", "--csv", str(out_csv), "--xlsx", str(out_xlsx)])
    assert res.exit_code == 0, res.output
    body = json.loads(res.stdout[res.stdout.index("{"):])
    status = {Path(f["file"].split("!")[-1]).name if "!" in f["file"] else Path(f["file"]).name: f["status"]
              for f in body["files"]}
    assert status["empty.txt"] == "rejected"
    assert status["binary.bin"] == "unsupported" and status["legacy.doc"] == "unsupported"
    assert status["bad.pdf"] == "error"
    assert status["usage.txt"] == "ok" and status["escape.txt"] == "ok" and status["nested.zip"] == "unsupported"
    assert body["total"] == len(body["files"]) == 12 and sum(body["counts"].values()) == 12
    assert all(f["reason"] for f in body["files"] if f["status"] != "ok")
    assert not (tmp_path / "escape.txt").exists() and not Path("/abs/path.txt").exists()  # names are labels only
    usage = next(f for f in body["files"] if f["file"].endswith("usage.txt"))
    assert usage["usage-data"] == "yes" and "Usage Data" in usage["usage-data_evidence"]
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert len(rows) == 12
    assert all(not r["file"].startswith("=") for r in rows)
    assert any(r["file"].endswith("!=HYPERLINK(1).txt") for r in rows)

    from openpyxl import load_workbook

    ws = load_workbook(out_xlsx).active
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_rescanning_the_same_folder_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    materialise_cuad(folder, 4, max_chars=6000)
    db = str(tmp_path / "r.sqlite")
    run = CliRunner()
    first = json.loads(run.invoke(app, ["scan", str(folder), "--db", db, "-w", "1", "-f", "json"]).stdout)
    second = json.loads(run.invoke(app, ["scan", str(folder), "--db", db, "-w", "1", "-f", "json"]).stdout)
    assert first["processed"] == 4 and second["processed"] == 0 and second["resumed_from"] == 4
    listed = json.loads(run.invoke(app, ["register", "list", "--db", db, "-f", "json"]).stdout)
    assert len(listed) == 4


def test_formula_cells_are_neutralised() -> None:
    from termguard.scan.export import safe_cell

    assert [safe_cell(v) for v in ["=1+1", "+x", "-x", "@x", "\tx", "ok", 3]] == [
        "'=1+1", "'+x", "'-x", "'@x", "'\tx", "ok", 3]


def test_interrupted_inputs_are_retried_then_poisoned_and_unclaimed_ones_untouched(tmp_path: Path) -> None:
    from termguard.scan import state
    from termguard.scan.sources import Input
    from termguard.store import Register

    reg = Register(f"sqlite:///{tmp_path / 'r.sqlite'}")
    run = state.open_run(reg, ["/x"], "strict")
    state.sync_items(reg, run, [Input(f"/x/{i}", f"/x/{i}") for i in range(5)])
    for _ in range(state.MAX_ATTEMPTS - 1):
        claimed = state.claim_next(reg, run)  # always the first pending input: it "crashes" every time
        assert claimed is not None and claimed.label == "/x/0"
        state.recover(reg, run)
    claimed = state.claim_next(reg, run)
    assert claimed is not None and claimed.label == "/x/0"
    assert state.recover(reg, run) == (0, 1)
    items = {i.label: i for i in state.items(reg, run)}
    assert items["/x/0"].state == "poison" and items["/x/0"].status == "error"
    assert all(items[f"/x/{i}"].state == "pending" and items[f"/x/{i}"].attempts == 0 for i in range(1, 5))
    reg.close()
