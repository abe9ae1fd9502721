"""HTML: visible text only, one block element per line, headings and list items marked.

Uses the standard library's event tokenizer, not lxml: libxml2 stops building the tree at depth 256 (2048
with huge_tree) and silently drops everything after, so 100k nested divs lost all following text (measured;
see docs/decisions/0002-ingest.md). A tokenizer has no tree, hence no depth limit and no recursion.
Scripts, styles, templates and <head> are never kept; nothing is executed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from termguard.ingest._common import check_chars, check_not_blank, make_document, scrub
from termguard.ingest.limits import Limits
from termguard.model.document import Block, Document

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
    "canvas",
    "select",
}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "option",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the encoding a <meta charset> in the first 4 KB names (tried if UTF-8 fails)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


class _TextCollector(HTMLParser):
    """Collects paragraphs (text between block boundaries) with their heading level."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, int | None]] = []
        self.title_parts: list[str] = []
        self._buffer: list[str] = []
        self._skip_depth: dict[str, int] = {}
        self._heading: int | None = None
        self._in_title = False
        self._pre = 0

    def _skipping(self, but: str = "") -> bool:
        return any(depth for tag, depth in self._skip_depth.items() if tag != but)

    def flush(self) -> None:
        raw = "".join(self._buffer)
        self._buffer = []
        if self._pre:
            text = raw.strip("\n").replace("\xa0", " ")
            for line in text.split("\n"):
                if line.strip():
                    self.paragraphs.append((line.rstrip(), self._heading))
            return
        text = _WHITESPACE.sub(" ", raw.replace("\xa0", " ")).strip()
        if text:
            self.paragraphs.append((text, self._heading))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> ends here, as in a browser
            self._skip_depth.pop("head", None)
        if tag in _SKIP:
            self._skip_depth[tag] = self._skip_depth.get(tag, 0) + 1
            return
        if tag == "title" and not self.title_parts and not self._skipping(but="head"):
            self._in_title = True  # the document's <title>, not an <svg><title>
        if tag == "br":
            self.flush()
        elif tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self._heading = _HEADINGS[tag]
            elif self._heading is not None and tag in ("p", "div", "li", "table"):
                self._heading = None  # a block inside an unclosed heading ends it
            if tag == "pre":
                self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if self._skip_depth.get(tag):
                self._skip_depth[tag] -= 1
            return
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self._heading = None
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if not self._skipping():
            self._buffer.append(data)


def read_html(data: bytes, name: str, limits: Limits, text: str, warnings: list[str]) -> Document:
    """Build an HTML Document from the decoded markup."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    collector.flush()
    out, blocks = _assemble(collector.paragraphs, limits, name)
    out = scrub(out, warnings)
    check_not_blank(out, name, "the HTML has no visible text")
    title = _WHITESPACE.sub(" ", "".join(collector.title_parts)).strip()
    if not title:
        title = next((out[b.start : b.end] for b in blocks if b.heading_level == 1), "")
    return make_document(
        name=name,
        data=data,
        fmt="html",
        text=out,
        warnings=warnings,
        blocks=blocks,
        title=title[:200] or None,
    )


def _assemble(paragraphs: list[tuple[str, int | None]], limits: Limits, name: str) -> tuple[str, list[Block]]:
    blocks: list[Block] = []
    offset = 0
    for index, (text, heading) in enumerate(paragraphs):
        blocks.append(Block(start=offset, end=offset + len(text), paragraph=index, heading_level=heading))
        offset += len(text) + 1
        check_chars(offset, limits, name)
    return "\n".join(text for text, _ in paragraphs), blocks
