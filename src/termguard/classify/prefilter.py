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
    """How to find a pattern's matches.

    `prefixes`: literals every match starts with (word-anchored when `word_start`), or None.
    `anchors`: alternative sets of word-start literals, each of which every match must contain somewhere (a
    required `\\b(?:train|fine-tun)` group in the middle of the pattern); the rarest set in a document says
    which sentences are worth searching at all.
    """

    prefixes: tuple[str, ...] | None
    word_start: bool
    anchors: tuple[tuple[str, ...], ...] = ()


Prefix = tuple[str, bool]  # (literal start of a match, whether a \\b precedes it)


def _seq_prefixes(items: list[tuple[object, object]], bounded: bool = False) -> set[Prefix] | None:
    """Literal strings every match of the sequence starts with (each flagged when a `\\b` precedes it), or
    None when the start is not literal. A prefix may be "": the caller decides whether it is long enough."""
    acc = ""
    for i, (op, av) in enumerate(items):
        if op is C.AT:
            if acc:
                break
            bounded = bounded or av is C.AT_BOUNDARY
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
            if op in (C.SUBPATTERN, C.BRANCH):  # "n" + (ot|ever): sre factors common prefixes out of branches
                sub = _seq_prefixes([(op, av)])
                return {(acc + x, bounded) for x, _ in sub} if sub is not None else {(acc, bounded)}
            break
        if op is C.SUBPATTERN:
            inner: list[tuple[object, object]] = list(av[-1])  # type: ignore[index]
            return _seq_prefixes(inner + list(items[i + 1:]) if _can_be_empty(av[-1]) else inner,  # type: ignore[index]
                                 bounded)
        if op is C.BRANCH:
            out: set[Prefix] = set()
            for branch in av[1]:  # type: ignore[index]
                sub = _seq_prefixes(list(branch), bounded)
                if sub is None:
                    return None
                out |= sub
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo: int = av[0]  # type: ignore[index]
            body: list[tuple[object, object]] = list(av[2])  # type: ignore[index]
            first = _seq_prefixes(body, bounded)
            if first is None:
                return None
            if lo >= 1:
                return first
            rest = _seq_prefixes(items[i + 1:], bounded)  # an optional start: the match may begin after it
            return None if rest is None else first | rest
        return None
    return {(acc, bounded)}


def _can_be_empty(sub: object) -> bool:
    """Conservative: a group whose width can be zero."""
    try:
        return sub.getwidth()[0] == 0  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return True


def _anchors(items: list[tuple[object, object]]) -> list[tuple[str, ...]]:
    """Word-start literal sets that every match must contain: what follows each top-level `\\b`."""
    if len(items) == 1 and items[0][0] is C.SUBPATTERN:  # (?-i: …) around the whole pattern
        return _anchors(list(items[0][1][-1]))  # type: ignore[index]
    out: list[tuple[str, ...]] = []
    for i, (op, av) in enumerate(items):
        if op is not C.AT or av is not C.AT_BOUNDARY:
            continue
        lits = _seq_prefixes(items[i + 1:], True)
        if lits and all(len(x) >= MIN_PREFIX and x[0].isalnum() for x, _ in lits):
            out.append(tuple(sorted({x for x, _ in lits})))
    return out


def plan(pattern: str) -> Plan:
    """Prefixes every match must start with, or a full-scan plan when the start is not a literal."""
    try:
        parsed = P.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 — an unparseable pattern simply gets a full scan
        return Plan(None, False)
    items = list(parsed)
    anchors = tuple(_anchors(items))
    found = _seq_prefixes(items)
    if not found or any(len(p) < MIN_PREFIX for p, _ in found):
        return Plan(None, False, anchors)
    prefixes = tuple(sorted({p for p, _ in found}))
    word_start = all(bounded and p[0].isalnum() for p, bounded in found)
    return Plan(prefixes, word_start, anchors)


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
        cache = self.__dict__.setdefault("_wp", {})
        got = cache.get(prefix)
        if got is None:
            got = cache[prefix] = self._word_positions(prefix)
        return got

    def _word_positions(self, prefix: str) -> list[int]:
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


def anchor_positions(pl: Plan, index: TextIndex) -> list[int] | None:
    """Positions of the rarest required literal set, or None when the plan has no anchors.

    Cheaper than trying every prefix position when the prefixes are common words ("we", "may") but the
    pattern also requires a rare one ("train").
    """
    if not pl.anchors:
        return None
    best: list[int] | None = None
    for group in pl.anchors:
        pos: list[int] = []
        for lit in group:
            pos.extend(index.word_positions(lit))
        if best is None or len(pos) < len(best):
            best = pos
            if not best:
                break
    return best
