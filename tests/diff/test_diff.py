"""Diff: clauses aligned across versions, word changes, per-topic direction; real versions and OTA history."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "vendor_terms" / "docs"
MS = DOCS / "microsoft" / "services-agreement"


def _ref(i: int, text: str, section: str | None, heading: str | None = None):
    from termguard.diff.align import ClauseRef, _key

    return ClauseRef(f"c{i}", i, section, heading, text, _key(text, section))


def test_clauses_are_aligned_as_same_moved_renumbered_edited_added_removed() -> None:
    from termguard.diff.align import align

    old = [_ref(0, "1 Alpha clause says the vendor keeps logs for thirty days only.", "1"),
           _ref(1, "2 Beta clause about payment within thirty days of invoice.", "2"),
           _ref(2, "3 Gamma clause about governing law of England and courts of London.", "3"),
           _ref(3, "4 Delta clause about audits once per year with notice.", "4")]
    new = [_ref(0, "1 Gamma clause about governing law of England and courts of London.", "1"),
           _ref(1, "2 Alpha clause says the vendor keeps logs for ninety days only.", "2"),
           _ref(2, "3 Beta clause about payment within thirty days of invoice.", "3"),
           _ref(3, "4 Epsilon: the vendor may train models on your content.", "4")]
    kinds = {(a.old.id if a.old else None, a.new.id if a.new else None): a.kind for a in align(old, new)}
    assert kinds[("c2", "c0")] == "moved"
    assert kinds[("c0", "c1")] == "edited"
    assert kinds[("c1", "c2")] == "renumbered"
    assert kinds[(None, "c3")] == "added" and kinds[("c3", None)] == "removed"


def test_word_diff_shows_only_what_changed() -> None:
    from termguard.diff.words import inline, word_diff

    ops = word_diff("We keep logs for 30 days.", "We keep logs for 90 days.")
    assert {"op": "replace", "old": "30", "new": "90"} in ops
    assert "[-30-] {+90+}" in inline(ops)


def test_direction_follows_the_ladder() -> None:
    from termguard.diff import diff
    from termguard.ingest import load_bytes
    from termguard.pipeline import analyse

    def rep(t: str):
        return analyse(load_bytes(t.encode(), "x.txt"), "strict")

    old = rep("1. Data\n1.1 The Provider will not use Customer Data to train any artificial intelligence model.\n")
    new = rep("1. Data\n1.1 The Provider may use Customer Data to train and improve its artificial intelligence "
              "models.\n")
    d = diff(old, new).to_dict()
    ch = next(c for c in d["changes"] if c["topic"] == "training.customer-content")
    assert (ch["old_position"], ch["new_position"], ch["direction"]) == ("prohibited", "permitted", "worse")
    assert ch["old_evidence"][0]["quote"] and ch["new_evidence"][0]["quote"]
    assert set(d["summary"]) >= {"edited", "added", "removed", "worse", "better"}
    back = diff(new, old).to_dict()
    assert next(c for c in back["changes"] if c["topic"] == "training.customer-content")["direction"] == "better"


def test_microsoft_services_agreement_gains_its_ai_section() -> None:
    from typer.testing import CliRunner

    from termguard.cli.app import app

    old, new = MS / "2022-08-15_4e2ecd9e4.md", MS / "2023-11-28_384e9bcef.md"
    if not (old.exists() and new.exists()):
        pytest.skip("vendor terms not available")
    res = CliRunner().invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.output)
    assert {"changes", "clauses", "summary"} <= set(body)
    for ch in body["changes"]:
        assert {"topic", "old_position", "new_position", "old_parameters", "new_parameters", "direction",
                "old_evidence", "new_evidence"} <= set(ch) and ch["direction"] in ("better", "worse", "same")
    ai = [c for c in body["clauses"] if c["kind"] in ("added", "edited") and c["data_use"]
          and c["new"] and c["new"]["section"] == "13"]
    assert ai, "the new AI Services terms in section 13 are reported as a data-use change"
    text = CliRunner().invoke(app, ["diff", str(old), str(new)]).output
    assert "Changed clauses touching data use" in text


def test_ota_history_reports_changes_over_dated_versions(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from termguard.cli.app import app

    if shutil.which("git") is None or not MS.is_dir():
        pytest.skip("git or vendor terms not available")
    repo = tmp_path / "versions"
    target = repo / "Microsoft Services" / "Services Agreement.md"
    target.parent.mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.name=ota", "-c", "user.email=ota@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    picked = [MS / "2021-06-15_2a95e0d8b.md", MS / "2022-08-15_4e2ecd9e4.md", MS / "2023-11-28_384e9bcef.md"]
    for p in picked:
        shutil.copy(p, target)
        date = p.name[:10] + "T12:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", f"Record {p.name[:10]}"], check=True, env=env)
    res = CliRunner().invoke(app, ["diff", "--ota", str(repo), "--service", "Microsoft Services",
                                   "--document", "Services Agreement", "--format", "json"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.output)
    steps = body["versions"]
    assert [s["new"]["date"][:10] for s in steps] == ["2022-08-15", "2023-11-28"]
    assert steps[0]["old"]["date"][:10] == "2021-06-15"
    assert any(c["new"] and c["new"]["section"] == "13" for c in steps[1]["clauses"])
    missing = CliRunner().invoke(app, ["diff", "--ota", str(repo), "--service", "Nope", "--document", "X"])
    assert missing.exit_code == 2 and "no versions" in missing.output
