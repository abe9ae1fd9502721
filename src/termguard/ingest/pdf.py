r"""PDF via pypdfium2: fast, keeps reading order and hanging section numbers (docs/decisions/0002-ingest.md).

Each page's text layer is read with `get_text_range()`, normalised (CRLF → LF, PDFium's U+FFFE / \\x02 hyphen
markers dropped so a hyphenated word is joined), running headers/footers removed, and pages are joined with
PAGE_SEPARATOR while `page_starts` records where each page begins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from termguard.ingest import codes
from termguard.ingest._common import check_chars, make_document, scrub
from termguard.ingest.limits import Limits
from termguard.model.document import Block, Document

PAGE_SEPARATOR = "\n\f\n"
_EDGE_LINES = 3  # how many lines at the top and bottom of a page can be a running header/footer
_MIN_PAGES_FOR_RUNNING = 3
_RUNNING_SHARE = 0.5  # "most pages": at least half of them
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_DROP = str.maketrans({"\ufffe": None, "\x02": None})

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: (codes.NEEDS_PASSWORD, "needs password: the PDF is encrypted"),
    pdfium_c.FPDF_ERR_SECURITY: (
        codes.UNSUPPORTED,
        "unsupported format: PDF uses an unsupported security handler",
    ),
}


def read_pdf(data: bytes, name: str, limits: Limits) -> Document:
    """Extract the text layer; scanned (textless) documents raise E104, unreadable ones E103/E105."""
    pdf = _open(data, name)
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise codes.fail(
                codes.LIMIT, f"limit exceeded (pages): {count} pages, limit {limits.max_pages}", name
            )
        if count == 0:
            raise codes.fail(codes.EMPTY, "empty: the PDF has no pages", name)
        pages, textless, broken = _read_pages(pdf, name, limits)
        meta_title = _metadata_title(pdf)
    finally:
        pdf.close()
    if len(broken) == len(pages):
        raise codes.fail(codes.CORRUPT, "corrupt PDF: no page could be loaded", name)
    return _build(data, name, pages, textless, broken, meta_title)


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code, message = _LOAD_ERRORS.get(exc.err_code, (codes.CORRUPT, f"corrupt or truncated PDF ({exc})"))
        raise codes.fail(code, message, name) from exc


def _read_pages(pdf: pdfium.PdfDocument, name: str, limits: Limits) -> tuple[list[str], list[int], list[int]]:
    """Text of every page, pages with content but no text, and pages PDFium could not load (both 1-based)."""
    pages: list[str] = []
    textless: list[int] = []
    broken: list[int] = []
    total = 0
    for index in range(len(pdf)):
        try:
            text, has_content = _read_page(pdf, index)
        except pdfium.PdfiumError:
            text, has_content = "", False
            broken.append(index + 1)
        if not text.strip() and has_content:
            textless.append(index + 1)
        total += len(text) + len(PAGE_SEPARATOR)
        check_chars(total, limits, name)
        pages.append(text)
    return pages, textless, broken


def _read_page(pdf: pdfium.PdfDocument, index: int) -> tuple[str, bool]:
    page = pdf[index]
    try:
        text = _normalise(_page_text(page))
        return text, bool(text.strip()) or _has_objects(page)
    finally:
        page.close()


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


def _has_objects(page: pdfium.PdfPage) -> bool:
    return next(iter(page.get_objects(max_depth=1)), None) is not None


def _normalise(raw: str) -> str:
    """CRLF → LF, drop hyphen markers, strip trailing spaces and blank edges of the page."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _metadata_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = pdf.get_metadata_value("Title").strip()
    except (pdfium.PdfiumError, KeyError, UnicodeDecodeError):
        return None
    return title or None


def _key(line: str) -> str:
    """Page-independent form of a line: page numbers and dates differ between pages, the rest repeats."""
    return _DIGITS.sub("#", _SPACES.sub(" ", line.strip().lower()))


def _edge(lines: list[str], from_bottom: bool) -> Iterator[int]:
    """Yield indices of the first (or last) _EDGE_LINES non-blank lines, outermost first."""
    order = range(len(lines) - 1, -1, -1) if from_bottom else range(len(lines))
    seen = 0
    for i in order:
        if lines[i].strip():
            yield i
            seen += 1
            if seen == _EDGE_LINES:
                return


