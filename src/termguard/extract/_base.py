"""Shared helpers: building Parameters with checked offsets, sentence windows, vocabulary tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from termguard.model.parameter import Parameter, Value

Extractor = Callable[[str, int], list[Parameter]]

# A sentence ends at ". " / "; " / "! " / "? " before an upper-case letter, a bracket or a quote, or at a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“‘*\[])|\n")


def make(
    name: str,
    value: Value,
    text: str,
    start: int,
    end: int,
    base: int,
    extractor: str,
    unit: str | None = None,
    normalized: str | None = None,
) -> Parameter:
    """Build a Parameter for ``text[start:end]`` with offsets shifted by ``base``."""
    return Parameter(
        name=name, value=value, raw=text[start:end], start=base + start, end=base + end,
        extractor=extractor, unit=unit, normalized=normalized,
    )


def ordered(params: list[Parameter]) -> list[Parameter]:
    """Sort by start, longer spans first, so results read in text order."""
    return sorted(params, key=lambda p: (p.start, -p.end, p.name))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``, as (start, end) offsets."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() if m else len(text)
    return left, right


def window(text: str, start: int, end: int, width: int = 80) -> tuple[str, str]:
    """Up to ``width`` characters before and after a span, clipped to its sentence."""
    s_left, s_right = sentence_bounds(text, start, end)
    return text[max(s_left, start - width):start], text[end:min(s_right, end + width)]


def sentences(text: str) -> list[tuple[int, int]]:
    """All (start, end) sentence spans of ``text``, whitespace-trimmed, non-empty."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: a canonical value and the regex (case-insensitive unless ``case``) that finds it."""

    canonical: str
    pattern: str
    case: bool = False


class TermTable:
    """Finds vocabulary terms, leftmost first, earlier entries winning ties; one Parameter per mention.

    Entries are tried in order at each position, so put specific phrasings ("SOC 2 Type II") before
    general ones ("SOC 2"). ``reject`` drops a match given (text, start, end, canonical).
    """

    def __init__(
        self,
        name: str,
        extractor: str,
        terms: Sequence[Term],
        reject: Callable[[str, int, int, str], bool] | None = None,
    ) -> None:
        """Compile the table into one alternation with a group per entry."""
        self.name = name
        self.extractor = extractor
        self.canon = [t.canonical for t in terms]
        parts = [
            f"(?P<t{i}>{'' if t.case else '(?i:'}{t.pattern}{'' if t.case else ')'})" for i, t in enumerate(terms)
        ]
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")
        self.reject = reject

    def __call__(self, text: str, base: int = 0) -> list[Parameter]:
        """Extract every mention in ``text``."""
        out: list[Parameter] = []
        for m in self.regex.finditer(text):
            group = m.lastgroup
            if group is None:  # pragma: no cover - every alternative is a named group
                continue
            canonical = self.canon[int(group[1:])]
            if self.reject and self.reject(text, m.start(), m.end(), canonical):
                continue
            out.append(make(self.name, canonical, text, m.start(), m.end(), base, self.extractor,
                            normalized=None))
        return out
