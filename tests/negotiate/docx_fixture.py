"""Build a vendor-style DOCX from Markdown-ish text for tests: headings, Word-numbered clauses, and body text
split into several runs (bold in the middle), so anchoring has to split runs to cover a quote exactly."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from termguard.negotiate import docxkit


def md_to_docx(text: str, path: Path) -> Path:
    d = docx.Document()
    num_id = docxkit.clause_numbering(d)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^(#{1,3})\s+(.*)", line)
        if m:
            d.add_heading(re.sub(r"[*_`]", "", m.group(2)), level=len(m.group(1)))
            continue
        m = re.match(r"^\d+\.\s+(.*)", line)
        body = re.sub(r"[*_`]", "", m.group(1) if m else line)
        if m:
            p = docxkit.numbered(d, "", num_id, 1)
        else:
            p = d.add_paragraph()
        third = max(1, len(body) // 3)
        p.add_run(body[:third])
        p.add_run(body[third:2 * third]).bold = True
        p.add_run(body[2 * third:])
    d.save(str(path))
    return path
