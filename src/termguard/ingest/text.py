"""Plain text and Markdown: the decoded file, unchanged, so offsets index the file's characters.

Decoding order: BOM (UTF-32/16/8) → strict UTF-8 → UTF-16 without BOM (NUL parity) → charset-normalizer
guess, recorded as a warning. BOMs are dropped (they are not text); nothing else is changed except that NUL
and lone surrogates become U+FFFD one for one, which keeps every offset.
"""

from __future__ import annotations

import codecs
import re

from termguard.ingest import codes
from termguard.ingest._common import check_chars, check_not_blank, make_document, scrub
from termguard.ingest.limits import Limits
from termguard.model.document import Block, Document

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 65536
# Control bytes that never occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_BINARY_RATIO = 0.05
_LATIN_CODEPAGES = {
    "cp1250",
    "cp1257",
    "cp775",
    "cp437",
    "cp850",
    "cp852",
    "cp857",
    "cp858",
    "cp1254",
    "latin_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "mac_iceland",
    "mac_roman",
    "mac_latin2",
    "mac_turkish",
}

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte (for Latin script); spot which half."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def is_binary(sample: bytes) -> bool:
    """More than 5% control bytes in the first 64 KB: not a text file (images, executables, sparse zeros)."""
    sample = sample[:_SAMPLE]
    if not sample:
        return False
    controls = len(sample.translate(None, _NON_CONTROL))
    return controls / len(sample) > _BINARY_RATIO


