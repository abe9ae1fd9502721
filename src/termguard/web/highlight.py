"""Cut the document text into plain segments, each knowing which evidence quotes cover it.

Highlighting is done by slicing, never by inserting markup into the text: the template prints every segment
through Jinja's autoescape, so a contract that contains `<script>` shows those characters and nothing runs.
Overlapping quotes are handled by splitting at every boundary; a segment then belongs to all quotes over it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from termguard.model.finding import Finding


@dataclass(frozen=True)
class Mark:
    """One evidence quote: `key` is its anchor id ("ev-3-0": finding 3, quote 0)."""

    key: str
    start: int
    end: int
    severity: str
    status: str


@dataclass(frozen=True)
class Segment:
    text: str
    keys: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # quotes that open here, so #anchor scrolls to their first segment
    severity: str = ""
    status: str = ""

    @property
    def marked(self) -> bool:
        return bool(self.keys)


def evidence_key(finding_index: int, evidence_index: int) -> str:
    return f"ev-{finding_index}-{evidence_index}"


def marks_for(findings: tuple[Finding, ...] | list[Finding], text_len: int) -> list[Mark]:
    """Every in-range evidence span of every finding, clipped to the text."""
    out = []
    for i, f in enumerate(findings):
        for j, e in enumerate(f.evidence):
            start, end = max(0, e.start), min(text_len, e.end)
            if start < end:
                out.append(Mark(evidence_key(i, j), start, end, f.severity.value, f.status.value))
    return out


_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split `text` at every mark boundary. Concatenating the segments' text gives `text` back exactly."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Segment] = []
    active: list[Mark] = []
    for a, b in pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        if not active:
            out.append(Segment(text[a:b]))
            continue
        top = max(active, key=lambda m: _RANK.get(m.severity, 0))
        opening = tuple(m.key for m in starts.get(a, []))
        out.append(Segment(text[a:b], tuple(m.key for m in active), opening, top.severity, top.status))
    return out
