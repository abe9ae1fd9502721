"""The Ray backend runs the same per-document work on a local Ray instance; the driver writes the register."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.scan._scan_helpers import materialise_cuad
from typer.testing import CliRunner

pytestmark = pytest.mark.ray


def test_ray_backend_scans_a_small_corpus_into_the_register(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from termguard.cli.app import app

    folder = tmp_path / "cuad"
    materialise_cuad(folder, 6, max_chars=6000)
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "r.sqlite")
    res = CliRunner().invoke(app, ["scan", str(folder), "--db", db, "--backend", "ray", "--workers", "2",
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.stdout[res.stdout.index("{"):])
    assert body["counts"] == {"ok": 6, "rejected": 1}
    listed = json.loads(CliRunner().invoke(app, ["register", "list", "--db", db, "-f", "json"]).stdout)
    assert len(listed) == 6
