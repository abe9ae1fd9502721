"""The pack for a DOCX contract: every file written, every DOCX opens with python-docx, the rider has its
structure, and every comment in annotated.docx is anchored exactly at the quoted text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from termguard.negotiate.anchor import anchored_texts

FILES = ["rider.docx", "rider.txt", "annotated.docx", "brief.md", "brief.docx", "checklist.md", "checklist.docx",
         "responsibility.md", "pack.json"]


def test_pack_writes_every_file(pack: Path) -> None:
    for name in FILES:
        assert (pack / name).stat().st_size > 0, name


def test_every_docx_opens_with_python_docx(pack: Path) -> None:
    for name in ("rider.docx", "annotated.docx", "brief.docx", "checklist.docx"):
        assert docx.Document(str(pack / name)).paragraphs, name


def test_rider_has_title_parties_numbered_clauses_precedence_and_signatures(pack: Path) -> None:
    d = docx.Document(str(pack / "rider.docx"))
    styles = [p.style.name for p in d.paragraphs]
    text = "\n".join(p.text for p in d.paragraphs)
    assert styles[0] == "Title"
    assert "[CUSTOMER LEGAL NAME]" in text and "[PROVIDER LEGAL NAME]" in text
    headings = [p for p in d.paragraphs if p.style.name == "Clause Heading"]
    assert [h.text for h in headings][-2:] == ["Order of precedence", "General"]
    assert all(h._p.pPr.numPr is not None for h in headings)  # real Word numbering, not typed numbers
    assert "No training on Customer Content" in [h.text for h in headings]
    signature = "\n".join(c.text for row in d.tables[-1].rows for c in row.cells)
    assert "Signature:" in signature and "For Provider" in signature


def test_no_placeholder_is_left_in_the_rider_except_the_parties(pack: Path) -> None:
    text = (pack / "rider.txt").read_text()
    assert set(re.findall(r"\[[^\]]+\]", text)) == {"[CUSTOMER LEGAL NAME]", "[PROVIDER LEGAL NAME]"}
    assert "{" not in text


def test_rider_re_reviewed_with_strict_meets_every_topic_it_covers(pack: Path) -> None:
    manifest = json.loads((pack / "pack.json").read_text())
    assert manifest["rider_topics"]
    assert set(manifest["rider_self_check_strict"].values()) == {"meets"}, manifest["rider_self_check_strict"]


def test_each_comment_is_anchored_at_its_quote(pack: Path) -> None:
    from termguard.pipeline import review

    d = docx.Document(str(pack / "annotated.docx"))
    anchored = anchored_texts(d.element.body)
    comments = {str(c.comment_id): c for c in d.comments}
    assert anchored and set(anchored) <= set(comments)
    report = review(pack.parent.parent / "vendor0" / "acme-terms.docx", "strict") if False else None
    first_para = d.paragraphs[0].text
    quoted = [t for cid, t in anchored.items() if t != first_para]
    assert any(t.startswith("We may use your content") for t in quoted)
    assert any("promptly" in t for t in quoted)
    for cid, t in anchored.items():
        body = comments[cid].text
        assert body.startswith("termguard · ") and "Ask:" in body


def test_silent_topics_are_commented_at_the_start(pack: Path) -> None:
    d = docx.Document(str(pack / "annotated.docx"))
    anchored = anchored_texts(d.element.body)
    at_start = [cid for cid, t in anchored.items() if t == d.paragraphs[0].text]
    manifest = json.loads((pack / "pack.json").read_text())
    assert len(at_start) == manifest["comments"]["at_start"] > 0


def test_brief_orders_shortfalls_by_severity_and_has_ask_fallback_walk_away(pack: Path) -> None:
    brief = (pack / "brief.md").read_text()
    assert brief.index("Training on customer content") < brief.index("(low)") if "(low)" in brief else True
    for label in ("**Ask:**", "**Fallback:**", "**Walk away:**", "**Arguments:**", "escalat"):
        assert label in brief


def test_checklist_marks_silent_items_blank(pack: Path) -> None:
    checklist = (pack / "checklist.md").read_text()
    for section in ("Data boundary", "Model and provider use", "Access and environments", "Logging",
                    "Incident response", "Termination"):
        assert f"## {section}" in checklist
    assert "NOT ADDRESSED" in checklist


def test_responsibility_table_names_a_party_or_nobody(pack: Path) -> None:
    table = (pack / "responsibility.md").read_text()
    for control in ("Data classification", "Access approval", "Secrets", "Logging policy", "Incident response"):
        assert control in table
    assert "Nobody" in table


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_rider_converts_to_pdf_with_libreoffice(pack: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(pack / "rider.docx")],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "rider.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
