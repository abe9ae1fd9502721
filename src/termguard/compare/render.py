"""Render a comparison matrix as a procurement table: terminal (rich), Markdown, HTML and XLSX.

Each cell shows the position, the deciding parameters and the section it was read from; the best term per row
is marked ★ (bold green in the terminal, a highlighted cell in HTML/XLSX). HTML is escaped and
self-contained (no scripts, no external resources); XLSX cells are formula-injection safe.
"""

from __future__ import annotations

import html
import io
from typing import Any

from termguard.compare.matrix import Cell, Matrix

BEST = "★"


def _params(p: dict[str, Any]) -> str:
    def fmt(v: Any) -> str:
        return ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)

    return "; ".join(f"{k}={fmt(v)}" for k, v in sorted(p.items()) if v not in (None, "", [], ()))


def cell_text(c: Cell, best_mark: bool = True) -> str:
    parts = [c.position]
    if c.parameters:
        parts.append(f"({_params(c.parameters)})")
    if c.section:
        parts.append(f"§{c.section}")
    text = " ".join(parts)
    return f"{BEST} {text}" if best_mark and c.best else text


def render_markdown(m: Matrix) -> str:
    head = "| topic | " + " | ".join(m.columns) + " |"
    sep = "|---" * (len(m.columns) + 1) + "|"
    lines = [f"# Vendor comparison\n\n{BEST} = the best term on the table for that topic.\n", head, sep]
    for r in m.rows:
        cells = [(f"**{cell_text(c)}**" if c.best else cell_text(c)).replace("|", "\\|") for c in r.cells]
        lines.append(f"| {r.title} (`{r.topic}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


_CSS = ("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;font-size:14px}"
        "th{background:#f3f3f3;text-align:left}td.best{background:#dff5e1;font-weight:600}"
        "td.silent{color:#888}small{color:#555;display:block;margin-top:.3em}")


def render_html(m: Matrix) -> str:
    e = html.escape
    out = ["<!doctype html><html><head><meta charset=\"utf-8\"><title>Vendor comparison</title>",
           f"<style>{_CSS}</style></head><body><h1>Vendor comparison</h1>",
           f"<p>{BEST} marks the best term on the table for each topic.</p><table><thead><tr><th>topic</th>"]
    out += [f"<th>{e(c)}</th>" for c in m.columns]
    out.append("</tr></thead><tbody>")
    for r in m.rows:
        out.append(f"<tr><th>{e(r.title)}<small>{e(r.topic)}</small></th>")
        for c in r.cells:
            cls = "best" if c.best else ("silent" if c.position == "silent" else "")
            quote = f"<small>“{e(c.quote[:240])}”</small>" if c.quote else ""
            out.append(f"<td class=\"{cls}\">{e(cell_text(c))}{quote}</td>")
        out.append("</tr>")
    out.append("</tbody></table></body></html>")
    return "".join(out) + "\n"


def render_terminal(m: Matrix, console: Any = None) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Vendor comparison (★ = best term on the table)", show_lines=True)
    table.add_column("topic", style="bold", max_width=28)
    for col in m.columns:
        table.add_column(Text(col), max_width=34)
    for r in m.rows:  # Text, not markup: a quote or parameter with "[b]" or "&" is shown as written
        table.add_row(Text(r.topic), *[Text(cell_text(c), style="bold green") if c.best
                                       else Text("silent", style="dim") if c.position == "silent"
                                       else Text(cell_text(c)) for c in r.cells])
    con = console or Console(file=io.StringIO(), width=max(100, 30 + 36 * len(m.columns)), record=True)
    con.print(table)
    return con.export_text() if console is None else ""


def write_xlsx(m: Matrix, path: Any) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from termguard.scan.export import safe_cell

    wb = Workbook()
    ws = wb.active
    ws.title = "compare"
    ws.append(["topic", "title", *[safe_cell(c) for c in m.columns]])
    for c in ws[1]:
        c.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="DFF5E1")
    for r in m.rows:
        ws.append([r.topic, r.title, *[safe_cell(cell_text(c)) for c in r.cells]])
        for i, c in enumerate(r.cells):
            cell = ws.cell(row=ws.max_row, column=3 + i)
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if c.quote:
                from openpyxl.comments import Comment

                cell.comment = Comment(safe_cell(c.quote[:500]), "termguard")
            if c.best:
                cell.fill, cell.font = fill, Font(bold=True)
    from openpyxl.utils import get_column_letter

    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 30
    for i in range(len(m.columns)):
        ws.column_dimensions[get_column_letter(3 + i)].width = 36
    ws.freeze_panes = "C2"
    from pathlib import Path

    from termguard.scan.export import _atomic

    buf = io.BytesIO()
    wb.save(buf)
    _atomic(Path(path), buf.getvalue())  # never half a workbook, and never a stray temp file
