"""Bad input through the CLI: exit 2 and exactly one stderr line naming the file and the reason, fast, never a
traceback; the inputs that are only unusual (UTF-16, cp1252, HTML with scripts) are reviewed normally.

The files come from the ingest engineer's builders (tests/ingest/ingest_builders.py), imported by path.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termguard.cli.app import app

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def _load_builders():
    path = HERE.parent / "ingest" / "ingest_builders.py"
    spec = importlib.util.spec_from_file_location("termguard_test_ingest_builders", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


pytest.importorskip("fpdf")
pytest.importorskip("docx")
builders = _load_builders()
runner = CliRunner()
LIMIT_S = 10.0
CANARY = "CANARY-e2e-51c0 top secret"

CONTRACT = (
    "Master Services Agreement\n\n"
    "1. Data\n\n"
    "1.1 The Provider shall not use Customer Data to train any model — café terms, “quoted”, naïve.\n\n"
    "1.2 This Agreement is governed by the laws of the State of New York.\n"
)


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.write(b"a" * 1000)
        handle.truncate(size)  # sparse: no disk, no time


def _truncated_pdf(path: Path) -> None:
    data = builders.contract_pdf(pages=3)
    path.write_bytes(data[: len(data) // 2])


# name → (file name, writer, words the one stderr line must contain besides the file name)
BAD: dict[str, tuple[str, Callable[[Path], None], tuple[str, ...]]] = {
    "empty-file": ("empty.txt", lambda p: p.write_bytes(b""), ("empty",)),
    "empty-pdf-name": ("empty.pdf", lambda p: p.write_bytes(b""), ("empty",)),
    "random-bytes-pdf": ("random.pdf", lambda p: p.write_bytes(os.urandom(64 * 1024)), ()),
    "truncated-pdf": ("truncated.pdf", _truncated_pdf, ("corrupt",)),
    "password-pdf": ("locked.pdf", lambda p: p.write_bytes(builders.encrypted_pdf()), ("password",)),
    "image-only-pdf": ("scan.pdf", lambda p: p.write_bytes(builders.image_only_pdf()), ("no text layer",)),
    "declared-1gib-docx": ("bomb.docx", lambda p: p.write_bytes(builders.declared_bomb_docx()), ()),
    "ole2-doc-as-docx": ("legacy.docx", lambda p: p.write_bytes(builders.ole2_bytes()), ()),
    "sparse-200mb-text": ("huge.txt", lambda p: _sparse(p, 200 * 1024 * 1024), ("size",)),
}


def _no_traceback(res) -> None:
    assert "Traceback" not in res.output and "Traceback" not in res.stderr, res.output + res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)


def _one_line(res, name: str) -> str:
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert name in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("command", ["review", "extract"])
def test_bad_input_exits_two_with_one_line(tmp_path: Path, case: str, command: str) -> None:
    name, write, words = BAD[case]
    path = tmp_path / name
    write(path)
    started = time.perf_counter()
    args = [command, str(path)] + (["--format", "json"] if command == "review" else [])
    res = runner.invoke(app, args)
    elapsed = time.perf_counter() - started
    _no_traceback(res)
    assert res.exit_code == 2, (res.exit_code, res.stdout[:500], res.stderr)
    line = _one_line(res, name)
    for word in words:
        assert word in line.lower(), line
    assert res.stdout == "", res.stdout[:500]
    assert elapsed < LIMIT_S, f"{case}: {elapsed:.1f} s"


def test_image_only_pdf_is_not_reviewed_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(builders.image_only_pdf())
    res = runner.invoke(app, ["review", str(path), "--format", "json"])
    line = _one_line(res, "scan.pdf")
    assert "no text layer" in line and "empty" not in line.replace("no text layer", ""), line


def test_sparse_200mb_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    _sparse(path, 200 * 1024 * 1024)
    started = time.perf_counter()
    res = runner.invoke(app, ["review", str(path)])
    assert res.exit_code == 2
    assert time.perf_counter() - started < 2.0  # from the size alone, not by reading 200 MB


def test_external_entity_in_docx_leaks_nothing(tmp_path: Path) -> None:
    canary = tmp_path / "secret.txt"
    canary.write_text(CANARY)
    path = tmp_path / "xxe.docx"
    path.write_bytes(builders.xxe_docx(str(canary)))
    for command in ("extract", "review"):
        started = time.perf_counter()
        res = runner.invoke(app, [command, str(path)] + (["--format", "json"] if command == "review" else []))
        assert time.perf_counter() - started < LIMIT_S
        _no_traceback(res)
        assert "CANARY" not in res.output and "CANARY" not in res.stderr
        assert "lollollol" not in res.output  # internal entities are not expanded either
        if res.exit_code == 2:
            _one_line(res, "xxe.docx")
        else:
            assert res.exit_code == 0, (res.exit_code, res.stderr)
    assert res.exit_code != 0 or "DTD" in json.dumps(json.loads(res.stdout)["warnings"])


@pytest.mark.parametrize(("name", "encoding"), [("u16.txt", "utf-16"), ("u16le.md", "utf-16-le"),
                                                ("legacy.txt", "cp1252")])
def test_utf16_and_cp1252_text_are_reviewed_with_the_right_text(tmp_path: Path, name: str, encoding: str) -> None:
    text = CONTRACT
    if encoding == "cp1252":
        text = text.replace("—", "-")  # cp1252 has the dash, but keep the sample to what it round-trips
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    started = time.perf_counter()
    res = runner.invoke(app, ["extract", str(path)])
    _no_traceback(res)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip() == text.strip()
    res = runner.invoke(app, ["review", str(path), "--format", "json"])
    _no_traceback(res)
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    assert "café" in report["findings"][0]["evidence"][0]["quote"] or any(
        "café" in e["quote"] for f in report["findings"] for e in f["evidence"])
    law = next(f for f in report["findings"] if f["topic"] == "commercial.governing-law")
    assert law["position"] == "stated" and "New York" in law["parameters"].get("jurisdiction", "")
    assert time.perf_counter() - started < LIMIT_S


def test_html_with_scripts_is_reviewed_without_script_text(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Terms</title><script>var leaked = 'SCRIPT-SECRET';</script>"
        "<style>.x{content:'STYLE-SECRET'}</style></head><body><noscript>NOSCRIPT-SECRET</noscript>"
        "<h1>Terms of Service</h1><p>1.1 The Provider shall not use Customer Data to train any model.</p>"
        "<script>document.write('LATE-SCRIPT-SECRET')</script>"
        "<p>1.2 This Agreement is governed by the laws of England and Wales.</p>"
        "<p onclick=\"alert('HANDLER-SECRET')\">1.3 Notices go to the address on the order form.</p>"
        "</body></html>"
    )
    path = tmp_path / "terms.html"
    path.write_text(page, encoding="utf-8")
    started = time.perf_counter()
    for command in ("extract", "review"):
        res = runner.invoke(app, [command, str(path)] + (["--format", "json"] if command == "review" else []))
        _no_traceback(res)
        assert res.exit_code == 0, res.stderr
        assert "SECRET" not in res.stdout, res.stdout
        assert "leaked" not in res.stdout and "document.write" not in res.stdout
    assert "England" in json.dumps(json.loads(res.stdout))
    assert time.perf_counter() - started < LIMIT_S


@pytest.mark.parametrize("case", ["truncated-pdf", "declared-1gib-docx", "sparse-200mb-text", "ole2-doc-as-docx"])
def test_the_installed_command_prints_one_line_too(tmp_path: Path, case: str) -> None:
    """The real process (not CliRunner): stderr is the one line, nothing else (no warnings, no traceback)."""
    name, write, _ = BAD[case]
    path = tmp_path / name
    write(path)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "from termguard.cli.app import main; main()", "review", str(path)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
    )
    assert time.perf_counter() - started < LIMIT_S + 5  # + interpreter start-up
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0], proc.stderr
    assert proc.stdout == ""


def test_out_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "r.json"
    res = runner.invoke(app, ["review", "--format", "json", "--out", str(out)])
    _no_traceback(res)
    assert res.exit_code == 2
    _one_line(res, "no-such-folder")
