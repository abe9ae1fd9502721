"""What a scan tells its user: inputs refused before reading count in this run (not as "resumed"), a zip
inside an archive says so, and per-file lines are never hard-wrapped (a log stays greppable)."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from termguard.cli.app import app

GOOD = "1. Law\n1.1 This Agreement is governed by the laws of England.\n"


def test_refused_inputs_are_reported_in_this_run_and_nested_zips_say_why(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.symlink("/etc/hostname", folder / "link.txt")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("inner.txt", GOOD)
    with zipfile.ZipFile(folder / "bundle.zip", "w") as zf:
        zf.writestr("nested.zip", inner.getvalue())
    db = str(tmp_path / "r.sqlite")
    res = CliRunner().invoke(app, ["scan", str(folder), "--db", db, "-w", "1", "-f", "json", "--progress"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.stdout[res.stdout.index("{"):])
    assert body["total"] == 3 and body["processed"] == 3 and body["resumed_from"] == 0
    assert "resuming" not in res.output and "link.txt: rejected: symbolic link" in res.output
    nested = next(f for f in body["files"] if f["file"].endswith("!nested.zip"))
    assert nested["status"] == "unsupported" and "inside an archive" in nested["reason"]


def test_per_file_lines_are_not_wrapped_and_carry_no_control_characters() -> None:
    from rich.console import Console

    from termguard.scan.progress import ScanProgress
    from termguard.scan.worker import Outcome

    ui = ScanProgress(enabled=False)
    ui.console = Console(file=io.StringIO(), width=40, force_terminal=False)
    label = "/very/long/folder/name/that/goes/on/\x1b]0;pwned\x07/contract-with-a-long-name.pdf"
    ui.item(label, Outcome(1, "unsupported", "unsupported format: binary data, not a document [E102]"))
    out = ui.console.file.getvalue()
    assert out.count("\n") == 1 and "\x1b" not in out and "\x07" not in out
    assert "contract-with-a-long-name.pdf: unsupported: unsupported format" in out
