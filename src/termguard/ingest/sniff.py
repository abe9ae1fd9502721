"""Content sniffing: decide the format from the bytes, never from the file name (names are only labels)."""

from __future__ import annotations

import re

HEAD_BYTES = 4096  # enough for every magic we test, including %PDF- after up to 1 KB of junk
_PDF_WINDOW = 1024

PDF = "pdf"
ZIP = "zip"
OLE2 = "ole2"

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Formats we recognise only to refuse them with a useful message.
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"{\\rtf", "RTF document (save as DOCX or PDF)"),
)

_HTML_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
_HTML_TAG = re.compile(
    r"<(?:!doctype|html|head|body|meta|title|div|p|span|table|section|article|main|h[1-6]|ul|ol|br|a)[\s>/]"
)
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{3,})[ \t]*$", re.MULTILINE)
_LINK = re.compile(r"\[[^\]\n]{1,300}\]\([^)\s]{1,500}\)")  # bounded: no quadratic scans
_EMPH = re.compile(r"\*\*[^*\n]{1,300}\*\*|__[^_\n]{1,300}__")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
_MD_SAMPLE = 65536


def sniff_binary(head: bytes) -> str | None:
    """Return PDF, ZIP or OLE2 when the magic says so, else None (the caller tries text)."""
    if b"%PDF-" in head[: _PDF_WINDOW + 5]:
        return PDF
    if head.startswith(_ZIP_MAGICS):
        return ZIP
    if head.startswith(_OLE2_MAGIC):
        return OLE2
    return None


def known_binary(head: bytes) -> str | None:
    """Name a common non-document format (image, archive, RTF) so the refusal can say what it was."""
    for magic, what in _KNOWN_BINARY:
        if head.startswith(magic):
            return what
    return None


def looks_like_html(text: str) -> bool:
    """HTML if the first KB has <!doctype html>/<html>/<head>/<body>, or starts with a common tag.

    Weak tags (<div>, <p>) count only at the very start, because Markdown may embed inline HTML.
    """
    head = text[:1024].lower()
    if _HTML_STRONG.search(head):
        return True
    stripped = head.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and _HTML_TAG.match(stripped) is not None


def _setext_headings(sample: str) -> int:
    """Count underlines (=== / ---) directly below a non-blank line.

    Found from the underline, not with one regex over the line above: that regex backtracks
    quadratically on the very long single-line paragraphs of archived terms (4 s for one 95 KB file).
    """
    count = 0
    for match in _UNDERLINE.finditer(sample):
        before = sample.rfind("\n", 0, max(match.start() - 1, 0))
        if match.start() > 0 and sample[before + 1 : match.start() - 1].strip():
            count += 1
    return count


def looks_like_markdown(text: str) -> bool:
    """Heuristic: headings (ATX `#` or setext underlines) plus links, emphasis or lists.

    The choice only changes the `format` label and the heading blocks; the text is the file either way.
    """
    sample = text[:_MD_SAMPLE]
    headings = len(_ATX.findall(sample)) + _setext_headings(sample)
    links = len(_LINK.findall(sample))
    score = 2 * headings + min(links, 3) + (1 if _EMPH.search(sample) else 0)
    score += 1 if len(_LIST.findall(sample)) >= 2 else 0
    return headings >= 2 or links >= 2 or (headings >= 1 and score >= 3)


def text_kind(text: str) -> str:
    """Classify decoded text as html, markdown or text."""
    if looks_like_html(text):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"
