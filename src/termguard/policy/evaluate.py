"""Evaluate the data policy against a review's findings: per tier, what the contract allows and whether it
allows more than the organisation's policy. Runs after assessment; reads findings only, never the text."""

from __future__ import annotations

from collections.abc import Sequence

from termguard.assess.playbook import Playbook
from termguard.model import Document, Finding, Status
from termguard.model.report import DataPolicyResult, TierUse
from termguard.policy.regimes import check_regimes
from termguard.policy.tiers import (
    ALLOWANCE_TEXT,
    ALLOWANCES,
    DECISION_CEILING,
    POSITION_ALLOWANCE,
    POSITION_GUARDRAILS,
    TIER_OVERRIDES,
    TIER_TITLES,
    TIER_TOPICS,
)


def _positions(f: Finding) -> list[str]:
    """The positions a finding stands on; a conflicting finding stands on every quoted one."""
    if f.status == Status.CONFLICTING:
        found = [e.position for e in f.evidence if e.position]
        return found or [f.position]
    return [f.position]


def _allowance(tier: str, f: Finding) -> str:
    if f.status == Status.SILENT:
        return "not-addressed"
    table = POSITION_ALLOWANCE.get(f.topic, {})
    levels = [TIER_OVERRIDES.get((tier, f.topic, p), table.get(p, "not-addressed")) for p in _positions(f)]
    return max(levels, key=ALLOWANCES.index)


def guardrails_found(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Guardrails evidenced anywhere in the contract (purpose limitation, aggregation, ...)."""
    found: list[str] = []
    for f in findings:
        if f.status in (Status.SILENT, Status.CONFLICTING):
            continue
        for g in POSITION_GUARDRAILS.get((f.topic, f.position), ()):
            if g not in found:
                found.append(g)
    return tuple(found)


def _sections(fs: list[Finding]) -> tuple[str, ...]:
    out = []
    for f in fs:
        for e in f.evidence[:1]:
            out.append(f"§ {e.section}" if e.section else f"line {e.line}")
    return tuple(out)


def evaluate_tier(tier: str, playbook: Playbook, findings: Sequence[Finding]) -> TierUse:
    rule = playbook.data_policy.rule(tier)
    by_topic = {f.topic: f for f in findings}
    deciding = [by_topic[t] for t in TIER_TOPICS[tier] if t in by_topic]
    found = guardrails_found(findings)
    required = tuple(rule.guardrails)
    if not deciding:
        return TierUse(tier, rule.decision, required, "unknown", found, False, ALLOWANCE_TEXT["unknown"], ())
    levels = [(_allowance(tier, f), f) for f in deciding]
    allowance, worst = max(levels, key=lambda x: ALLOWANCES.index(x[0]))
    ceiling = DECISION_CEILING[rule.decision]
    exceeds = ALLOWANCES.index(allowance) > ALLOWANCES.index(ceiling)
    missing = [g for g in required if g not in found]
    if allowance == "with-guardrails" and missing:
        exceeds = True
    title = TIER_TITLES.get(tier, tier)
    reason = f"{title}: the vendor {ALLOWANCE_TEXT[allowance]} (decided by {worst.topic}: {worst.position})."
    if exceeds:
        wanted = {"deny": "denies training on it", "allow-with-guardrails":
                  f"allows it only with {', '.join(required) or 'guardrails'}", "allow": "allows it"}[rule.decision]
        reason += f" The policy {wanted}"
        reason += f"; missing guardrails: {', '.join(missing)}." if missing and allowance == "with-guardrails" else "."
    topics = tuple(f.topic for _, f in levels)
    return TierUse(tier, rule.decision, required, allowance, found, exceeds, reason, topics, _sections(deciding))


def evaluate_data_policy(doc: Document, playbook: Playbook, findings: Sequence[Finding]) -> DataPolicyResult:
    """Every tier of the data policy, plus the context's regimes and whether the contract names them."""
    tiers = tuple(evaluate_tier(t, playbook, findings) for t in TIER_TOPICS)
    return DataPolicyResult(tiers, playbook.context, check_regimes(doc, playbook.active_regimes))
