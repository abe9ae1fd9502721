"""Negotiation arguments for one shortfall, chosen to fit the playbook's context: the regime that applies,
a competing vendor's better term, a longer commitment in trade, audit results tied to price, escalation to the
vendor's privacy or legal officer. Each is a plain sentence the negotiator can say."""

from __future__ import annotations

from dataclasses import dataclass

from termguard.assess.playbook import Playbook
from termguard.model import Finding
from termguard.negotiate.regimes import REGIMES


@dataclass(frozen=True)
class BetterTerm:
    """A term from another vendor's reviewed document that meets the playbook where this one does not.

    `document` says which of the vendor's documents ("dpa, 2025-03-01") when the term comes from the register;
    `source` is "file" (`--against`) or "register"."""

    vendor: str
    topic: str
    position: str
    quote: str
    where: str = ""
    document: str = ""
    source: str = "file"

    def to_dict(self) -> dict[str, str]:
        return {"vendor": self.vendor, "topic": self.topic, "position": self.position, "document": self.document,
                "where": self.where, "source": self.source, "quote": self.quote}


PRIVACY_TOPICS = ("training.", "retention.", "deletion.", "logging.", "subprocessors", "third-party-models",
                  "data-residency", "compliance.", "data-boundary", "ai.")
LEGAL_TOPICS = ("liability.", "ip-indemnity", "ownership.", "remedies.", "change-of-terms", "commercial.",
                "confidentiality")
PRICE_TOPICS = ("audit-rights", "assurance.certification", "security.attestations", "incident-notification",
                "vulnerability-management", "security.controls", "training.model-isolation")
COMMITMENT_TOPICS = ("liability.", "ip-indemnity", "commercial.", "remedies.", "change-of-terms",
                     "audit-rights", "data-residency", "training.fine-tuning")


def _starts(topic: str, prefixes: tuple[str, ...]) -> bool:
    return any(topic == p or (p.endswith(".") and topic.startswith(p)) for p in prefixes)


def arguments(f: Finding, playbook: Playbook, better: list[BetterTerm] | None = None) -> list[tuple[str, str]]:
    """(kind, sentence) pairs, most persuasive first: law, then market, then trade, then escalation."""
    out: list[tuple[str, str]] = []
    for name in playbook.active_regimes:
        regime = REGIMES.get(name)
        if regime and f.topic in regime.topics:
            out.append(("regime", f"{name}: {regime.argument}"))
    for b in better or []:
        if b.topic == f.topic:
            where = f" ({b.where})" if b.where else ""
            doc = f" ({b.document})" if b.document else ""
            out.append(("competing offer", f"{b.vendor}{doc} already gives this ({b.position}){where}: "
                                           f"\u201c{_short(b.quote)}\u201d"))
    n = playbook.negotiation
    if _starts(f.topic, COMMITMENT_TOPICS):
        out.append(("commitment", f"Offer {n.commitment_offer} in exchange for this term."))
    if n.tie_audit_to_price and _starts(f.topic, PRICE_TOPICS):
        out.append(("price", "Tie price to evidence: a fee credit or a price step-down if an audit, certification "
                             "or attestation shows the commitment was not met."))
    if _starts(f.topic, PRIVACY_TOPICS):
        out.append(("escalation", f"If the account team cannot move, escalate to {n.escalate_privacy}: this is "
                                  "a data-protection commitment, not a commercial concession."))
    elif _starts(f.topic, LEGAL_TOPICS):
        out.append(("escalation", f"If the account team cannot move, escalate to {n.escalate_legal}."))
    return out


def _short(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
