"""Shared helpers: building Parameters with checked offsets, sentence windows, vocabulary tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from termguard.model.parameter import Parameter, Value

Extractor = Callable[[str, int], list[Parameter]]

# A sentence ends at ". " / "; " / "! " / "? " before an upper-case letter, a bracket or a quote, or at a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“‘*\[])|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)]|\([a-z0-9]+\))\s)")


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


#: Sentences are looked for at most this far either side of a span (keeps look-ups linear).
SENTENCE_REACH = 1500


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``, as (start, end) offsets, within SENTENCE_REACH."""
    left = max(0, start - SENTENCE_REACH)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    limit = min(len(text), end + SENTENCE_REACH)
    found = _SENTENCE_END.search(text, end, limit)
    return left, found.start() if found else limit


def window(text: str, start: int, end: int, width: int = 80) -> tuple[str, str]:
    """Up to ``width`` characters before and after a span, clipped to its sentence."""
    s_left, s_right = sentence_bounds(text, start, end)
    return text[max(s_left, start - width):start], text[end:min(s_right, end + width)]


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text.lower()`` (cached: several extractors look for keys in the same text)."""
    return text.lower()


def _prune(keys: Sequence[str]) -> tuple[str, ...]:
    """Drop duplicate keys and keys that contain another key looked for the same way (it finds them too)."""
    unique = list(dict.fromkeys(keys))

    def covered(key: str) -> bool:
        lower = key == key.lower()
        return any(o != key and (o == o.lower()) == lower and o in key for o in unique)

    return tuple(k for k in unique if not covered(k))


class Anchored:
    """Run an expensive regex only near literal key hits found with ``str.find`` (fast).

    A key in lower case is looked for in the lower-cased text, a key with any capital as written.
    Gives the same matches as ``full.finditer(text)`` provided every match contains a key hit,
    starts at most ``before`` characters before it and ends at most ``after`` characters after it
    (tests/extract check this against full scans of the vendor corpus).
    """

    def __init__(self, full: re.Pattern[str], keys: Sequence[str], before: int = 80, after: int = 80) -> None:
        """``keys`` are literal strings, at least one of which occurs in every match of ``full``."""
        self.full = full
        self.keys = _prune(keys)
        self.before = before
        self.after = after

    def hits(self, text: str) -> list[int]:
        """Sorted offsets of key hits."""
        low = lowered(text)
        if len(low) != len(text):  # lower-casing moved offsets (rare Unicode): look everywhere
            return list(range(0, len(text), max(1, self.before)))
        out: list[int] = []
        for key in self.keys:
            hay = low if key == key.lower() else text
            pos = hay.find(key)
            while pos >= 0:
                out.append(pos)
                pos = hay.find(key, pos + 1)
        out.sort()
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Merged (lo, hi) windows around key hits."""
        out: list[tuple[int, int]] = []
        for pos in self.hits(text):
            lo, hi = max(0, pos - self.before), min(len(text), pos + self.after)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches of ``full`` in text order."""
        last = 0
        for lo, hi in self.spans(text):
            for m in self.full.finditer(text, max(lo, last), hi):
                last = m.end()
                yield m


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: a canonical value and the regex (case-insensitive unless ``case``) that finds it."""

    canonical: str
    pattern: str
    case: bool = False


class TermTable:
    """Finds vocabulary terms, leftmost first, earlier entries winning ties; one Parameter per mention.

    Entries are tried in order at each position, so put specific phrasings ("SOC 2 Type II") before
    general ones ("SOC 2"). ``keys`` are literals (see ``Anchored``) one of which occurs in every
    match, at most ``reach`` characters from its ends. ``reject`` drops a match given (text, start,
    end, canonical).
    """

    def __init__(
        self,
        name: str,
        extractor: str,
        terms: Sequence[Term],
        keys: Sequence[str],
        reject: Callable[[str, int, int, str], bool] | None = None,
        reach: int = 80,
    ) -> None:
        """Compile the table into one alternation with a group per entry."""
        self.name = name
        self.extractor = extractor
        self.canon = [t.canonical for t in terms]
        parts = [
            f"(?P<t{i}>{'' if t.case else '(?i:'}{t.pattern}{'' if t.case else ')'})" for i, t in enumerate(terms)
        ]
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")
        self.anchored = Anchored(self.regex, keys, reach, reach)
        self.reject = reject

    def __call__(self, text: str, base: int = 0) -> list[Parameter]:
        """Extract every mention in ``text``."""
        out: list[Parameter] = []
        for m in self.anchored.finditer(text):
            assert m.lastgroup is not None
            canonical = self.canon[int(m.lastgroup[1:])]
            if self.reject and self.reject(text, m.start(), m.end(), canonical):
                continue
            out.append(make(self.name, canonical, text, m.start(), m.end(), base, self.extractor))
        return out
