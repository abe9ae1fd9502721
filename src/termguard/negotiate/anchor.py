"""Map a finding's character offsets back to runs of the vendor's own DOCX, splitting runs at the quote's edges.

The ingest text of a DOCX is its paragraphs (every w:p in body order, text boxes once, mc:Fallback copies
skipped) joined by "\\n", each prefixed with its Word numbering label and a space. This module walks the same
paragraphs in the same order and counts characters the same way (w:t, tabs, breaks; deleted text and field
codes skipped), so an offset in a finding lands on the run that holds that character.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from termguard.model import Document

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_SKIP = {"del", "moveFrom", "delText", "instrText", "delInstrText", "txbxContent", "pPr", "rPr"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraphs(body: etree._Element) -> list[etree._Element]:
    """w:p elements in the order ingest numbers them."""
    return [p for p in body.iter(qn("w:p")) if not any(a.tag == MC_FALLBACK for a in p.iterancestors())]


def _content(el: etree._Element) -> str:
    local = el.tag[len(W):] if isinstance(el.tag, str) and el.tag.startswith(W) else ""
    if local == "t":
        return el.text or ""
    return _CHARS.get(local, "")


def run_spans(p: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """(w:r, start, end) in paragraph-text coordinates, for runs that belong to this paragraph's accepted view."""
    out = []
    pos = 0
    for r in p.iter(qn("w:r")):
        if next(r.iterancestors(qn("w:p")), None) is not p:
            continue  # a run of a nested (text box) paragraph
        if any(isinstance(a.tag, str) and a.tag[len(W):] in _SKIP for a in r.iterancestors() if a is not p):
            continue
        n = sum(len(_content(c)) for c in r)
        if n:
            out.append((r, pos, pos + n))
            pos += n
    return out


def _trim(r: etree._Element, lo: int, hi: int) -> None:
    """Keep only characters [lo, hi) of the run's text."""
    pos = 0
    for c in list(r):
        n = len(_content(c))
        if not n:
            continue
        s, e = max(lo, pos), min(hi, pos + n)
        if e <= s:
            r.remove(c)
        elif c.tag == qn("w:t") and (s, e) != (pos, pos + n):
            c.text = (c.text or "")[s - pos:e - pos]
            c.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        pos += n


def split_run(r: etree._Element, at: int) -> etree._Element:
    """Split a run at a character offset inside it; returns the new second half (inserted after `r`)."""
    total = sum(len(_content(c)) for c in r)
    second = copy.deepcopy(r)
    _trim(r, 0, at)
    _trim(second, at, total)
    r.addnext(second)
    return second


@dataclass(frozen=True)
class Anchor:
    paragraph: int
    first: etree._Element
    last: etree._Element


def locate(doc: Document, body: etree._Element, start: int, end: int) -> Anchor | None:
    """The runs covering text[start:end], clamped to the paragraph of `start`, split so they cover it exactly."""
    block = next((b for b in doc.blocks if b.start <= start < b.end), None)
    if block is None or block.paragraph is None:
        return None
    paras = paragraphs(body)
    if block.paragraph >= len(paras):
        return None
    p = paras[block.paragraph]
    prefix = len(block.label) + 1 if block.label else 0
    lo = max(0, start - block.start - prefix)
    hi = max(lo + 1, min(end, block.end) - block.start - prefix)
    spans = run_spans(p)
    if not spans:
        return None
    hi = min(hi, spans[-1][2])
    lo = min(lo, hi - 1)
    first = _cut(p, lo, True)
    last = _cut(p, hi, False)
    if first is None or last is None:
        return None
    return Anchor(block.paragraph, first, last)


def _cut(p: etree._Element, offset: int, starting: bool) -> etree._Element | None:
    """The run that starts at `offset` (starting) or ends at it (not starting), splitting one if needed."""
    for r, s, e in run_spans(p):
        if starting and s <= offset < e:
            return r if offset == s else split_run(r, offset - s)
        if not starting and s < offset <= e:
            if offset < e:
                split_run(r, offset - s)
            return r
    return None


def anchored_texts(body: etree._Element) -> dict[str, str]:
    """comment id → the text between its range start and end (for tests and the pack's own check)."""
    out: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
            out.setdefault(el.get(qn("w:id")), "")
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag in (qn("w:t"),) and not any(a.tag == qn("w:del") for a in el.iterancestors()):
            for cid in open_ids:
                out[cid] += el.text or ""
    return out
