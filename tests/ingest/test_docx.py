"""DOCX: Word auto-numbering survives, accepted view of tracked changes, hostile packages are refused."""

from __future__ import annotations

import time
from pathlib import Path

import ingest_builders as builders
import pytest
from ingest_builders import refused

from termguard.errors import IngestError
from termguard.ingest import load, load_bytes
from termguard.model.document import Document


@pytest.fixture(scope="module")
def numbered() -> Document:
    return load_bytes(builders.numbered_docx(), "numbered.docx")


def line_of(doc: Document, prefix: str) -> str:
    return next(line for line in doc.text.split("\n") if line.startswith(prefix))


def test_multilevel_labels_are_written_into_the_text(numbered: Document) -> None:
    assert line_of(numbered, "1. ") == "1. Definitions"
    assert "1. Section 1 heading text" in numbered.text.split("\n")
    assert "1.1 Clause 1.1 body" in numbered.text.split("\n")
    assert "4.2 Clause 4.2 body" in numbered.text.split("\n")
    assert "(b) item second of section 4" in numbered.text.split("\n")


def test_labels_are_in_blocks_and_match_the_text(numbered: Document) -> None:
    labels = [b.label for b in numbered.blocks if b.label]
    assert labels[:4] == ["1.", "1.1", "1.", "1.1"]
    assert "4.2" in labels and "(a)" in labels
    for block in numbered.blocks:
        if block.label:
            assert numbered.text[block.start : block.end].startswith(block.label + " ")


def test_deeper_levels_restart_under_a_new_parent(numbered: Document) -> None:
    lines = numbered.text.split("\n")
    assert lines.index("2.1 Clause 2.1 body") < lines.index("(a) item first of section 2")


def test_start_override_restarts_a_list(numbered: Document) -> None:
    assert "7. Restarted list item" in numbered.text.split("\n")


def test_heading_numbering_from_styles_and_heading_levels(numbered: Document) -> None:
    headings = [(numbered.text[b.start : b.end], b.heading_level) for b in numbered.blocks if b.heading_level]
    assert headings == [("Numbered Test Agreement", 1), ("1. Definitions", 1), ("1.1 Scope", 2)]
    assert numbered.title == "Numbered Test Agreement"


def test_tracked_insertions_kept_deletions_dropped(numbered: Document) -> None:
    assert "Accepted inserted words" in numbered.text
    assert "deleted words" not in numbered.text


def test_tabs_and_breaks(numbered: Document) -> None:
    assert "left\tright\nnext" in numbered.text


def test_bold_run_in_heading_is_flagged(numbered: Document) -> None:
    block = next(b for b in numbered.blocks if numbered.text[b.start :].startswith("Confidentiality."))
    assert block.bold
    assert not next(b for b in numbered.blocks if b.label == "4.2").bold


def test_table_cells_are_paragraphs(numbered: Document) -> None:
    assert "Cell one text\nCell two text" in numbered.text


def test_paragraph_of_maps_offsets_to_paragraph_indices(numbered: Document) -> None:
    offset = numbered.text.index("4.2 Clause")
    block = next(b for b in numbered.blocks if b.label == "4.2")
    assert numbered.paragraph_of(offset) == block.paragraph


def test_xxe_entity_is_not_resolved(tmp_path: Path) -> None:
    canary = tmp_path / "secret.txt"
    canary.write_text("CANARY-7f3a9 top secret")
    doc = load_bytes(builders.xxe_docx(str(canary)), "xxe.docx")
    assert "CANARY" not in doc.text
    assert "lollollol" not in doc.text
    assert doc.text.startswith("Before ")
    assert any("DTD" in w for w in doc.warnings)


def test_declared_one_gib_entry_is_a_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(builders.declared_bomb_docx())
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        load(path)
    assert time.perf_counter() - started < 5.0  # refused from declared sizes, not by inflating
    refused(info.value, "rejected", "bomb.docx")
    assert info.value.code == "E107"
    assert "zip bomb: declares 1073741824 bytes" in info.value.message


def test_high_ratio_entry_is_a_zip_bomb() -> None:
    with pytest.raises(IngestError) as info:
        load_bytes(builders.ratio_bomb_docx(), "ratio.docx")
    refused(info.value, "rejected", "ratio.docx")
    assert "ratio" in info.value.message


def test_overlapping_entries_are_refused() -> None:
    with pytest.raises(IngestError) as info:
        load_bytes(builders.overlapping_docx(), "overlap.docx")
    refused(info.value, "rejected", "overlap.docx")
    assert "overlap" in info.value.message


def test_too_many_entries_are_refused() -> None:
    with pytest.raises(IngestError) as info:
        load_bytes(builders.many_entries_zip(5001), "many.docx")
    refused(info.value, "rejected", "many.docx")
    assert "5002 entries" in info.value.message


def test_legacy_doc_renamed_docx_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(builders.ole2_bytes())
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "unsupported", "old.docx")
    assert "legacy .doc/.xls binary format, save as .docx or PDF" in info.value.message


def test_zip_that_is_not_a_docx_is_unsupported() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestError) as info:
        load_bytes(out.getvalue(), "sheet.docx")
    refused(info.value, "unsupported", "sheet.docx")
    assert "Excel" in info.value.message


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = builders.simple_docx()
    with pytest.raises(IngestError) as info:
        load_bytes(data[: len(data) // 2], "cut.docx")
    refused(info.value, "error", "cut.docx")
    assert info.value.code == "E105"


def test_malformed_document_xml_is_corrupt() -> None:
    data = builders.replace_part(builders.simple_docx(), "word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(IngestError) as info:
        load_bytes(data, "bad.docx")
    refused(info.value, "error", "bad.docx")


def test_docx_without_text_is_empty() -> None:
    with pytest.raises(IngestError) as info:
        load_bytes(builders.simple_docx(""), "blank.docx")
    refused(info.value, "rejected", "blank.docx")
