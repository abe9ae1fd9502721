"""Turn a placement into a finding: status against the playbook, severity, evidence, parameters, the ask."""

from __future__ import annotations

from typing import Any

from termguard.assess.ladder import Placement, place
from termguard.assess.playbook import Playbook, TopicPolicy
from termguard.classify.rules import PatternMatch
from termguard.extract.registry import extract
from termguard.model import ClauseHit, Document, Evidence, Finding, Severity, Status, finding_id
from termguard.segment import Segmentation
from termguard.topics import Topic

MAX_EVIDENCE = 3
MAX_QUOTE = 480

_CREDIT = {Status.MEETS: 1.0, Status.PARTIAL: 0.5}


def assess_topic(topic: Topic, doc: Document, seg: Segmentation, hits: dict[int, ClauseHit],
                 playbook: Playbook, excluded: set[int] | frozenset[int] = frozenset()) -> Finding:
    """One finding for one topic: silent when nothing in the document addresses it. Sentences the topic's
    exclusions rule out (a pointer to another document, a clause about the customer's duties) give no position."""
    policy = playbook.policy(topic.id) or TopicPolicy(required=topic.ladder[0], severity="low")
    placement = place(topic, doc, seg, hits, excluded)
    if placement.position is None:
        return _silent(topic, doc, policy, placement)
    evidence = _evidence(topic, doc, seg, hits, placement)
    params = _parameters(topic, doc, seg, hits, evidence)
    status, log = _status(topic, placement, params, policy)
    severity = _severity(status, policy)
    sources = sorted({e.source for e in evidence if e.source} | {h.source for h in hits.values()})
    conf = _confidence(placement, hits)
    pos = topic.position(placement.position)
    return Finding(
        topic=topic.id,
        family=topic.family,
        title=topic.title,
        position=placement.position,
        status=status,
        severity=severity,
        required=policy.required,
        parameters=params,
        explanation=_explain(pos.explain if pos else "", params, status, policy),
        ask="" if status == Status.MEETS else _fill(topic.ask, policy),
        evidence=tuple(evidence),
        sources=tuple(sources),
        confidence=conf,
        detection_log=tuple(placement.log + log),
        id=finding_id(doc.sha256, topic.id, [e.quote for e in evidence]),
    )


def _silent(topic: Topic, doc: Document, policy: TopicPolicy, placement: Placement) -> Finding:
    sev = Severity(policy.silent_severity or policy.severity)
    return Finding(
        topic=topic.id, family=topic.family, title=topic.title, position="silent", status=Status.SILENT,
        severity=sev, required=policy.required, parameters={},
        explanation=f"The document does not address this: {topic.detects.strip().rstrip('.')}.",
        ask=_fill(topic.ask, policy), evidence=(), sources=(), confidence=0.0,
        detection_log=tuple(placement.log), id=finding_id(doc.sha256, topic.id, []),
    )


