"""Text and Markdown: the Document's text is the file's text, offsets index the file itself."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from ingest_builders import refused

from termguard.errors import IngestError
from termguard.ingest import Limits, load, load_bytes

CONTRACT = 'MASTER AGREEMENT\r\n\r\n1. Definitions\n"Customer Data" means data.\n\n2. Use\nNo training.\n'
DATA_DIR = (
    Path(os.environ.get("TERMGUARD_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
    / "vendor_terms"
    / "docs"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_plain_text_offsets_equal_the_file_content(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "terms.txt", CONTRACT.encode()))
    assert doc.format == "text"
    assert doc.text == CONTRACT
    start = doc.text.index("No training")
    assert doc.text[start : start + 11] == "No training"
    assert doc.textmap.line(start) == 7
    assert doc.pages is None and doc.page_of(start) is None
    assert doc.title == "MASTER AGREEMENT"
    assert len(doc.sha256) == 64
    assert doc.warnings == ()


def test_paragraph_blocks_cover_runs_of_lines(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "terms.txt", CONTRACT.encode()))
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "MASTER AGREEMENT",
        '1. Definitions\n"Customer Data" means data.',
        "2. Use\nNo training.",
    ]
    assert doc.paragraph_of(doc.text.index("No training")) == 2


def test_markdown_keeps_text_and_marks_headings(tmp_path: Path) -> None:
    source = (
        "# Terms of Service\n\nIntro with a [link](https://x.example) and **bold**.\n\n## 2. Data\n\n"
        "```\n# not a heading\n```\n\nSetext Title\n============\n\n- item one\n- item two\n"
    )
    doc = load(write(tmp_path, "tos.md", source.encode()))
    assert doc.format == "markdown"
    assert doc.text == source
    headings = [(doc.text[b.start : b.end], b.heading_level) for b in doc.blocks if b.heading_level]
    assert headings == [("# Terms of Service", 1), ("## 2. Data", 2), ("Setext Title", 1)]
    assert doc.title == "Terms of Service"


def test_name_extension_is_ignored_markdown_named_txt_is_still_markdown(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "notes.pdf", b"# Heading\n\n## Second\n\ntext\n"))
    assert doc.format == "markdown"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    text = "café — naïve clause\nsecond line\n"
    doc = load(write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert doc.text == text
    assert doc.warnings == ()


def test_utf16_without_bom_is_guessed_with_a_warning(tmp_path: Path) -> None:
    text = "café — naïve clause about training data\n"
    doc = load(write(tmp_path, "u16le.txt", text.encode("utf-16-le")))
    assert doc.text == text
    assert any("guessed" in w for w in doc.warnings)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "bom.txt", "Hello terms".encode("utf-8-sig")))
    assert doc.text == "Hello terms"


def test_cp1252_is_guessed_and_recorded(tmp_path: Path) -> None:
    text = ("The café — naïve “smart quotes” clause: the Provider’s licence is limited. " * 3).strip() + "\n"
    doc = load(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert "café — naïve" in doc.text
    assert doc.text == text
    assert any("encoding guessed" in w and "1252" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Die Gebühr beträgt 30 € für Änderungen.\n",
        "café — naïve\n",
    ],
    ids=["german", "tiny"],
)
def test_short_western_text_in_cp1252_decodes_correctly(tmp_path: Path, text: str) -> None:
    assert load(write(tmp_path, "short.txt", text.encode("cp1252"))).text == text


def test_polish_cp1250_is_not_forced_to_cp1252(tmp_path: Path) -> None:
    text = "Zażółć gęślą jaźń — umowa licencyjna, wynagrodzenie.\n"
    assert load(write(tmp_path, "pl.txt", text.encode("cp1250"))).text == text


def test_utf8_with_a_stray_cp1252_byte_stays_utf8(tmp_path: Path) -> None:
    data = "Le café — naïve ".encode() * 5 + b"the Provider\x92s licence\n"
    doc = load(write(tmp_path, "mixed.txt", data))
    assert doc.text.startswith("Le café — naïve ")
    assert "Provider\ufffds licence" in doc.text
    assert any("1 invalid UTF-8" in w for w in doc.warnings)


def test_nul_bytes_become_replacement_characters_keeping_offsets(tmp_path: Path) -> None:
    data = b"Terms of service apply. " * 10 + b"abc\x00def\n"
    doc = load(write(tmp_path, "nul.txt", data))
    assert doc.text == data.decode().replace("\x00", "\ufffd")
    assert len(doc.text) == len(data)
    assert any("NUL" in w for w in doc.warnings)


def test_bidi_overrides_are_kept_and_reported_with_their_line(tmp_path: Path) -> None:
    text = "line one\nThe fee is \u202e001 DSU\u202c per month\n"
    doc = load(write(tmp_path, "bidi.txt", text.encode()))
    assert doc.text == text
    warning = next(w for w in doc.warnings if "bidi" in w)
    assert "2 bidi" in warning and "line(s) 2" in warning


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "], ids=["zero-bytes", "whitespace"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "rejected", "empty.txt")
    assert info.value.code == "E101"


def test_random_bytes_named_pdf_are_unsupported(tmp_path: Path) -> None:
    import random

    path = write(tmp_path, "random.pdf", random.Random(7).randbytes(8192))
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "unsupported", "random.pdf")
    assert info.value.code == "E102"


def test_png_is_named_in_the_refusal(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "unsupported", "scan.docx")
    assert "PNG" in info.value.message


def test_huge_single_line_text_file_is_refused_from_its_size_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.write(b"a" * 1000)
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk, no time
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        load(path)
    assert time.perf_counter() - started < 5.0  # refused from the file size, never read
    refused(info.value, "limit-exceeded", "huge.txt")
    assert "size" in info.value.message


def test_text_cap_is_smaller_than_the_binary_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.write(b"terms of service " * 100)
        handle.truncate(30 * 1024 * 1024)
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "limit-exceeded", "big.txt")


def test_max_chars_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", b"word " * 1000)
    with pytest.raises(IngestError) as info:
        load(path, Limits(max_chars=100))
    refused(info.value, "limit-exceeded", "long.txt")


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_unreadable_paths_are_errors_naming_the_path(tmp_path: Path, make: str) -> None:
    path = tmp_path / "nowhere.txt"
    if make == "directory":
        path.mkdir()
    with pytest.raises(IngestError) as info:
        load(path)
    refused(info.value, "error", "nowhere.txt")
    assert info.value.code == "E109"


def test_load_bytes_uses_the_name_only_as_a_label() -> None:
    doc = load_bytes(b"Plain terms.\n", "../../etc/passwd")
    assert doc.path == "../../etc/passwd"
    assert doc.text == "Plain terms.\n"


def _vendor_docs() -> list[Path]:
    return sorted(DATA_DIR.glob("**/*.md")) if DATA_DIR.is_dir() else []


@pytest.mark.skipif(not DATA_DIR.is_dir(), reason="shared vendor_terms data not present")
@pytest.mark.parametrize("path", _vendor_docs(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_real_vendor_terms_load_as_markdown_unchanged(path: Path) -> None:
    doc = load(path)
    assert doc.format in ("markdown", "text")
    assert doc.text == path.read_text(encoding="utf-8")
