"""`termguard review` end to end through the CLI, on the bundled sample and on real vendor documents."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from termguard.cli.app import app
from termguard.report.json_report import schema_path
from termguard.topics import load_catalogue

runner = CliRunner()
SCHEMA = json.loads(schema_path().read_text())


def _review_json(*args: str) -> dict:
    res = runner.invoke(app, ["review", *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _check_report(report: dict, text: str) -> None:
    jsonschema.validate(report, SCHEMA)
    assert [f["topic"] for f in report["findings"]] == [t.id for t in load_catalogue()]
    for f in report["findings"]:
        if f["position"] == "silent":
            assert f["status"] == "silent" and f["evidence"] == []
        else:
            assert f["evidence"], f["topic"]
        for e in f["evidence"]:
            assert text[e["start"]:e["end"]] == e["quote"]
    for c in report["clauses"]:
        assert 0 <= c["start"] <= c["end"] <= len(text)


def test_review_without_a_file_reviews_the_bundled_sample() -> None:
    from termguard.cli.common import sample_path

    report = _review_json()
    assert report["document"]["path"].endswith("sample-agreement.md")
    _check_report(report, sample_path().read_text(encoding="utf-8"))
    by_topic = {f["topic"]: f for f in report["findings"]}
    assert by_topic["training.customer-content"]["position"] == "opt-out"
    assert by_topic["training.customer-content"]["status"] == "short"


def test_review_real_vendor_documents_gives_valid_reports(vendor_docs: list[Path]) -> None:
    for path in vendor_docs[:6]:
        report = _review_json(str(path))
        _check_report(report, path.read_text(encoding="utf-8"))
        assert any(f["status"] != "silent" for f in report["findings"]), path


def test_markdown_and_text_formats_render(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    res = runner.invoke(app, ["review", "--format", "markdown", "--out", str(out)])
    assert res.exit_code == 0, res.output
    md = out.read_text()
    assert md.startswith("# termguard review") and "Ask:" in md
    res = runner.invoke(app, ["review", "--format", "text"])
    assert res.exit_code == 0 and "termguard review" in res.stdout


def test_fail_on_sets_exit_code_one_when_a_shortfall_is_severe_enough() -> None:
    res = runner.invoke(app, ["review", "--format", "json", "--fail-on", "high"])
    assert res.exit_code == 1


def test_unreadable_input_exits_two_with_one_line_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    res = runner.invoke(app, ["review", str(empty)])
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "empty.pdf" in lines[0]
    res = runner.invoke(app, ["review", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2 and "missing.txt" in res.stderr


def test_unknown_playbook_is_a_usage_error() -> None:
    res = runner.invoke(app, ["review", "--playbook", "no-such-playbook"])
    assert res.exit_code == 2 and "no-such-playbook" in res.stderr


def test_topics_and_explain_list_every_topic() -> None:
    res = runner.invoke(app, ["topics"])
    assert res.exit_code == 0
    for t in load_catalogue():
        assert t.id in res.stdout
        ex = runner.invoke(app, ["explain", t.id])
        assert ex.exit_code == 0 and "Positions" in ex.stdout and t.ladder[0] in ex.stdout


def test_extract_prints_the_text_offsets_index(tmp_path: Path) -> None:
    p = tmp_path / "terms.txt"
    p.write_text("We will not train on your data.\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p)])
    assert res.exit_code == 0 and res.stdout == p.read_text()


def test_version() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and "termguard" in res.stdout


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
def test_every_format_renders_for_a_docx_like_plain_text(tmp_path: Path, fmt: str) -> None:
    p = tmp_path / "short.txt"
    p.write_text("1. Data. We may use your prompts to train our models.\n", encoding="utf-8")
    res = runner.invoke(app, ["review", str(p), "--format", fmt])
    assert res.exit_code == 0, res.output


def test_terminal_escape_codes_in_a_contract_never_reach_the_terminal(tmp_path: Path) -> None:
    p = tmp_path / "evil.txt"
    p.write_text("\x1b]0;pwned\x07Evil\n\n1. We may use your content to train our models.\x1b[31m red\n")
    for fmt in ("text", "markdown"):
        res = runner.invoke(app, ["review", str(p), "--format", fmt])
        assert res.exit_code == 0 and "\x1b" not in res.stdout
