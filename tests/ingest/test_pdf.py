"""PDF: text layer per page, page mapping, running headers/footers, and every way a PDF can be unreadable."""

from __future__ import annotations

from pathlib import Path

import ingest_builders as builders
import pytest
from ingest_builders import refused

from termguard.errors import IngestError
from termguard.ingest import Limits, load, load_bytes
from termguard.ingest.pdf import PAGE_SEPARATOR, strip_running


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_phrase_on_page_three_maps_to_page_three(tmp_path: Path, contract_pdf_bytes: bytes) -> None:
    doc = load(write(tmp_path, "contract.pdf", contract_pdf_bytes))
    assert doc.format == "pdf" and doc.pages == 5
    offset = doc.text.index(builders.PAGE3_MARKER)
    assert doc.page_of(offset) == 3
    assert doc.page_of(0) == 1
    assert doc.page_of(len(doc.text) - 1) == 5
    assert doc.text.count(PAGE_SEPARATOR) == 4


def test_numbered_sections_are_kept_in_order(contract_pdf_bytes: bytes) -> None:
    doc = load_bytes(contract_pdf_bytes, "contract.pdf")
    positions = [doc.text.index(f"{n}. Section heading number {n}") for n in range(1, 16)]
    assert positions == sorted(positions)
    assert "4.2 The Provider shall not use Customer Data" in doc.text


def test_running_header_and_page_footer_are_removed(contract_pdf_bytes: bytes) -> None:
    doc = load_bytes(contract_pdf_bytes, "contract.pdf")
    assert builders.HEADER not in doc.text
    assert "Confidential - Page" not in doc.text
    assert any("removed 10 running header/footer" in w for w in doc.warnings)


def test_blocks_carry_pages_and_cover_lines(contract_pdf_bytes: bytes) -> None:
    doc = load_bytes(contract_pdf_bytes, "contract.pdf")
    assert {b.page for b in doc.blocks} == {1, 2, 3, 4, 5}
    for block in doc.blocks:
        assert "\n" not in doc.text[block.start : block.end]
        assert doc.page_of(block.start) == block.page


def test_text_is_normalised_no_crlf_no_hyphen_markers(contract_pdf_bytes: bytes) -> None:
    doc = load_bytes(contract_pdf_bytes, "contract.pdf")
    assert "\r" not in doc.text and "\ufffe" not in doc.text and "\x02" not in doc.text


def test_isolated_and_in_process_extraction_agree(contract_pdf_bytes: bytes) -> None:
    assert (
        load_bytes(contract_pdf_bytes, "a.pdf").text
        == load_bytes(contract_pdf_bytes, "a.pdf", isolate=False).text
    )


def test_leading_junk_before_magic_is_accepted(contract_pdf_bytes: bytes) -> None:
    doc = load_bytes(b"\r\n%junk from a mail gateway\r\n" * 10 + contract_pdf_bytes, "junk.pdf")
    assert doc.format == "pdf"


def test_strip_running_keeps_body_lines_that_only_differ_in_numbers() -> None:
    pages = [f"Header\n{3 * n}. Section {3 * n}\nclause {7 * n} of the terms\nPage {n}" for n in range(1, 6)]
    kept, removed = strip_running(pages)
    assert removed == 10
    assert kept[2] == "9. Section 9\nclause 21 of the terms"


def test_short_documents_keep_their_edges() -> None:
    kept, removed = strip_running(["Header\nA", "Header\nB"])
    assert removed == 0 and kept == ["Header\nA", "Header\nB"]


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", builders.encrypted_pdf())
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "needs-password", "locked.pdf")
    assert info.value.code == "E103"


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", builders.image_only_pdf())
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "no-text-layer", "scan.pdf")
    assert info.value.message == "no text layer (scanned PDF?); OCR is not built in"
    assert info.value.code == "E104"


def test_blank_pdf_is_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        load(write(tmp_path, "blank.pdf", builders.blank_pdf()))
    refused(info.value, "rejected", "blank.pdf")
    assert info.value.code == "E101"


def test_truncated_pdf_is_corrupt(tmp_path: Path, contract_pdf_bytes: bytes) -> None:
    path = write(tmp_path, "cut.pdf", contract_pdf_bytes[: len(contract_pdf_bytes) // 2])
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "error", "cut.pdf")
    assert info.value.code == "E105"
    assert "corrupt or truncated PDF" in info.value.message


def test_magic_followed_by_garbage_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        load(write(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8))
    refused(info.value, "error", "garbage.pdf")


def test_page_cap(tmp_path: Path, contract_pdf_bytes: bytes) -> None:
    with pytest.raises(IngestError) as info:
        load(write(tmp_path, "long.pdf", contract_pdf_bytes), Limits(max_pages=3))
    refused(info.value, "limit-exceeded", "long.pdf")
    assert "pages" in info.value.message


def test_binary_size_cap_is_checked_before_reading(tmp_path: Path, contract_pdf_bytes: bytes) -> None:
    with pytest.raises(IngestError) as info:
        load(write(tmp_path, "big.pdf", contract_pdf_bytes), Limits(max_bytes=1000))
    refused(info.value, "limit-exceeded", "big.pdf")
    assert "size" in info.value.message


def test_partly_scanned_pdf_loads_with_a_partial_warning() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Typed first page")
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    doc = load_bytes(bytes(pdf.output()), "mixed.pdf")
    assert "Typed first page" in doc.text
    assert any(w.startswith("partial:") and ": 2" in w for w in doc.warnings)


def test_a_page_pdfium_cannot_load_is_skipped_with_a_partial_warning(
    monkeypatch: pytest.MonkeyPatch, contract_pdf_bytes: bytes
) -> None:
    import pypdfium2

    from termguard.ingest import pdf as pdf_module

    real = pdf_module._read_page

    def flaky(document: pypdfium2.PdfDocument, index: int) -> tuple[str, bool]:
        if index == 1:
            raise pypdfium2.PdfiumError("Failed to load page.")
        return real(document, index)

    monkeypatch.setattr(pdf_module, "_read_page", flaky)
    doc = load_bytes(contract_pdf_bytes, "flaky.pdf", isolate=False)
    assert doc.pages == 5
    assert any(w.startswith("partial: 1 page(s) could not be loaded") for w in doc.warnings)
    assert builders.PAGE3_MARKER in doc.text
