"""DOCX: the accepted view of the main document, one paragraph per line, with Word numbering written in.

Parts are read straight from the vetted zip with an lxml parser that resolves no entities and loads no DTD
(an XXE file leaks nothing). python-docx is not used for reading: it would parse every part whole and drops
text inside <w:ins>; we need numbering.xml and styles.xml anyway.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from termguard.ingest import codes
from termguard.ingest._common import check_chars, check_not_blank, make_document, scrub
from termguard.ingest.limits import Limits
from termguard.ingest.numbering import Numberer, parse_definitions
from termguard.ingest.zipguard import open_zip, read_member
from termguard.model.document import Block, Document

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
DOCUMENT_PART = "word/document.xml"
_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)

# Zips we recognise only to refuse them with a useful message.
_OTHER_OFFICE = {
    "xl/workbook.xml": "Excel workbook",
    "ppt/presentation.xml": "PowerPoint presentation",
    "content.xml": "OpenDocument file (save as DOCX or PDF)",
}


def safe_parser() -> etree.XMLParser:
    """Build the only XML parser ingest uses: no entities, no DTD, no network, no comments or PIs."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )


def _parse(data: bytes, part: str, name: str, warnings: list[str]) -> etree._Element:
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise codes.fail(codes.CORRUPT, f"corrupt DOCX: {part} is not well-formed XML ({exc})", name) from exc
    if root.getroottree().docinfo.internalDTD is not None:
        warnings.append(f"{part} declares a DTD; its entities were not expanded")
    return root


@dataclass
class Style:
    """What ingest needs from one w:style: inheritance, numbering, heading level and bold."""

    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    bold: bool | None = None


@dataclass
class Context:
    """Style table of one document, with the namespace it uses (transitional or strict)."""

    w: str
    styles: dict[str, Style] = field(default_factory=dict)
    default_style: str | None = None

    def chain(self, style_id: str | None) -> list[tuple[str, Style]]:
        """Return the style and its basedOn ancestors, nearest first, cycle-safe."""
        out: list[tuple[str, Style]] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append((style_id, style))
            style_id = style.based_on
        return out


def read_docx(data: bytes, name: str, limits: Limits) -> Document:
    """Parse a DOCX held in memory; raises E102 for non-Word zips, E105/E107 for broken or hostile ones."""
    archive = open_zip(data, name)
    members = set(archive.namelist())
    if DOCUMENT_PART not in members:
        raise codes.fail(codes.UNSUPPORTED, f"unsupported format: {_what_zip(members)}", name)
    warnings: list[str] = []
    parts = _part_paths(archive, name, warnings)
    root = _parse(read_member(archive, DOCUMENT_PART, name), DOCUMENT_PART, name, warnings)
    w = W_STRICT if etree.QName(root).namespace == W_STRICT else W_TRANSITIONAL
    ctx = Context(w=w)
    numbering_root = None
    if parts.get("styles") in members:
        _load_styles(
            ctx, _parse(read_member(archive, parts["styles"], name), parts["styles"], name, warnings)
        )
    if parts.get("numbering") in members:
        numbering_root = _parse(
            read_member(archive, parts["numbering"], name), parts["numbering"], name, warnings
        )
    numberer = Numberer(parse_definitions(numbering_root, w), lambda sid: ctx.styles.get(sid, Style()).num_id)
    text, blocks = _paragraphs(root, ctx, numberer, limits, name)
    text = scrub(text, warnings)
    check_not_blank(text, name, "the document has no text")
    title = _core_title(archive, members, name, warnings) or _first_title(text, blocks)
    return make_document(
        name=name, data=data, fmt="docx", text=text, warnings=warnings, blocks=blocks, title=title
    )


def _what_zip(members: set[str]) -> str:
    for marker, what in _OTHER_OFFICE.items():
        if marker in members:
            return what
    return "zip archive without word/document.xml (not a DOCX)"


