"""The `termguard.report/1` JSON document (docs/report-schema.md, report/schema/report.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from termguard.model import Evidence, Finding
from termguard.model.report import SCHEMA, Report
from termguard.topics import FAMILIES


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"quote": e.quote, "start": e.start, "end": e.end, "page": e.page, "section": e.section,
            "clause_id": e.clause_id, "line": e.line, "supports": e.position}


def finding_to_dict(f: Finding) -> dict[str, Any]:
    sources = sorted({part for s in f.sources for part in s.split("+")})
    return {
        "id": f.id,
        "topic": f.topic,
        "title": f.title,
        "family": f.family,
        "family_name": FAMILIES.get(f.family, f.family),
        "position": f.position,
        "status": f.status.value,
        "severity": f.severity.value,
        "required": f.required,
        "parameters": f.parameters,
        "explanation": f.explanation,
        "ask": f.ask,
        "evidence": [_evidence(e) for e in f.evidence],
        "sources": sources,
        "confidence": f.confidence,
        "detection_log": list(f.detection_log),
    }


def report_to_dict(r: Report) -> dict[str, Any]:
    d = r.document
    return {
        "schema": SCHEMA,
        "schema_version": 1,
        "tool": {"name": "termguard", "version": r.tool_version, "rules_version": r.rules_version},
        "document": {"path": d.path, "sha256": d.sha256, "format": d.format, "pages": d.pages,
                     "chars": len(d.text), "title": d.title},
        "playbook": {"name": r.playbook_name, "version": r.playbook_version, "sha256": r.playbook_sha256},
        "summary": {"score": r.summary.score, "grade": r.summary.grade, "counts": r.summary.counts},
        "findings": [finding_to_dict(f) for f in r.findings],
        "clauses": [
            {"id": c.id, "section": c.section, "heading": c.heading, "start": c.start, "end": c.end,
             "page": c.page,
             "topics": [{"topic": h.topic, "score": h.score, "source": h.source} for h in r.clause_topics.get(c.id, ())]}
            for c in r.clauses
        ],
        "definitions": [{"term": x.term, "start": x.start, "end": x.end, "text": x.text} for x in r.definitions],
        "warnings": list(r.warnings),
        "data_policy": data_policy_to_dict(r),
    }


def data_policy_to_dict(r: Report) -> dict[str, Any] | None:
    """Per data tier: the policy's decision, what the contract allows, and whether it allows more."""
    dp = r.data_policy
    if dp is None:
        return None
    return {
        "context": dp.context,
        "tiers": [{"tier": t.tier, "decision": t.decision, "guardrails_required": list(t.guardrails_required),
                   "allowance": t.allowance, "guardrails_found": list(t.guardrails_found), "exceeds": t.exceeds,
                   "reason": t.reason, "topics": list(t.topics), "sections": list(t.sections)}
                  for t in dp.tiers],
        "flagged": [t.tier for t in dp.flagged],
        "regimes": [{"regime": g.regime, "named": g.named, "quote": g.quote, "line": g.line} for g in dp.regimes],
    }


def render_json(r: Report) -> str:
    return json.dumps(report_to_dict(r), ensure_ascii=False, indent=2)


def schema_path() -> Path:
    return Path(__file__).parent / "schema" / "report.schema.json"
