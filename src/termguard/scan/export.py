"""Exports of a scan: one row per input, as CSV or XLSX, plus the optional question's answer.

Both are formula-injection safe: a cell that starts with `= + - @`, a tab or a carriage return gets a leading
`'` (RELIABILITY.md) — contract text and file names come from strangers, and a spreadsheet would run them.
Files are written atomically (temp file, fsync, `os.replace`) so an interrupted export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termguard.scan import state
from termguard.scan.questions import QUESTIONS
from termguard.store import Register

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ["file", "status", "reason", "document_id", "sha256", "vendor", "kind", "version_date", "title",
           "grade", "score", "shortfalls", "seconds"]


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def rows(reg: Register, run_id: int, question: str | None = None) -> list[dict[str, Any]]:
    """One dict per input of the run, in scan order (keys: COLUMNS + question columns)."""
    out: list[dict[str, Any]] = []
    docs: dict[int, Any] = {}
    for item in state.items(reg, run_id):
        row: dict[str, Any] = {"file": item.label, "status": item.status or item.state, "reason": item.reason or "",
                               "document_id": item.document_id, "sha256": item.sha256 or "",
                               "seconds": round(item.seconds, 3) if item.seconds else None}
        if item.document_id is not None:
            info = docs.get(item.document_id) or reg.get_document(item.document_id)
            docs[item.document_id] = info
            findings = reg.findings(item.document_id)
            row.update(vendor=info.vendor or "", kind=info.kind or "",
                       version_date=info.version_date.isoformat() if info.version_date else "",
                       title=info.title or "", grade=info.latest_grade or "", score=info.latest_score,
                       shortfalls=sum(1 for f in findings if f.status != "meets"))
            if question:
                ans = QUESTIONS[question][1](findings, reg.document_text(item.document_id))
                row.update({question: "yes" if ans.hit else "no", f"{question}_reason": ans.reason,
                            f"{question}_evidence": ans.quote})
        out.append(row)
    return out


def columns(question: str | None) -> list[str]:
    return COLUMNS + ([question, f"{question}_reason", f"{question}_evidence"] if question else [])


def _atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_csv(path: Path, data: Sequence[dict[str, Any]], cols: list[str]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in data:
        w.writerow({k: safe_cell(r.get(k, "")) for k in cols})
    _atomic(path, buf.getvalue().encode("utf-8"))


def write_xlsx(path: Path, data: Sequence[dict[str, Any]], cols: list[str], sheet: str = "scan") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([safe_cell(c) for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in data:
        ws.append([safe_cell(r.get(k, "")) for k in cols])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guesses
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    _atomic(path, buf.getvalue())
