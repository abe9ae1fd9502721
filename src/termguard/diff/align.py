"""Align the clauses of two versions of a document: same, moved, renumbered, edited, added, removed.

Why not a line diff: vendors reflow, renumber and reorder their terms between versions, and a line diff then
reports everything as changed. Clauses are matched on their text with the section number stripped:
1. identical text → same (or moved / renumbered);
2. the remaining pairs by word-set similarity (Dice), best first, above `THRESHOLD` — or above
   `SAME_HEADING_THRESHOLD` when the heading is the same — → edited;
3. what is left → removed (old) or added (new).
A matched clause is *moved* when it falls outside the longest run of pairs that keep their relative order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from termguard.model.report import Report

THRESHOLD = 0.5
SAME_HEADING_THRESHOLD = 0.25
_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"[*_`#>|]+")


@dataclass(frozen=True)
class ClauseRef:
    id: str
    index: int
    section: str | None
    heading: str | None
    text: str  # the clause's text as in the document
    key: str  # normalised text without its number: what matching compares

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "section": self.section, "heading": self.heading}


@dataclass(frozen=True)
class Aligned:
    kind: str  # same | moved | renumbered | edited | added | removed
    old: ClauseRef | None
    new: ClauseRef | None
    similarity: float
    moved: bool = False
    renumbered: bool = False


def _key(text: str, section: str | None) -> str:
    body = text.strip()
    if section and body.startswith(section):
        body = body[len(section):]
    body = _MARKUP.sub(" ", body)
    return " ".join(body.lower().split())


def clause_refs(report: Report) -> list[ClauseRef]:
    text = report.document.text
    refs = []
    for i, c in enumerate(report.clauses):
        body = text[c.start:c.end]
        refs.append(ClauseRef(c.id, i, c.section, c.heading, body, _key(body, c.section)))
    return [r for r in refs if r.key]


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _moved(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs (old, new) sorted by new index that are not on the longest increasing run of old indices."""
    tails: list[int] = []
    tails_at: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for i, (o, _n) in enumerate(pairs):
        k = bisect.bisect_left(tails, o)
        if k == len(tails):
            tails.append(o)
            tails_at.append(i)
        else:
            tails[k], tails_at[k] = o, i
        prev[i] = tails_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tails_at[-1] if tails_at else -1
    while i != -1:
        keep.add(i)
        i = prev[i]
    return {p for j, p in enumerate(pairs) if j not in keep}


def align(old: list[ClauseRef], new: list[ClauseRef]) -> list[Aligned]:
    match: dict[int, tuple[int, float]] = {}  # new index → (old index, similarity)
    by_key: dict[str, list[int]] = {}
    for o in old:
        by_key.setdefault(o.key, []).append(o.index)
    used_old: set[int] = set()
    for n in new:
        cands = [i for i in by_key.get(n.key, []) if i not in used_old]
        if cands:
            match[n.index] = (cands[0], 1.0)
            used_old.add(cands[0])
    words_old = {o.index: set(_WORD.findall(o.key)) for o in old if o.index not in used_old}
    words_new = {n.index: set(_WORD.findall(n.key)) for n in new if n.index not in match}
    old_by, new_by = {o.index: o for o in old}, {n.index: n for n in new}
    scored = []
    for ni, nw in words_new.items():
        for oi, ow in words_old.items():
            s = _dice(nw, ow)
            same_heading = bool(new_by[ni].heading) and new_by[ni].heading == old_by[oi].heading
            if s >= THRESHOLD or (same_heading and s >= SAME_HEADING_THRESHOLD):
                scored.append((s + (0.05 if same_heading else 0.0), ni, oi, s))
    for _score, ni, oi, s in sorted(scored, reverse=True):
        if ni not in match and oi not in used_old:
            match[ni] = (oi, s)
            used_old.add(oi)
    pairs = sorted((o, n) for n, (o, _s) in match.items())
    moved = _moved(sorted(pairs, key=lambda p: p[1]))
    result: list[tuple[float, Aligned]] = []
    for ni, (oi, s) in match.items():
        o, n = old_by[oi], new_by[ni]
        renum = bool(o.section and n.section and o.section != n.section)
        is_moved = (oi, ni) in moved
        kind = "edited" if s < 1.0 else "moved" if is_moved else "renumbered" if renum else "same"
        result.append((float(ni), Aligned(kind, o, n, round(s, 3), is_moved, renum)))
    new_of_old = {oi: ni for ni, (oi, _s) in match.items()}
    anchor = -0.5
    for o in old:
        if o.index in new_of_old:
            anchor = new_of_old[o.index] + 0.5
        elif o.index not in used_old:
            result.append((anchor, Aligned("removed", o, None, 0.0)))
    result += [(float(n.index), Aligned("added", None, n, 0.0)) for n in new if n.index not in match]
    return [a for _k, a in sorted(result, key=lambda x: x[0])]
