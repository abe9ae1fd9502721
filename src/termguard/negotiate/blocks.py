"""A tiny document model (headings, paragraphs, bullets, tables, quotes) rendered to Markdown and to DOCX,
so the brief and the checklist are written once and come out identical in both formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.shared import Pt, RGBColor

from termguard.negotiate import docxkit


@dataclass(frozen=True)
class H:
    level: int
    text: str


@dataclass(frozen=True)
class P:
    text: str
    label: str = ""  # bold run-in label ("Ask:")
    italic: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    where: str = ""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...] = ()


Block = H | P | Bullets | Quote | Table


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, H):
            out += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, P):
            text = f"*{b.text}*" if b.italic else b.text
            out += [(f"**{b.label}** " if b.label else "") + text, ""]
        elif isinstance(b, Bullets):
            out += [f"- {i}" for i in b.items] + [""]
        elif isinstance(b, Quote):
            out += ["> " + " ".join(b.text.split()) + (f" ({b.where})" if b.where else ""), ""]
        elif isinstance(b, Table):
            out.append("| " + " | ".join(b.header) + " |")
            out.append("|" + "---|" * len(b.header))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in b.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_docx(blocks: list[Block], title: str, path: Path) -> None:
    d = docxkit.new_document(title)
    for b in blocks:
        if isinstance(b, H):
            d.add_paragraph(b.text, style="Title") if b.level == 1 else d.add_heading(b.text, level=b.level - 1)
        elif isinstance(b, P):
            p = d.add_paragraph()
            if b.label:
                p.add_run(b.label + " ").bold = True
            p.add_run(b.text).italic = b.italic
        elif isinstance(b, Bullets):
            for item in b.items:
                d.add_paragraph(item, style="List Bullet")
        elif isinstance(b, Quote):
            p = d.add_paragraph(style="Quote")
            r = p.add_run(" ".join(b.text.split()))
            r.font.size = Pt(9.5)
            r.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
            if b.where:
                p.add_run(f" ({b.where})").font.size = Pt(8.5)
        elif isinstance(b, Table):
            docxkit.table(d, b.header, b.rows, b.widths_cm or None)
            d.add_paragraph()
    path.write_bytes(docxkit.to_bytes(d))
