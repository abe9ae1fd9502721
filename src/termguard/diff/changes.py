"""Per-topic change between two reviews: did the position or parameters move, and did the risk go up?

Direction: both positions on the ladder → the ladder decides (parameters break ties, `compare.ranking`).
When one side is `silent`, the ladder cannot say, so the playbook does: the side whose finding earns more
credit (meets > partial > short = silent) is better; at equal credit, moving from silence to the ladder's worst
rung (an explicit grant to the vendor) is worse, and the reverse is better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from termguard.assess.assess import credit
from termguard.compare.ranking import compare_terms
from termguard.model import Finding
from termguard.model.report import Report
from termguard.topics import Topic, load_catalogue


@dataclass(frozen=True)
class Quote:
    quote: str
    section: str | None
    clause_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "section": self.section, "clause_id": self.clause_id}


@dataclass(frozen=True)
class TopicChange:
    topic: str
    title: str
    old_position: str
    new_position: str
    old_parameters: dict[str, Any]
    new_parameters: dict[str, Any]
    direction: str  # better | worse | same
    old_evidence: tuple[Quote, ...]
    new_evidence: tuple[Quote, ...]
    what: tuple[str, ...]  # position, parameters, evidence

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "title": self.title, "old_position": self.old_position,
                "new_position": self.new_position, "old_parameters": self.old_parameters,
                "new_parameters": self.new_parameters, "direction": self.direction,
                "old_evidence": [q.to_dict() for q in self.old_evidence],
                "new_evidence": [q.to_dict() for q in self.new_evidence], "changed": list(self.what)}


def _quotes(f: Finding | None) -> tuple[Quote, ...]:
    return tuple(Quote(e.quote, e.section, e.clause_id) for e in f.evidence) if f else ()


def _norm(qs: tuple[Quote, ...]) -> set[str]:
    return {" ".join(q.quote.lower().split()) for q in qs}


def _same_parameters(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal up to the order of list values: ['PHI', 'personal data'] and ['personal data', 'PHI'] are the
    same data classes."""
    def canon(v: Any) -> Any:
        if isinstance(v, (list, tuple)):
            return sorted((canon(x) for x in v), key=repr)
        if isinstance(v, dict):
            return {k: canon(x) for k, x in v.items()}
        return v

    return canon(a) == canon(b)


def direction(topic: Topic, old: Finding | None, new: Finding | None) -> str:
    op, np_ = (old.position if old else "silent"), (new.position if new else "silent")
    if op != "silent" and np_ != "silent":
        c = compare_terms(topic, (op, dict(old.parameters) if old else {}), (np_, dict(new.parameters) if new else {}))
        return "worse" if c < 0 else "better" if c > 0 else "same"
    if op == np_:
        return "same"
    co = credit(old.status) if old else 0.0
    cn = credit(new.status) if new else 0.0
    if co != cn:
        return "better" if cn > co else "worse"
    bottom = topic.ladder[-1] if topic.ladder else None
    if op == "silent" and np_ == bottom:
        return "worse"
    if np_ == "silent" and op == bottom:
        return "better"
    return "same"


def topic_changes(old: Report, new: Report, topics: Sequence[str] | None = None,
                  include_evidence_only: bool = True) -> list[TopicChange]:
    """Topics whose position, parameters or (optionally) evidence text changed, in catalogue order.
    `topics` filters by topic id or family letter."""
    wanted = set(topics) if topics else None
    out = []
    for t in load_catalogue():
        if wanted is not None and t.id not in wanted and t.family not in wanted:
            continue
        fo, fn = old.finding(t.id), new.finding(t.id)
        po, pn = (fo.position if fo else "silent"), (fn.position if fn else "silent")
        ao, an = (dict(fo.parameters) if fo else {}), (dict(fn.parameters) if fn else {})
        qo, qn = _quotes(fo), _quotes(fn)
        what = tuple(w for w, changed in (("position", po != pn), ("parameters", not _same_parameters(ao, an)),
                                          ("evidence", _norm(qo) != _norm(qn))) if changed)
        if not what or (what == ("evidence",) and not include_evidence_only):
            continue
        out.append(TopicChange(t.id, t.title, po, pn, ao, an, direction(t, fo, fn), qo, qn, what))
    return out
