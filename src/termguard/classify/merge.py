"""Fuse hits from several recognizers: one hit per (topic, sentence), the sources kept, scores combined."""

from __future__ import annotations

from collections import defaultdict

from termguard.model import ClauseHit, Explanation


def fuse(hits: list[ClauseHit]) -> dict[str, dict[int, ClauseHit]]:
    """topic → sentence start → fused hit. Independent sources combine as noisy-or (1 - Π(1 - p))."""
    groups: dict[tuple[str, int], list[ClauseHit]] = defaultdict(list)
    for h in hits:
        groups[(h.topic, h.start)].append(h)
    out: dict[str, dict[int, ClauseHit]] = defaultdict(dict)
    for (topic, start), group in groups.items():
        group.sort(key=lambda h: -h.score)
        top = group[0]
        if len(group) > 1:
            miss = 1.0
            for h in group:
                miss *= 1.0 - h.score
            fused = round(1.0 - miss, 3)
            sources = "+".join(sorted({h.source for h in group}))
            expl = tuple(e for h in group for e in h.explanation) + (
                Explanation("fuse", f"{len(group)} sources agree", top.score, fused),
            )
            top = ClauseHit(topic, top.clause_id, top.start, top.end, fused, sources, expl, top.context_word)
        out[topic][start] = top
    return out
