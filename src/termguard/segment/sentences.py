"""Split a clause into sentences, keeping exact offsets."""

from __future__ import annotations

import re

from termguard.model import Sentence

# A sentence ends at . ; ! ? (optionally followed by a closing quote or bracket) before whitespace and a capital,
# a digit, an opening quote or bracket — or at a line break that starts a list item, a table row (each row of a
# Markdown table is read on its own) or a new line of text.
_BOUNDARY = re.compile(
    r"(?<=[.!?;])[\"'”’)\]*_]*\s+(?=[\"'“‘(\[*_]*[A-Z0-9])|\n\s*\n|\n(?=\s*(?:[-*+•]|\d+[.)]|\([a-z0-9]+\))\s)|\n(?=\s*\|)"
    # archived terms that lost their line breaks: "Standard Services.When you use" (no space after the stop)
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\s)"
)
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|Inc|Ltd|L\.L\.C|LLC|Corp|Co|No|Nos|Sec|Art|Mr|Ms|Dr|St|vs|cf|U\.S|U\.K|E\.U|approx|incl)\.|\b[A-Z]\.)$"
)
MAX_SENTENCE = 1200


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end], whitespace-trimmed, never empty."""
    out: list[Sentence] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group(0).strip() == "" or "\n" in m.group(0):
            pass
        head = text[max(pos, m.start() - 12):m.start()]
        if "\n" not in m.group(0) and _ABBREV.search(head):
            continue
        _emit(text, pos, m.start(), out)
        pos = m.end()
    _emit(text, pos, end, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    # Very long runs without punctuation (tables, lists flattened by a PDF) are cut at a space.
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(start, cut))
        start = cut + 1
    out.append(Sentence(start, end))