def _quote_span(text: str, start: int, end: int, focus: tuple[int, int] | None) -> tuple[int, int]:
    """The sentence, or a window of it around the decisive match when the sentence is very long."""
    if end - start <= MAX_QUOTE or focus is None:
        return start, end
    mid = (focus[0] + focus[1]) // 2
    lo = max(start, mid - MAX_QUOTE // 2)
    hi = min(end, lo + MAX_QUOTE)
    lo = max(start, hi - MAX_QUOTE)
    if lo > start:
        sp = text.find(" ", lo, lo + 30)
        lo = sp + 1 if sp != -1 else lo
    if hi < end:
        sp = text.rfind(" ", hi - 30, hi)
        hi = sp if sp != -1 else hi
    return lo, hi


def _make_evidence(doc: Document, seg: Segmentation, si: int, focus: tuple[int, int] | None,
                   position: str | None, source: str) -> Evidence:
    s = seg.sentences[si]
    start, end = _quote_span(doc.text, s.start, s.end, focus)
    clause = seg.clauses[seg.sentence_clause[si]]
    return Evidence(
        quote=doc.text[start:end], start=start, end=end, page=doc.page_of(start), section=clause.section,
        clause_id=clause.id, line=doc.textmap.line(start), position=position, source=source,
    )


def _evidence(topic: Topic, doc: Document, seg: Segmentation, hits: dict[int, ClauseHit],
              placement: Placement) -> list[Evidence]:
    """Quotes for the winning position first (strongest first), then the strongest tagged sentences."""
    out: list[Evidence] = []
    used: set[int] = set()
    matches: list[PatternMatch] = sorted(placement.candidates.get(placement.position or "", []),
                                         key=lambda m: (-m.score, m.start))
    for m in matches:
        if m.sentence in used:
            continue
        used.add(m.sentence)
        src = f"rule:{topic.id}/{m.pattern.spec.name}"
        out.append(_make_evidence(doc, seg, m.sentence, (m.start, m.end), placement.position, src))
        if len(out) >= MAX_EVIDENCE:
            return out
    if placement.conflict_with:
        for m in placement.candidates.get(placement.conflict_with, [])[:1]:
            if m.sentence not in used:
                used.add(m.sentence)
                src = f"rule:{topic.id}/{m.pattern.spec.name}"
                out.append(_make_evidence(doc, seg, m.sentence, (m.start, m.end), placement.conflict_with, src))
    for h in sorted(hits.values(), key=lambda h: (-h.score, h.start)):
        si = seg.sentence_index(h.start)
        if si in used or len(out) >= MAX_EVIDENCE:
            continue
        used.add(si)
        out.append(_make_evidence(doc, seg, si, None, None, h.source))
    return out


def _parameters(topic: Topic, doc: Document, seg: Segmentation, hits: dict[int, ClauseHit],
                evidence: list[Evidence]) -> dict[str, Any]:
    """Each declared parameter from the quotes that decided the position first, then the other tagged sentences.

    A parameter marked `deciding_clauses_only` looks no further than the clauses whose quotes decided the
    position ("as long as necessary" must not borrow the 90 days of the deletion clause beside it).
    """
    deciding = [e for e in evidence if e.position]
    first = [(e.start, e.end) for e in deciding] + [(e.start, e.end) for e in evidence if not e.position]
    rest = [(h.start, h.end) for h in sorted(hits.values(), key=lambda h: h.start) if (h.start, h.end) not in first]
    clauses = {e.clause_id for e in deciding}
    near = [(h.start, h.end) for h in sorted(hits.values(), key=lambda h: h.start)
            if h.clause_id in clauses and (h.start, h.end) not in first]
    out: dict[str, Any] = {}
    for spec in topic.parameters:
        values: list[Any] = []
        spans = first + (near if spec.deciding_clauses_only and deciding else rest)
        for start, end in spans:
            for p in extract(spec.name, doc.text[start:end], start):
                if p.value not in values:
                    values.append(p.value)
            if values and not spec.many:
                break
        if values:
            out[spec.name] = values if spec.many else values[0]
    return out


def _status(topic: Topic, placement: Placement, params: dict[str, Any],
            policy: TopicPolicy) -> tuple[Status, list[str]]:
    ladder = topic.ladder
    pos = placement.position or ""
    log: list[str] = []
    if placement.conflict_with:
        return Status.CONFLICTING, log
    req = policy.required if policy.required in ladder else ladder[0]
    if pos in ladder and ladder.index(pos) <= ladder.index(req):
        status = Status.MEETS
    elif pos in policy.partial:
        status = Status.PARTIAL
    else:
        status = Status.SHORT
    if status == Status.MEETS:
        broken = _broken_thresholds(params, policy)
        if broken:
            log.append("thresholds not met: " + "; ".join(broken))
            status = Status.PARTIAL
    return status, log


def _broken_thresholds(params: dict[str, Any], policy: TopicPolicy) -> list[str]:
    t = policy.thresholds
    out = []

    def num(name: str) -> float | None:
        v = params.get(name)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    days, hours, notice = num("days"), num("hours"), num("notice_days")
    per_year, months = num("per_year"), num("months_of_fees")
    if t.max_days is not None and days is not None and days > t.max_days:
        out.append(f"{days:g} days > {t.max_days}")
    if t.max_hours is not None and hours is not None and hours > t.max_hours:
        out.append(f"{hours:g} hours > {t.max_hours}")
    if t.min_notice_days is not None and notice is not None and notice < t.min_notice_days:
        out.append(f"{notice:g} days' notice < {t.min_notice_days}")
    if t.min_per_year is not None and per_year is not None and per_year < t.min_per_year:
        out.append(f"{per_year:g} per year < {t.min_per_year:g}")
    if t.min_months_of_fees is not None and months is not None and months < t.min_months_of_fees:
        out.append(f"{months:g} months of fees < {t.min_months_of_fees}")
    return out


def _severity(status: Status, policy: TopicPolicy) -> Severity:
    base = Severity(policy.severity)
    if status == Status.MEETS:
        return Severity.INFO
    if status == Status.PARTIAL:
        return list(Severity)[max(1, base.rank - 1)]
    if status == Status.SILENT:
        return Severity(policy.silent_severity or policy.severity)
    return base


def _confidence(placement: Placement, hits: dict[int, ClauseHit]) -> float:
    best_hit = max((h.score for h in hits.values()), default=0.0)
    sig = max((m.score for m in placement.candidates.get(placement.position or "", [])), default=0.0)
    conf = best_hit * (sig if sig else 0.6)
    return round(min(1.0, conf), 3)


def _fill(template: str, policy: TopicPolicy) -> str:
    t = policy.thresholds
    values = {
        "max_days": t.max_days if t.max_days is not None else 30,
        "max_hours": t.max_hours if t.max_hours is not None else 72,
        "min_notice_days": t.min_notice_days if t.min_notice_days is not None else 30,
        "min_per_year": int(t.min_per_year) if t.min_per_year is not None else 1,
        "min_months_of_fees": t.min_months_of_fees if t.min_months_of_fees is not None else 12,
    }
    try:
        return template.strip().format(**values)
    except (KeyError, IndexError, ValueError):
        return template.strip()


def _explain(meaning: str, params: dict[str, Any], status: Status, policy: TopicPolicy) -> str:
    bits = [meaning.strip()]
    if params:
        shown = ", ".join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in params.items())
        bits.append(f"Stated: {shown}.")
    if status == Status.MEETS:
        bits.append(f"This meets the playbook ({policy.required}).")
    elif status == Status.CONFLICTING:
        bits.append("The document says incompatible things in different places; both are quoted.")
    else:
        bits.append(f"The playbook requires '{policy.required}'.")
    return " ".join(b for b in bits if b)


def credit(status: Status) -> float:
    return _CREDIT.get(status, 0.0)