def _running_keys(pages: list[list[str]], from_bottom: bool) -> set[str]:
    """Keys of edge lines that repeat on most pages: identical text, or text whose numbers follow the page.

    Digits are masked to match "Page 3 of 9" with "Page 4 of 9", but a masked match alone would also match
    body lines such as "3.1 The Provider shall..." at the top of every page; so a line that is not repeated
    verbatim must contain a number that moves in step with the page number.
    """
    if len(pages) < _MIN_PAGES_FOR_RUNNING:
        return set()
    seen: dict[str, list[tuple[int, str]]] = {}
    for number, lines in enumerate(pages, start=1):
        for key, line in {_key(lines[i]): lines[i].strip() for i in _edge(lines, from_bottom)}.items():
            seen.setdefault(key, []).append((number, line))
    needed = max(_MIN_PAGES_FOR_RUNNING, math.ceil(_RUNNING_SHARE * len(pages)))
    return {key for key, hits in seen.items() if key and len(hits) >= needed and _repeats(hits)}


def _repeats(hits: list[tuple[int, str]]) -> bool:
    if len({line for _, line in hits}) == 1:
        return True
    offsets: set[int] | None = None
    for page, line in hits:
        here = {int(n) - page for n in _DIGITS.findall(line)[:8]}
        offsets = here if offsets is None else offsets & here
        if not offsets:
            return False
    return bool(offsets)


def strip_running(pages: list[str]) -> tuple[list[str], int]:
    """Drop header/footer lines repeated at the same edge of most pages; returns pages and lines removed.

    Only lines contiguous with the page edge are removed, so a body line that happens to match stays.
    """
    split = [page.split("\n") for page in pages]
    top, bottom = _running_keys(split, False), _running_keys(split, True)
    removed = 0
    result: list[str] = []
    for lines in split:
        drop: set[int] = set()
        for keys, from_bottom in ((top, False), (bottom, True)):
            for i in _edge(lines, from_bottom):
                if _key(lines[i]) not in keys:
                    break
                drop.add(i)
        removed += len(drop)
        kept = [line for i, line in enumerate(lines) if i not in drop]
        result.append("\n".join(kept).strip("\n"))
    return result, removed


def _build(
    data: bytes, name: str, pages: list[str], textless: list[int], broken: list[int], meta_title: str | None
) -> Document:
    if not any(page.strip() for page in pages):
        if textless:
            raise codes.fail(codes.NO_TEXT_LAYER, "no text layer (scanned PDF?); OCR is not built in", name)
        if broken:
            raise codes.fail(codes.CORRUPT, f"corrupt PDF: pages {_listed(broken)} could not be loaded", name)
        raise codes.fail(codes.EMPTY, "empty: the PDF has no text and no content", name)
    warnings: list[str] = []
    pages, removed = strip_running(pages)
    if removed:
        warnings.append(f"removed {removed} running header/footer line(s) repeated on most pages")
    if textless:
        warnings.append(
            f"partial: {len(textless)} page(s) without a text layer (scanned?): {_listed(textless)}"
        )
    if broken:
        warnings.append(f"partial: {len(broken)} page(s) could not be loaded (corrupt): {_listed(broken)}")
    text, page_starts, blocks = _join(pages)
    text = scrub(text, warnings)
    title = meta_title or next((b for b in (text[x.start : x.end].strip() for x in blocks) if b), None)
    return make_document(
        name=name,
        data=data,
        fmt="pdf",
        text=text,
        warnings=warnings,
        blocks=blocks,
        page_starts=page_starts,
        pages=len(pages),
        title=title[:200] if title else None,
    )


def _listed(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:20]) + (" ..." if len(numbers) > 20 else "")


def _join(pages: list[str]) -> tuple[str, tuple[int, ...], list[Block]]:
    """Concatenate pages; each non-blank line becomes a Block carrying its page number."""
    parts: list[str] = []
    starts: list[int] = []
    blocks: list[Block] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        if number > 1:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        starts.append(offset)
        line_start = offset
        for line in page.split("\n"):
            if line.strip():
                blocks.append(Block(start=line_start, end=line_start + len(line), page=number))
            line_start += len(line) + 1
        parts.append(page)
        offset += len(page)
    return "".join(parts), tuple(starts), blocks
