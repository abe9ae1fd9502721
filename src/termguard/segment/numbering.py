"""Recognise the section number or heading that opens a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "## 4. Data", "**4.2 Retention.**", "Section 4.2", "Article IV", "(a)", "(iv)", "A.", "12.", "1.1.3"
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_NUMBER = re.compile(
    r"""^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*
    (?P<label>
        (?:(?:Section|Clause|Article|Schedule|Annex|Appendix|Exhibit|Part)[ \t]+(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z])\b\.?)
      | (?:§[ \t]*\d+(?:\.\d+)*)
      | (?:\d{1,3}(?:\\?\.\d{1,3}){0,4}\\?\.?(?=[ \t]))
      | (?:\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2}|[A-Z])\))
      | (?:(?:[a-z]|[ivx]{1,4}|[A-Z])\)(?=[ \t]))
      | (?:[A-Z]\.(?=[ \t]))
      | (?:[IVX]{1,5}\.(?=[ \t]))
    )""",
    re.VERBOSE,
)
_BOLD_RUN_IN = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(\*\*|__)(?P<head>[^*_\n]{2,100}?)\1")
_ROMAN = re.compile(r"^\(?[ivxl]+\)?$")


@dataclass(frozen=True)
class LineStart:
    """What opens a line: a heading (with level) and/or a section label."""

    label: str | None
    heading: str | None
    level: int
    is_heading_line: bool  # the whole line is a heading (no body on it)


def _label_level(label: str) -> int:
    core = label.strip("().§ ").split()[-1]
    if label.lower().startswith(("article", "part", "schedule", "annex", "appendix", "exhibit")):
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)*\.?", core):
        return core.rstrip(".").count(".") + 1
    if label.startswith("("):
        return 5 if _ROMAN.match(label) and label not in ("(i)", "(v)", "(x)", "(l)") else 4
    return 4


def parse_line_start(line: str) -> LineStart | None:
    """Classify how a line opens; None for body text."""
    m = _MD_HEADING.match(line)
    if m:
        text = m.group(2).strip().strip("*_ ")
        inner = _NUMBER.match(text)
        label = _clean(inner.group("label")) if inner else None
        heading = text[inner.end():].strip(" .*_\\") if inner else text
        return LineStart(label, heading or text or None, len(m.group(1)), True)
    m = _NUMBER.match(line)
    if m:
        label = _clean(m.group("label"))
        rest = line[m.end():].strip()
        head = _run_in_heading(rest)
        is_heading = bool(rest) and len(rest) < 80 and not rest.endswith((".", ";", ",", ":")) and head is None
        if is_heading and (rest[:1].islower() or _ends_mid_sentence(rest)):
            is_heading = False
        heading = head or (rest.strip("*_ ") if is_heading else None)
        return LineStart(label, heading, _label_level(label) + 6, is_heading)
    head = _run_in_heading(line)
    if head:
        whole = line.strip().strip("*_ ").rstrip(":.")
        return LineStart(None, head, 10, whole == head)
    return None


def _run_in_heading(text: str) -> str | None:
    m = _BOLD_RUN_IN.match(text)
    if not m:
        return None
    head = m.group("head").strip().rstrip(".:")
    return head if head and len(head.split()) <= 12 else None


def _clean(label: str) -> str:
    """Drop Markdown escapes and trailing dots: "4\\.2\\." → "4.2"."""
    label = label.replace("\\", "").strip()
    return label[:-1] if label.endswith(".") and label[:-1].replace(".", "").isalnum() else label


_FUNCTION_WORDS = frozenset(
    "a an and or of to for by in on with within from the that which than as at into under without per via its "
    "their our your any all such is are be will shall may must not".split()
)


def _ends_mid_sentence(rest: str) -> bool:
    """A "heading" that ends on a function word ("Provider will notify Customer within") is a wrapped line."""
    words = rest.rstrip("*_ ").split()
    if not words:
        return False
    return words[-1].lower() in _FUNCTION_WORDS or (len(words) > 8 and not rest.istitle() and not rest.isupper())
