"""`diff(old_report, new_report) -> DiffResult`: clause alignment, word changes and per-topic changes.

`DiffResult.to_dict()` is the `--format json` output:
    {"changes": [{"topic", "old_position", "new_position", "old_parameters", "new_parameters",
                  "direction": "better"|"worse"|"same", "old_evidence", "new_evidence", "changed",
                  "clauses": [...ids of the aligned clauses that carry the evidence...]}],
     "clauses": [{"kind", "old", "new", "similarity", "moved", "renumbered", "words"?, "topics"}],
     "summary": {kind: count, "worse": n, "better": n}}
Unchanged clauses are counted in the summary but not listed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from termguard.diff.align import Aligned, align, clause_refs
from termguard.diff.changes import TopicChange, topic_changes
from termguard.diff.words import word_diff
from termguard.model.report import Report

# Words that make a clause about data use even before a topic rule tags it (rules are still growing).
DATA_USE = re.compile(r"\b(?:train\w*|fine-?tun\w*|machine learning|artificial intelligence|AI|models?|"
                      r"usage data|telemetry|aggregated|de-?identified|anonymi[sz]ed|your content|customer data|"
                      r"personal data|retain\w*|retention|delet\w*)\b")


def touches_data_use(a: Aligned) -> bool:
    return any(bool(DATA_USE.search(c.text)) for c in (a.old, a.new) if c is not None)


@dataclass(frozen=True)
class DiffResult:
    old_label: str
    new_label: str
    changes: tuple[TopicChange, ...]
    clauses: tuple[Aligned, ...]
    clause_topics: dict[str, tuple[str, ...]]  # "old:<id>" / "new:<id>" → topics tagged on that clause

    def changed_clauses(self) -> list[Aligned]:
        return [a for a in self.clauses if a.kind != "same"]

    def summary(self) -> dict[str, int]:
        c = Counter(a.kind for a in self.clauses)
        d = Counter(ch.direction for ch in self.changes)
        return {**{k: c.get(k, 0) for k in ("same", "moved", "renumbered", "edited", "added", "removed")},
                "worse": d.get("worse", 0), "better": d.get("better", 0)}

    def clauses_for(self, change: TopicChange) -> list[Aligned]:
        """The aligned clauses that hold the evidence of a topic change: where the data use changed."""
        old_ids = {q.clause_id for q in change.old_evidence}
        new_ids = {q.clause_id for q in change.new_evidence}
        return [a for a in self.clauses if (a.old and a.old.id in old_ids) or (a.new and a.new.id in new_ids)]

    def _clause_dict(self, a: Aligned) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": a.kind, "old": a.old.to_dict() if a.old else None,
                             "new": a.new.to_dict() if a.new else None, "similarity": a.similarity,
                             "moved": a.moved, "renumbered": a.renumbered, "data_use": touches_data_use(a)}
        if a.kind == "edited" and a.old and a.new:
            d["words"] = word_diff(a.old.text, a.new.text)
        topics = set(self.clause_topics.get(f"old:{a.old.id}", ()) if a.old else ())
        topics |= set(self.clause_topics.get(f"new:{a.new.id}", ()) if a.new else ())
        d["topics"] = sorted(topics)
        return d

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for ch in self.changes:
            where = [{"kind": a.kind, "old": a.old.to_dict() if a.old else None,
                      "new": a.new.to_dict() if a.new else None} for a in self.clauses_for(ch)]
            changes.append({**ch.to_dict(), "clauses": where})
        return {"old": self.old_label, "new": self.new_label, "changes": changes,
                "clauses": [self._clause_dict(a) for a in self.changed_clauses()], "summary": self.summary()}


def _topics_by_clause(prefix: str, r: Report) -> dict[str, tuple[str, ...]]:
    return {f"{prefix}:{cid}": tuple(sorted({h.topic for h in hits})) for cid, hits in r.clause_topics.items()}


def diff(old: Report, new: Report, topics: Sequence[str] | None = None) -> DiffResult:
    clauses = align(clause_refs(old), clause_refs(new))
    return DiffResult(old.document.path, new.document.path, tuple(topic_changes(old, new, topics)),
                      tuple(clauses), {**_topics_by_clause("old", old), **_topics_by_clause("new", new)})
