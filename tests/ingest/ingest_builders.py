"""Generators for test documents (PDF via fpdf2, DOCX via python-docx plus raw WordprocessingML)."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
from docx.oxml import parse_xml
from fpdf import FPDF

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = "ACME Cloud AI - Master Services Agreement"
PAGE3_MARKER = "The marker phrase lives on page three"


class _ContractPDF(FPDF):
    def header(self) -> None:
        self.set_font("helvetica", size=9)
        self.cell(0, 8, HEADER, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 8, f"Confidential - Page {self.page_no()} of {{nb}}", align="C")


def contract_pdf(pages: int = 5, sections_per_page: int = 3) -> bytes:
    """A contract with 'n. Heading' sections and 'n.m' clauses, `sections_per_page` per page."""
    pdf = _ContractPDF()
    pdf.set_auto_page_break(auto=False)
    section = 0
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for _ in range(sections_per_page):
            section += 1
            pdf.multi_cell(
                0, 6, f"{section}. Section heading number {section}", new_x="LMARGIN", new_y="NEXT"
            )
            for sub in (1, 2):
                pdf.multi_cell(
                    0,
                    6,
                    f"{section}.{sub} The Provider shall not use Customer Data to train any "
                    f"model, except as the Customer agrees in writing (clause {section}.{sub}).",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
        if page == 3:
            pdf.multi_cell(0, 6, PAGE3_MARKER + ".", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Secret terms")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages that have drawn content but no text objects, like a scan."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(40, 40, 40)
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX

_ABSTRACT = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{{aid}}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>{{s0}}</w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>{{s1}}</w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>"""


def _add_numbering(
    document: docx.document.Document,
    aid: int,
    num_id: int,
    styles: tuple[str, str] | None = None,
    start_override: int | None = None,
) -> None:
    """Add a three-level legal list (1. / 1.1 / (a) / (i)) as abstractNum `aid` and w:num `num_id`."""
    numbering = document.part.numbering_part.element
    s0 = f'<w:pStyle w:val="{styles[0]}"/>' if styles else ""
    s1 = f'<w:pStyle w:val="{styles[1]}"/>' if styles else ""
    abstract = parse_xml(_ABSTRACT.format(aid=aid, s0=s0, s1=s1))
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    override = ""
    if start_override is not None:
        override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'
        )
    )


def _number(paragraph: docx.text.paragraph.Paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _style_numbering(document: docx.document.Document, style_name: str, num_id: int, ilvl: int) -> None:
    ppr = document.styles[style_name].element.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def numbered_docx() -> bytes:
    """Headings numbered through their style (1 / 1.1), body clauses numbered directly (1. / 1.1 / (a)).

    Body list: sections 1.-4. each with clauses n.1, n.2 and items (a), (b) under n.2; 4.2 must appear.
    A second list restarts at 7 through startOverride. Also tracked changes, a bold run-in and a table.
    """
    document = docx.Document()
    document.core_properties.title = "Numbered Test Agreement"
    _add_numbering(document, aid=90, num_id=90)
    _add_numbering(document, aid=91, num_id=91, styles=("Heading1", "Heading2"))
    _add_numbering(document, aid=92, num_id=92, start_override=7)
    _style_numbering(document, "Heading 1", 91, 0)
    _style_numbering(document, "Heading 2", 91, 1)

    document.add_paragraph("Numbered Test Agreement", style="Title")
    document.add_paragraph("Definitions", style="Heading 1")
    document.add_paragraph("Scope", style="Heading 2")
    for section in range(1, 5):
        _number(document.add_paragraph(f"Section {section} heading text"), 90, 0)
        for clause in (1, 2):
            _number(document.add_paragraph(f"Clause {section}.{clause} body"), 90, 1)
        for item in ("first", "second"):
            _number(document.add_paragraph(f"item {item} of section {section}"), 90, 2)
    _number(document.add_paragraph("Restarted list item"), 92, 0)

    tracked = document.add_paragraph("Accepted ")
    tracked._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:t>inserted words</w:t></w:r></w:ins>'
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:delText>deleted words</w:delText></w:r></w:del>'
        )
    )
    tabbed = document.add_paragraph("left")
    tabbed._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:tab/><w:t>right</w:t><w:br/><w:t>next</w:t></w:r>'))

    runin = document.add_paragraph()
    runin.add_run("Confidentiality.").bold = True
    runin.add_run(" Each party keeps the other's information secret.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one text"
    table.cell(0, 1).text = "Cell two text"
    return _save(document)


def simple_docx(text: str = "Hello from a simple document.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    return _save(document)


def _save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(package: bytes, part: str, content: bytes) -> bytes:
    """Rewrite one member of a zip (e.g. word/document.xml), keeping every other member."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == part else source.read(info.filename))
    return out.getvalue()


def xxe_docx(canary_path: str) -> bytes:
    """A DOCX whose document.xml declares an external entity on a local file and uses it in the text."""
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{canary_path}"><!ENTITY lol "lollollol">]>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>Before &xxe; after &lol; end</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    return replace_part(simple_docx(), "word/document.xml", body.encode())


def _patch_central(package: bytes, member: str, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite a field of `member`'s central-directory header (offset from the PK\\x01\\x02 signature)."""
    data = bytearray(package)
    encoded = member.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == encoded:
            struct.pack_into(fmt, data, pos + offset, value)
            return bytes(data)
        pos = data.find(b"PK\x01\x02", pos + 4)
    raise KeyError(member)


def declared_bomb_docx(declared: int = 1 << 30) -> bytes:
    """A small DOCX whose media entry claims to inflate to `declared` bytes (1 GiB by default)."""
    package = replace_part(
        simple_docx(),
        "word/document.xml",
        zipfile.ZipFile(io.BytesIO(simple_docx())).read("word/document.xml"),
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("word/media/zeros.bin", b"\0" * 4096)
    return _patch_central(out.getvalue(), "word/media/zeros.bin", 24, "<I", declared)


def ratio_bomb_docx(megabytes: int = 40) -> bytes:
    """A real deflated entry of `megabytes` MB of zeros (about 1000:1)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(simple_docx())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        with target.open("word/media/zeros.bin", "w") as entry:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                entry.write(chunk)
    return out.getvalue()


def overlapping_docx() -> bytes:
    """Two central-directory entries pointing at the same local header (the 'overlapping entry' bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(simple_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    first = zipfile.ZipFile(io.BytesIO(out.getvalue())).infolist()[0].header_offset
    return _patch_central(out.getvalue(), "word/document.xml", 42, "<I", first)


def many_entries_zip(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("word/document.xml", simple_docx_xml())
        for i in range(count):
            target.writestr(f"word/media/{i}.txt", b"")
    return out.getvalue()


def simple_docx_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(simple_docx())).read("word/document.xml")


def ole2_bytes() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b"legacy word binary" * 20


def refused(excinfo_value: object, status: str, name: str) -> None:
    """Every bad-input test checks the same three things: IngestError, its status, the file named."""
    from termguard.errors import IngestError

    assert isinstance(excinfo_value, IngestError), excinfo_value
    assert excinfo_value.status == status, excinfo_value.one_line()
    assert name in excinfo_value.one_line()
    assert excinfo_value.code.startswith("E1")