def _part_paths(archive: zipfile.ZipFile, name: str, warnings: list[str]) -> dict[str, str]:
    """Where styles and numbering live, from word/_rels/document.xml.rels (Word's default paths otherwise)."""
    paths = {"styles": "word/styles.xml", "numbering": "word/numbering.xml"}
    rels_part = "word/_rels/document.xml.rels"
    if rels_part not in archive.namelist():
        return paths
    rels = _parse(read_member(archive, rels_part, name), rels_part, name, warnings)
    for rel in rels.iter(f"{{{REL}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind in paths and target and rel.get("TargetMode") != "External":
            paths[kind] = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
    return paths


def _load_styles(ctx: Context, root: etree._Element) -> None:
    w = ctx.w
    for el in root.iter(f"{{{w}}}style"):
        sid = el.get(f"{{{w}}}styleId")
        if not sid:
            continue
        style = Style(
            name=_attr(el.find(f"{{{w}}}name"), w) or "", based_on=_attr(el.find(f"{{{w}}}basedOn"), w)
        )
        ppr = el.find(f"{{{w}}}pPr")
        if ppr is not None:
            num_id, ilvl = _num_pr(ppr, w)
            style.num_id, style.ilvl = num_id, ilvl
            style.outline = _int(_attr(ppr.find(f"{{{w}}}outlineLvl"), w))
        bold = el.find(f"{{{w}}}rPr/{{{w}}}b")
        style.bold = None if bold is None else _on(bold, w)
        ctx.styles[sid] = style
        if el.get(f"{{{w}}}type") == "paragraph" and _on_attr(el.get(f"{{{w}}}default")):
            ctx.default_style = sid


def _attr(el: etree._Element | None, w: str) -> str | None:
    return None if el is None else el.get(f"{{{w}}}val")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _on(el: etree._Element, w: str) -> bool:
    return _on_attr(el.get(f"{{{w}}}val", "true"))


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in ("0", "false", "off")


def _num_pr(ppr: etree._Element, w: str) -> tuple[str | None, int | None]:
    numpr = ppr.find(f"{{{w}}}numPr")
    if numpr is None:
        return None, None
    return _attr(numpr.find(f"{{{w}}}numId"), w), _int(_attr(numpr.find(f"{{{w}}}ilvl"), w))


@dataclass
class Para:
    """One paragraph as read: text without the label, its style and direct numbering."""

    text: str
    style: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None
    first_run_bold: bool


def _paragraphs(
    root: etree._Element, ctx: Context, numberer: Numberer, limits: Limits, name: str
) -> tuple[str, list[Block]]:
    """Every w:p in document order (body, tables, text boxes once), numbered and joined with newlines."""
    w = ctx.w
    body = root.find(f"{{{w}}}body")
    if body is None:
        raise codes.fail(codes.CORRUPT, "corrupt DOCX: document.xml has no w:body", name)
    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for index, p in enumerate(_iter_paragraphs(body, w)):
        para = _read_paragraph(p, ctx)
        label = _label(para, ctx, numberer)
        line = f"{label} {para.text}" if label else para.text
        if line.strip():
            blocks.append(
                Block(
                    start=offset,
                    end=offset + len(line),
                    paragraph=index,
                    label=label,
                    heading_level=_heading_level(para, ctx),
                    bold=para.first_run_bold,
                )
            )
        lines.append(line)
        offset += len(line) + 1
        check_chars(offset, limits, name)
    return "\n".join(lines), blocks


def _iter_paragraphs(body: etree._Element, w: str) -> list[etree._Element]:
    """w:p elements in order, skipping mc:Fallback copies (text boxes appear in Choice and Fallback)."""
    fallback = f"{{{MC}}}Fallback"
    out = []
    for p in body.iter(f"{{{w}}}p"):
        if not any(a.tag == fallback for a in p.iterancestors()):
            out.append(p)
    return out


def _read_paragraph(p: etree._Element, ctx: Context) -> Para:
    w = ctx.w
    ppr = p.find(f"{{{w}}}pPr")
    style = _attr(ppr.find(f"{{{w}}}pStyle"), w) if ppr is not None else None
    num_id, ilvl = _num_pr(ppr, w) if ppr is not None else (None, None)
    outline = _int(_attr(ppr.find(f"{{{w}}}outlineLvl"), w)) if ppr is not None else None
    text, first_run = _paragraph_text(p, w)
    return Para(text, style, num_id, ilvl, outline, _run_bold(first_run, style, ctx))


_SKIP = {
    "pPr",
    "rPr",
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "p",
    "txbxContent",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
}
_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


def _paragraph_text(p: etree._Element, w: str) -> tuple[str, etree._Element | None]:
    """Read the accepted view: w:t (also inside w:ins), tabs and breaks; skip deleted text and field codes.

    Walks iteratively; nested paragraphs (text boxes) are skipped here and read as paragraphs of their own.
    Returns the text and the first run that contributed text (for bold run-in headings).
    """
    wns, fallback = f"{{{w}}}", f"{{{MC}}}Fallback"
    out: list[str] = []
    first_run: etree._Element | None = None
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag == fallback:
            continue
        local = tag[len(wns) :] if tag.startswith(wns) else None
        if local in _SKIP:
            continue
        if local == "t":
            piece = (el.text or "") + "".join(child.tail or "" for child in el)  # entity nodes add nothing
            if piece and first_run is None:
                first_run = el.getparent()
            out.append(piece)
            continue
        if local in _CHARS:
            out.append(_CHARS[local])
            continue
        stack.extend(reversed(el))
    return "".join(out), first_run


def _run_bold(run: etree._Element | None, para_style: str | None, ctx: Context) -> bool:
    """Bold from the run's own properties, else its character style, else the paragraph style chain."""
    if run is None:
        return False
    w = ctx.w
    rpr = run.find(f"{{{w}}}rPr")
    if rpr is not None:
        b = rpr.find(f"{{{w}}}b")
        if b is not None:
            return _on(b, w)
        rstyle = _attr(rpr.find(f"{{{w}}}rStyle"), w)
        for _, style in ctx.chain(rstyle):
            if style.bold is not None:
                return style.bold
    for _, style in ctx.chain(para_style or ctx.default_style):
        if style.bold is not None:
            return style.bold
    return False


def _label(para: Para, ctx: Context, numberer: Numberer) -> str | None:
    """Direct numPr wins; else the nearest style in the chain with numPr. numId 0 means 'not numbered'."""
    num_id, ilvl = para.num_id, para.ilvl
    style_id = para.style or ctx.default_style
    if num_id is None:
        for sid, style in ctx.chain(style_id):
            if style.num_id is not None:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl if style.ilvl is not None else numberer.level_for_style(num_id, sid)
                break
    if not num_id or num_id == "0":
        return None
    return numberer.label(num_id, ilvl or 0)


def _heading_level(para: Para, ctx: Context) -> int | None:
    """Heading N / Title style names (ids as fallback) or an outline level; Title counts as level 1."""
    if para.outline is not None and 0 <= para.outline <= 8:
        return para.outline + 1
    for sid, style in ctx.chain(para.style):
        for candidate in (style.name, sid):
            match = _HEADING_NAME.match(candidate.replace("Heading", "heading "))
            if match:
                return int(match.group(1))
            if candidate.lower() == "title":
                return 1
        if style.outline is not None and 0 <= style.outline <= 8:
            return style.outline + 1
    return None


def _core_title(archive: zipfile.ZipFile, members: set[str], name: str, warnings: list[str]) -> str | None:
    part = "docProps/core.xml"
    if part not in members:
        return None
    try:
        root = _parse(read_member(archive, part, name), part, name, warnings)
    except Exception:  # noqa: BLE001 - a broken metadata part must not fail the document
        return None
    title = root.find(f"{{{DC}}}title")
    text = (title.text or "").strip() if title is not None else ""
    return text[:200] or None


def _first_title(text: str, blocks: list[Block]) -> str | None:
    chosen = next((b for b in blocks if b.heading_level), blocks[0] if blocks else None)
    return text[chosen.start : chosen.end].strip()[:200] or None if chosen else None