def _strict(data: bytes, encoding: str, name: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise codes.fail(codes.DECODE, f"cannot decode as {encoding} ({why}): {exc.reason}", name) from exc


def decode(data: bytes, name: str, warnings: list[str], declared: str | None = None) -> str:
    """Decode bytes to str, or raise E108 (looks like text, will not decode) / E102 (binary data).

    `declared` is an encoding named by the content itself (an HTML <meta charset>), tried before guessing.
    """
    bom = _bom(data)
    if bom:
        encoding, skip = bom
        return _strict(data[skip:], encoding, name, "declared by its byte-order mark")
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        warnings.append(f"encoding guessed: {utf16} (no byte-order mark)")
        return _strict(data, utf16, name, "guessed from NUL bytes")
    if is_binary(data):
        raise codes.fail(codes.UNSUPPORTED, "unsupported format: binary data, not a document", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, warnings)
    if damaged is not None:
        return damaged
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            warnings.append(f"decoded as {declared} as the document declares (not valid UTF-8)")
            return text
    return _guess(data, name, warnings)


def _damaged_utf8(data: bytes, warnings: list[str], force: bool = False) -> str | None:
    """UTF-8 with a few bad bytes (a stray cp1252 quote pasted in) stays UTF-8, bad bytes become U+FFFD.

    Judged by whether valid multi-byte sequences outnumber the invalid ones: a real cp1252 file has almost
    none, and guessing an 8-bit code page for a UTF-8 file would garble every accented letter in it.
    `force` accepts any damage up to 5% (the last resort when no encoding fits at all).
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if not (valid_multibyte > bad or (force and bad <= 0.05 * max(len(text), 1))):
        return None
    warnings.append(f"replaced {bad} invalid UTF-8 byte sequence(s) with U+FFFD")
    return text


def _guess(data: bytes, name: str, warnings: list[str]) -> str:
    """charset-normalizer's guess, except that cp1252 wins ties among Latin code pages.

    On short Western text the detector cannot tell cp1252 from cp1250/cp1257/mac_iceland (all score 0 chaos)
    and picks the wrong one ("naïve" → "naďve"); cp1252 is by far the commonest legacy encoding of
    English-language contracts, so it is preferred when it decodes cleanly and is no messier.
    """
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files pay for it
    from charset_normalizer.md import mess_ratio

    matches = list(from_bytes(data))
    if not matches:
        damaged = _damaged_utf8(data, warnings, force=True)
        if damaged is not None:
            return damaged
        raise codes.fail(codes.DECODE, "cannot decode: not UTF-8 and no other encoding fits", name)
    best = matches[0]
    encoding, text = best.encoding, str(best)
    floor = min(m.chaos for m in matches)
    western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= floor + 0.01), None)
    if western is not None:
        encoding, text = "cp1252", str(western)
    elif best.encoding in _LATIN_CODEPAGES:
        try:
            candidate = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if mess_ratio(candidate[:_SAMPLE]) <= best.chaos + 0.02:
                encoding, text = "cp1252", candidate
    warnings.append(f"encoding guessed: {encoding} (not valid UTF-8)")
    return text


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, `end` before the line break (and before a CR of CRLF)."""
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl == -1 else nl
        end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        spans.append((pos, end))
        if nl == -1:
            break
        pos = nl + 1
    return spans


def line_blocks(text: str, markdown: bool) -> list[Block]:
    """Paragraphs (runs of non-blank lines) and, for Markdown, ATX and setext headings with their level.

    Fenced code is kept as paragraph text: a `#` inside a fence is not a heading.
    """
    blocks: list[Block] = []
    para: tuple[int, int] | None = None
    fenced = False

    def close() -> None:
        nonlocal para
        if para is not None:
            blocks.append(Block(start=para[0], end=para[1], paragraph=len(blocks)))
            para = None

    for start, end in _lines(text):
        line = text[start:end]
        if markdown and _FENCE.match(line):
            fenced = not fenced
        if not line.strip():
            close()
            continue
        if markdown and not fenced:
            atx = _ATX.match(line)
            if atx:
                close()
                blocks.append(Block(start, end, paragraph=len(blocks), heading_level=len(atx.group(1))))
                continue
            underline = _SETEXT.match(line)
            if underline and para is not None:
                level = 1 if underline.group(1).startswith("=") else 2
                blocks.append(Block(para[0], para[1], paragraph=len(blocks), heading_level=level))
                para = None
                continue
        para = (start, end) if para is None else (para[0], end)
    close()
    return blocks


def read_text(data: bytes, name: str, limits: Limits, kind: str, text: str, warnings: list[str]) -> Document:
    """Build a text or Markdown Document from already-decoded `text` (the dispatcher decoded it to sniff)."""
    text = scrub(text, warnings)
    check_chars(len(text), limits, name)
    check_not_blank(text, name)
    blocks = line_blocks(text, kind == "markdown")
    return make_document(
        name=name,
        data=data,
        fmt=kind,
        text=text,
        warnings=warnings,
        blocks=blocks,
        title=_title(text, blocks),
    )


_UNDERLINE = re.compile(r"^\s*(?:=+|-+)\s*$")


def _title(text: str, blocks: list[Block]) -> str | None:
    """The document's opening line when a === / --- rule underlines it (even after a blank line, as archived
    terms often have it), else the first heading's text, else the first line of the first paragraph."""
    head = [ln for ln in text[:2000].splitlines()[:4]]
    first = next((i for i, ln in enumerate(head) if ln.strip()), None)
    if first is not None:
        rest = [ln for ln in head[first + 1:] if ln.strip()]
        if rest and _UNDERLINE.match(rest[0]):
            return _clean_title(head[first])
    chosen = next((b for b in blocks if b.heading_level), blocks[0] if blocks else None)
    if chosen is None:
        return None
    return _clean_title(text[chosen.start : chosen.end].split("\n", 1)[0])


def _clean_title(line: str) -> str | None:
    """Markdown markers and escapes off ("## 1\\. Terms" → "1. Terms"), control characters out, 200 chars."""
    line = re.sub(r"\\(.)", r"\1", line.strip().lstrip("#").strip().strip("*_ "))
    line = "".join(ch if ch.isprintable() else " " for ch in line)
    return " ".join(line.split())[:200] or None
