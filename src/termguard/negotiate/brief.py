"""The negotiation brief: per shortfall, ordered by severity, what the contract says, the ask, the fallback,
the walk-away and the arguments that fit the playbook's context. Written for the person on the call."""

from __future__ import annotations

from pathlib import Path

from termguard.assess.playbook import Playbook
from termguard.model import Finding, Status
from termguard.model.report import Report
from termguard.negotiate.annotate import STATUS_WORDS
from termguard.negotiate.arguments import BetterTerm, arguments
from termguard.negotiate.blocks import Block, Bullets, H, P, Quote, Table
from termguard.negotiate.library import fallback, load_library, walk_away
from termguard.negotiate.rider import agreement_name

_STATUS_ORDER = {Status.CONFLICTING: 0, Status.SHORT: 1, Status.SILENT: 2, Status.PARTIAL: 3, Status.MEETS: 4}


def ordered_shortfalls(report: Report) -> list[Finding]:
    """Most severe first; within a severity, contradictions and shortfalls before silence and partial."""
    fs = [f for f in report.findings if f.status != Status.MEETS]
    return sorted(fs, key=lambda f: (-f.severity.rank, _STATUS_ORDER[f.status], f.topic))


def where(f: Finding) -> str:
    if not f.evidence:
        return ""
    e = f.evidence[0]
    bits = [f"§ {e.section}" if e.section else "", f"p. {e.page}" if e.page else "",
            f"line {e.line}" if e.line else ""]
    return ", ".join(b for b in bits if b)


def brief_blocks(report: Report, playbook: Playbook, rider_numbers: dict[str, int],
                 better: list[BetterTerm] | None = None) -> list[Block]:
    lib = load_library()
    name = agreement_name(report)
    shortfalls = ordered_shortfalls(report)
    blocks: list[Block] = [
        H(1, "Negotiation brief"),
        P(f"{name[0].upper()}{name[1:]} ({Path(report.document.path).name}), reviewed against the "
          f"{playbook.name} playbook ({playbook.context} context). Score {report.summary.score} "
          f"(grade {report.summary.grade}); {len(shortfalls)} topics to negotiate."),
        P("Automated review assists a person; check every quote against the document before you send it.",
          italic=True),
        H(2, "Summary"),
        Table(("#", "topic", "status", "severity", "rider clause"),
              tuple((str(i), f.title, STATUS_WORDS.get(f.status, f.status.value), f.severity.value,
                     f"clause {rider_numbers[f.topic]}" if f.topic in rider_numbers else "—")
                    for i, f in enumerate(shortfalls, 1)), (1.0, 6.5, 3.5, 2.2, 2.5)),
    ]
    dp = report.data_policy
    if dp is not None and dp.flagged:
        blocks += [H(2, "Data policy: tiers where the contract allows more than the policy"),
                   Bullets(tuple(t.reason for t in dp.flagged))]
    if dp is not None and dp.regimes:
        missing = [g.regime for g in dp.regimes if not g.named]
        if missing:
            blocks.append(P(f"Regimes for the {dp.context} context that the contract never names: "
                            f"{', '.join(missing)}.", label="Regimes:"))
    for i, f in enumerate(shortfalls, 1):
        clause = lib.get(f.topic)
        blocks += [H(2, f"{i}. {f.title} — {STATUS_WORDS.get(f.status, f.status.value)} ({f.severity.value})"),
                   P(f.explanation, label="What the contract says:")]
        for e in f.evidence[:2]:
            blocks.append(Quote(e.quote, f"§ {e.section}" if e.section else f"line {e.line}"))
        if not f.evidence:
            blocks.append(P("Nothing in the document addresses this.", italic=True))
        ask = f.ask or (clause.title if clause else "")
        if f.topic in rider_numbers:
            ask += f" (Rider clause {rider_numbers[f.topic]}.)"
        blocks.append(P(ask, label="Ask:"))
        if clause:
            blocks += [P(fallback(clause, playbook), label="Fallback:"),
                       P(walk_away(clause, playbook), label="Walk away:")]
        args = arguments(f, playbook, better)
        if args:
            blocks += [P("", label="Arguments:"), Bullets(tuple(f"{kind}: {text}" for kind, text in args))]
    return blocks
