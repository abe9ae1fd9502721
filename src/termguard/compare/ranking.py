"""How good a position is for the customer — shared by compare ("best term per row") and diff ("better or
worse").

The topic's ladder is ordered best first, so a lower index is better. `silent` has no place on a ladder: it
ranks after every stated position (the document promises nothing), and `conflicting` is treated like its
worse reading. When two documents take the same position, a few well-known parameters break the tie (fewer
retention days or incident hours, more notice days, a higher cap) — compared only where both documents state
them; everything else is a tie.
"""

from __future__ import annotations

from typing import Any

from termguard.topics import Topic

# parameter name → +1 when a higher value is better for the customer, -1 when lower is better
PARAMETER_DIRECTION: dict[str, int] = {
    "days": -1, "retention_days": -1, "deletion_days": -1, "hours": -1, "notification_hours": -1,
    "cure_days": -1, "notice_days": +1, "months": +1, "months_of_fees": +1, "amount": +1, "cap": +1,
    "per_year": +1, "frequency_per_year": +1,
}


def position_rank(topic: Topic | None, position: str) -> int:
    """0 = best. Silent, and positions the ladder does not know, rank after the whole ladder."""
    ladder = topic.ladder if topic else []
    if position in ladder:
        return ladder.index(position)
    return len(ladder) + (1 if position == "silent" else 0)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value):
        return float(min(value))
    return None


def parameter_score(params: dict[str, Any], only: set[str] | None = None) -> float:
    """A tie-break: sum of direction × value over the parameters we know how to read (higher = better),
    limited to the names in `only` when given."""
    total = 0.0
    for name, direction in PARAMETER_DIRECTION.items():
        if only is not None and name not in only:
            continue
        n = _number(params.get(name))
        if n is not None:
            total += direction * n
    return total


def _shared(a: dict[str, Any], b: dict[str, Any]) -> set[str]:
    """Parameters both sides state as numbers. A parameter only one side states breaks no tie: an unstated
    deadline is not a shorter one (30 days must not lose to "no deadline"), and an unstated cap no higher."""
    return {k for k in PARAMETER_DIRECTION if _number(a.get(k)) is not None and _number(b.get(k)) is not None}


def compare_terms(topic: Topic | None, a: tuple[str, dict[str, Any]], b: tuple[str, dict[str, Any]]) -> int:
    """-1 when `a` is better for the customer than `b`, +1 when worse, 0 when equal."""
    ra, rb = position_rank(topic, a[0]), position_rank(topic, b[0])
    if ra != rb:
        return -1 if ra < rb else 1
    shared = _shared(a[1], b[1])
    sa, sb = parameter_score(a[1], shared), parameter_score(b[1], shared)
    if sa != sb:
        return -1 if sa > sb else 1
    return 0
