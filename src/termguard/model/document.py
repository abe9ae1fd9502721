"""A document as ingest hands it on: one plain text plus a map from offsets to where they came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A run of the text that the source format marks as one unit (PDF page line run, DOCX paragraph, HTML block).

    `label` is a number the format supplied outside the text layer (Word auto-numbering "4.2"); it is also
    written into the text so offsets stay exact. `heading_level` is set when the format marks a heading.
    """

    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None
    heading_level: int | None = None
    label: str | None = None
    bold: bool = False


@dataclass(frozen=True)
class TextMap:
    """Offset → page / paragraph / line lookups over the extracted text."""

    line_starts: tuple[int, ...]
    page_starts: tuple[int, ...] = ()  # offset where page i+1 starts; empty when the format has no pages

    @staticmethod
    def build(text: str, page_starts: tuple[int, ...] = ()) -> TextMap:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return TextMap(tuple(starts), page_starts)

    def line(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def page(self, offset: int) -> int | None:
        """1-based page number of a character offset, or None for formats without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


@dataclass(frozen=True)
class Document:
    """Extracted text of one file. `text[start:end]` is what every evidence quote is cut from."""

    path: str
    sha256: str
    format: str  # pdf | docx | html | markdown | text
    text: str
    textmap: TextMap
    pages: int | None = None
    title: str | None = None
    blocks: tuple[Block, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def page_of(self, offset: int) -> int | None:
        return self.textmap.page(offset)

    def paragraph_of(self, offset: int) -> int | None:
        """Paragraph index (DOCX) or None, found from the blocks."""
        if not self.blocks:
            return None
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        return self.blocks[i].paragraph
