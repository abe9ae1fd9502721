"""Cut the text into clauses along its own structure.

A clause starts at a heading or a numbered line and runs to the next one; paragraphs (blank-line separated)
inside it become child clauses so that no unit grows without bound. Each clause keeps the section number and the
heading path above it, which later stages use as context ("Business Terms" › "Data Use").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from termguard.model import Clause, Definition, Document, Sentence
from termguard.segment.aliases import Alias, matching_view
from termguard.segment.definitions import find_definitions
from termguard.segment.numbering import LineStart, parse_line_start
from termguard.segment.sentences import split_sentences


@dataclass(frozen=True)
class Segmentation:
    clauses: tuple[Clause, ...]
    sentences: tuple[Sentence, ...]  # all sentences in document order
    sentence_clause: tuple[int, ...]  # index of the clause of each sentence
    definitions: tuple[Definition, ...]
    # The text the rules match against: defined content terms written over by ordinary words (aliases.py).
    match_text: str = ""
    aliases: tuple[Alias, ...] = ()

    def view(self, text: str) -> str:
        """The matching view when one was made, else the document text itself."""
        return self.match_text or text

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or just before) an offset."""
        starts = self._starts
        return max(0, bisect.bisect_right(starts, offset) - 1)

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [s.start for s in self.sentences]
            object.__setattr__(self, "_starts_cache", cached)
        return cached


@dataclass
class _Open:
    start: int
    level: int
    label: str | None
    heading: str | None


LONG_LINE = 1500
# A section number run into the previous sentence: "improvements.5\\. Standard", "apply:5.1 Processor Terms".
_INLINE_SECTION = re.compile(r"(?<=[a-z)\]”\"*_][.:;])(?P<label>\d{1,2}(?:\.\d{1,2}){0,3}\\?\.?)\s+(?=[A-Z“\"*])")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")


def _setext(text: str, line_end: int, line: str) -> LineStart | None:
    """A Markdown setext heading: a text line underlined by === (level 1) or --- (level 2)."""
    if line_end >= len(text) or not line.strip() or line.lstrip().startswith(("-", "*", "+", "|", ">")):
        return None
    nxt_end = text.find("\n", line_end + 1)
    nxt = text[line_end + 1: len(text) if nxt_end == -1 else nxt_end]
    m = _SETEXT.match(nxt)
    if not m:
        return None
    head = line.strip().strip("*_ ")
    return LineStart(None, head or None, 1 if m.group(1)[0] == "=" else 2, True)


def _units(text: str, line_paragraphs: bool = False) -> list[tuple[int, int, str | None, str | None, int]]:
    """(start, end, label, heading, level) per structural unit: opened by a heading/number or a blank line
    (or, with `line_paragraphs`, by every line: DOCX and HTML text has one paragraph per line)."""
    units: list[tuple[int, int, str | None, str | None, int]] = []
    cur_start, cur_label, cur_head, cur_level = 0, None, None, 0
    pos = 0
    prev_blank = True
    prev_line = ""
    prev_heading = False
    in_long_line = False
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        after = 1  # characters to skip after the line: the newline, or none at a virtual break
        if line_end - pos > LONG_LINE or in_long_line:
            inline = _INLINE_SECTION.search(text, pos + 1, line_end)
            if inline:  # archived terms sometimes run whole sections into one line: "…Features.4.4 Retention."
                line_end, after = inline.start("label"), 0
        in_long_line = after == 0
        line = text[pos:line_end]
        blank = not line.strip()
        if blank and line_paragraphs:
            prev_blank = True
            pos = line_end + after
            continue
        start = (_setext(text, line_end, line) or parse_line_start(line)) if not blank else None
        if start is None and not blank and _SETEXT.match(line) and prev_heading:
            pos = line_end + after  # the underline of a setext heading belongs to the heading unit
            continue
        if start is not None and not prev_blank and not prev_heading and not _may_open_clause(start, line, prev_line):
            start = None  # a number at the start of a wrapped line ("…of this\nSection 11; and") is body text
        if start is not None or ((prev_blank or line_paragraphs) and not blank):
            if pos > cur_start and text[cur_start:pos].strip():
                units.append((cur_start, pos, cur_label, cur_head, cur_level))
            cur_start = pos
            cur_label = start.label if start else None
            cur_head = start.heading if start else None
            cur_level = start.level if start else 99
        prev_blank = blank
        if not blank:
            prev_line = line
            prev_heading = start is not None and start.is_heading_line
        pos = line_end + after
    if text[cur_start:].strip():
        units.append((cur_start, n, cur_label, cur_head, cur_level))
    return units


_ENDS_UNIT = (".", ":", ";", "!", "?", ")", "*", "_", "|", "#", "\u201d", '"')


def _may_open_clause(start: LineStart, line: str, prev_line: str) -> bool:
    """Whether a numbered line right after a non-blank line really starts a clause.

    Markdown headings and bold run-in headings always do. A number does when the line before ended a sentence
    (the caller also lets one follow a heading line), and the number is not followed by a semicolon or comma.
    """
    if start.label is None or line.lstrip().startswith(("#", "**", "__")):
        return True
    after = line.lstrip()[len(start.label):len(start.label) + 1] if line.lstrip().startswith(start.label) else ""
    if after in (";", ","):
        return False
    prev = prev_line.rstrip()
    return not prev or prev.endswith(_ENDS_UNIT)


def segment(doc: Document) -> Segmentation:
    """Clauses with sections, headings, parents and sentences; plus the document's definitions."""
    text = doc.text
    clauses: list[Clause] = []
    sentences: list[Sentence] = []
    sentence_clause: list[int] = []
    stack: list[tuple[int, Clause]] = []  # (level, clause) of open ancestors
    last_numbered: str | None = None
    for start, end, label, heading, level in _units(text, line_paragraphs=doc.format in ("docx", "html")):
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if level == 1 and not label:
            last_numbered = None  # a top-level heading starts a new part: numbering does not carry over
        section = label or _inherited_section(stack) or last_numbered
        if label and re.fullmatch(r"\d+", label):
            last_numbered = label  # headings between numbered sections ("Xbox", "AI Services") stay in them
        path = tuple(c.heading for _, c in stack if c.heading) + ((heading,) if heading else ())
        sents = split_sentences(text, start, end)
        clause = Clause(
            id=f"c{len(clauses):04d}",
            start=_lstrip(text, start, end),
            end=_rstrip(text, start, end),
            section=section,
            heading=heading or (parent.heading if parent else None),
            page=doc.page_of(start),
            level=level,
            sentences=tuple(sents),
            parent=parent.id if parent else None,
            path=path,
        )
        if level < 99:
            stack.append((level, clause))
        for s in sents:
            sentences.append(s)
            sentence_clause.append(len(clauses))
        clauses.append(clause)
    definitions = find_definitions(text, sentences)
    view, aliases = matching_view(text, definitions)
    return Segmentation(tuple(clauses), tuple(sentences), tuple(sentence_clause), tuple(definitions),
                        view if aliases else "", aliases)


def _inherited_section(stack: list[tuple[int, Clause]]) -> str | None:
    for _, c in reversed(stack):
        if c.section:
            return c.section
    return None


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
