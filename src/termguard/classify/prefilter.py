"""Find regex matches without scanning the whole text with every pattern.

A review runs about a thousand patterns over documents of up to a few hundred kilobytes; `finditer` costs
~5 ms per pattern on 180 kB, so scanning with each one would take seconds. Most patterns start with a word
alternation (`\\b(?:train|fine-tun|retrain)`), so every match must begin with one of a few literal prefixes.
We read those prefixes from the parsed regex once, find where they occur with a per-document word index, and
try the regex only there (`Pattern.match(text, pos)` sees the real text, so `\\b` and lookbehinds still work).
Patterns whose start cannot be reduced to prefixes fall back to `finditer`.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MIN_PREFIX = 2
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Plan:
    """How to find a pattern's matches: from literal prefixes (word-anchored or not), or by a full scan."""

    prefixes: tuple[str, ...] | None
    word_start: bool


def _seq_prefixes(items: list[tuple[object, object]]) -> set[str] | None:
    acc = ""
    for op, av in items:
        if op is C.AT:
            if acc:
                break
            continue
        if op in (C.ASSERT, C.ASSERT_NOT) and not acc:
            direction = av[0]  # type: ignore[index]
            if direction < 0:  # a lookbehind consumes nothing
                continue
            return None
        if op is C.LITERAL:
            ch = chr(av)  # type: ignore[arg-type]
            if not ch.isascii():
                return None
            acc += ch.lower()
            continue
        if acc:
            break
        if op is C.SUBPATTERN:
            return _seq_prefixes(list(av[-1]))  # type: ignore[index]
        if op is C.BRANCH:
            out: set[str] = set()
            for branch in av[1]:  # type: ignore[index]
                sub = _seq_prefixes(list(branch))
                if sub is None:
                    return None
                out |= sub
            return out
        return None
    return {acc} if acc else None


def plan(pattern: str) -> Plan:
    """Prefixes every match must start with, or a full-scan plan when the start is not a literal."""
    try:
        parsed = P.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 — an unparseable pattern simply gets a full scan
        return Plan(None, False)
    items = list(parsed)
    prefixes = _seq_prefixes(items)
    if not prefixes or any(len(p) < MIN_PREFIX for p in prefixes):
        return Plan(None, False)
    first_ops = [op for op, _ in items if op is not C.ASSERT and op is not C.ASSERT_NOT]
    word_start = bool(first_ops) and first_ops[0] is C.AT and items[0][1] is C.AT_BOUNDARY
    word_start = word_start and all(p[0].isalnum() for p in prefixes)
    return Plan(tuple(sorted(prefixes)), word_start)


@dataclass
class TextIndex:
    """Per-document index: ASCII-lowercased text (same length) and word start positions by word."""

    text: str
    lower: str = ""
    words: dict[str, list[int]] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)

    @staticmethod
    def build(text: str) -> TextIndex:
        lower = text.translate(_ASCII_LOWER)
        words: dict[str, list[int]] = defaultdict(list)
        for m in _WORD.finditer(lower):
            s = m.start()
            if s == 0 or not (lower[s - 1].isalnum() or lower[s - 1] == "_"):
                words[m.group()].append(s)
        return TextIndex(text, lower, dict(words), sorted(words))

    def word_positions(self, prefix: str) -> list[int]:
        """Start offsets of words that begin with `prefix` (whose leading word characters we look up)."""
        head = _WORD.match(prefix)
        if head is None:
            return []
        h = head.group()
        i = bisect.bisect_left(self.keys, h)
        out: list[int] = []
        while i < len(self.keys) and self.keys[i].startswith(h):
            out.extend(self.words[self.keys[i]])
            i += 1
        if len(h) < len(prefix):  # the prefix runs past the word ("opt-"): check the rest in place
            out = [p for p in out if self.lower.startswith(prefix, p)]
        return out

    def find_positions(self, prefix: str) -> list[int]:
        out = []
        i = self.lower.find(prefix)
        while i != -1:
            out.append(i)
            i = self.lower.find(prefix, i + 1)
        return out


def iter_matches(rx: re.Pattern[str], pl: Plan, index: TextIndex) -> Iterator[re.Match[str]]:
    """The non-overlapping matches `rx.finditer(text)` would give, found from the plan's prefixes."""
    text = index.text
    if pl.prefixes is None:
        yield from rx.finditer(text)
        return
    positions: set[int] = set()
    for p in pl.prefixes:
        positions.update(index.word_positions(p) if pl.word_start else index.find_positions(p))
    last_end = -1
    for pos in sorted(positions):
        if pos < last_end:
            continue
        m = rx.match(text, pos)
        if m:
            last_end = m.end() if m.end() > pos else pos + 1
            yield m
