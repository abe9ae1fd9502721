"""What a recognizer says about a clause: a topic, a score and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """One step in the decision: which pattern or model moved the score, and by how much."""

    source: str  # "rule:training.customer-content/train-on-content" or "model:tfidf-v1"
    note: str
    score_before: float
    score_after: float


@dataclass(frozen=True)
class ClauseHit:
    """A topic assigned to a span inside a clause."""

    topic: str
    clause_id: str
    start: int
    end: int
    score: float
    source: str  # "rule:<topic>/<pattern>" or "model:<name>"
    explanation: tuple[Explanation, ...] = ()
    context_word: str | None = None
