"""Better terms from other vendors' reviewed contracts: the "vendor B already gives this" argument.

The register will be a richer source; until it offers one, `--against FILE` supplies the comparison."""

from __future__ import annotations

from pathlib import Path

from termguard.model import Status
from termguard.model.report import Report
from termguard.negotiate.arguments import BetterTerm


def better_terms(report: Report, others: list[Report]) -> list[BetterTerm]:
    """For each topic this contract misses, the first other contract that meets the playbook on it."""
    out = []
    for f in report.findings:
        if f.status == Status.MEETS:
            continue
        for o in others:
            g = o.finding(f.topic)
            if g is not None and g.status == Status.MEETS and g.evidence:
                e = g.evidence[0]
                name = o.document.title or Path(o.document.path).stem
                out.append(BetterTerm(name.strip("# "), f.topic, g.position, e.quote,
                                      f"§ {e.section}" if e.section else f"line {e.line}"))
                break
    return out
