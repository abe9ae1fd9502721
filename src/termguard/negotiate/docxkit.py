"""Small python-docx helpers the pack's DOCX writers share: house styles, real Word multi-level numbering,
and simple tables. Word numbering (numbering.xml) rather than typed "1.2" keeps clauses renumbering when a
lawyer inserts or deletes one, and it is what Word and LibreOffice both render."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Arial"  # rendered with the metric-compatible Liberation Sans where Arial is absent


def new_document(title: str) -> DocxDocument:
    """A document with A4 margins, house fonts and the core title set."""
    d = docx.Document()
    for section in d.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.3)
        section.top_margin = section.bottom_margin = Cm(2.2)
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.12
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        st = d.styles[name]
        st.font.name, st.font.size = FONT, Pt(size)
    d.core_properties.title = title
    d.core_properties.author = "termguard"
    return d


def _style(d: DocxDocument, name: str, *, bold: bool, keep_next: bool, outline: int | None) -> None:
    if name in [s.name for s in d.styles]:
        return
    st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = d.styles["Normal"]
    st.font.bold = bold
    st.paragraph_format.keep_with_next = keep_next
    st.paragraph_format.space_before = Pt(10 if bold else 0)
    if outline is not None:
        ppr = st.element.get_or_add_pPr()
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        ppr.append(lvl)


def _lvl(ilvl: int, text: str, indent_cm: float, hanging_cm: float, bold: bool) -> Any:
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(ilvl))
    for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", text), ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(int(indent_cm * 567)))
    ind.set(qn("w:hanging"), str(int(hanging_cm * 567)))
    ppr.append(ind)
    lvl.append(ppr)
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        lvl.append(rpr)
    return lvl


def clause_numbering(d: DocxDocument) -> int:
    """Add a two-level legal numbering ("1." / "1.1") and the styles that use it; returns the numId."""
    numbering = d.part.numbering_part.element
    ids = [int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")] or [0]
    abstract_id = max(ids) + 1
    num_ids = [int(x) for x in numbering.xpath("./w:num/@w:numId")] or [0]
    num_id = max(num_ids) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    abstract.append(_lvl(0, "%1.", 0.9, 0.9, True))
    abstract.append(_lvl(1, "%1.%2", 0.9, 0.9, False))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # schema order: every abstractNum before every num
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    _style(d, "Clause Heading", bold=True, keep_next=True, outline=0)
    _style(d, "Clause Text", bold=False, keep_next=False, outline=None)
    return num_id


def numbered(d: DocxDocument, text: str, num_id: int, level: int) -> Paragraph:
    """A paragraph on the clause numbering: level 0 is a clause heading, level 1 a sub-clause."""
    p = d.add_paragraph(text, style="Clause Heading" if level == 0 else "Clause Text")
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(level)), ("w:numId", str(num_id))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, numpr)
    if level:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def table(d: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]],
          widths_cm: Sequence[float] | None = None) -> Table:
    """A bordered table with a bold, repeated header row."""
    t = d.add_table(rows=1, cols=len(header))
    t.style = d.styles["Table Grid"]
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    trpr = t.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    if widths_cm:
        t.autofit = False
        grid = t._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
            col.set(qn("w:w"), str(int(w * 567)))
        for row in t.rows:
            for cell, w in zip(row.cells, widths_cm):
                cell.width = Cm(w)
    for row in t.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(2)
                for r in p.runs:
                    r.font.size = Pt(9)
    return t


def to_bytes(d: DocxDocument) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
