"""The shared-responsibility table: for each control, which party the contract makes responsible — the
vendor, the customer, both, or nobody. Read from sentences that name the control and put an obligation on a
party ("Customer is responsible for…", "Provider shall…"). A control nobody owns is the gap to close."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termguard.model.report import Report

CONTROLS: tuple[tuple[str, str], ...] = (
    ("Data classification", r"\bclassif\w*\b|\bsensitive (?:data|information)\b|\bdata (?:types?|categor\w+)\b"),
    ("Access approval", r"\baccess (?:to|rights|control|approv\w*|management)\b|\bauthori[sz]ed (?:users?|personnel)\b"
                        r"|\buser accounts?\b"),
    ("Secrets and credentials", r"\bpasswords?\b|\bcredentials?\b|\bsecrets?\b|\bapi keys?\b|\baccount security\b"),
    ("Logging policy", r"\blogs?\b|\blogging\b|\baudit trails?\b"),
    ("Incident response", r"\b(?:security |data )?(?:incidents?|breach(?:es)?)\b"),
    ("Encryption and keys", r"\bencrypt\w*\b|\bencryption keys?\b"),
    ("Deletion at exit", r"\bdelet\w*\b|\breturn (?:of )?(?:customer )?data\b"),
)
_CUSTOMER = r"(?:you|your|customer|client|controller|licensee|subscriber|user)s?"
_VENDOR = r"(?:we|us|our|provider|vendor|processor|supplier|company|service provider|licensor)"
_DUTY = r"(?:shall|will|must|agrees? to|is responsible|are responsible|remains? responsible|is solely responsible" \
        r"|are solely responsible|undertakes? to|maintains?|implements?)"
_SENTENCE = re.compile(r"[^.;\n]+[.;]?")


@dataclass(frozen=True)
class Responsibility:
    control: str
    party: str  # Vendor | Customer | Both | Nobody
    quotes: tuple[tuple[str, str, int], ...]  # (party, quote, line)


def _vendor_names(text: str) -> list[str]:
    """Names the document defines for the vendor ("Jasper", "OpenAI"), besides the generic words."""
    names = re.findall(r"\(\s*(?:the\s+)?[\"\u201c]([A-Z][\w&. -]{1,30})[\"\u201d]", text[:20000])
    return [n for n in names if not re.fullmatch(_CUSTOMER, n, re.I) and len(n) < 25]


def _party(sentence: str, vendor_names: list[str]) -> str | None:
    vendor = _VENDOR + ("|" + "|".join(re.escape(n) for n in vendor_names) if vendor_names else "")
    passive = re.search(rf"\b(?:shall|will|must) be \w+ed\b[^.;]{{0,40}}\bby ({_CUSTOMER}|{vendor})\b", sentence, re.I)
    if passive:
        return "Customer" if re.fullmatch(_CUSTOMER, passive.group(1), re.I) else "Vendor"
    for m in re.finditer(_DUTY, sentence, re.I):
        head = sentence[max(0, m.start() - 70):m.start()]
        subject = re.findall(rf"\b({_CUSTOMER}|{vendor})\b", head, re.I)
        if subject:
            word = subject[-1].lower()
            return "Customer" if re.fullmatch(_CUSTOMER, word, re.I) else "Vendor"
    return None


def responsibilities(report: Report) -> list[Responsibility]:
    text = report.document.text
    names = _vendor_names(text)
    out = []
    for control, pattern in CONTROLS:
        found: list[tuple[str, str, int]] = []
        for m in _SENTENCE.finditer(text):
            s = m.group(0)
            if len(s) < 25 or not re.search(pattern, s, re.I):
                continue
            party = _party(s, names)
            if party and all(p != party for p, _, _ in found):
                found.append((party, " ".join(s.split())[:240], report.document.textmap.line(m.start())))
        parties = {p for p, _, _ in found}
        who = "Both" if len(parties) == 2 else (parties.pop() if parties else "Nobody")
        out.append(Responsibility(control, who, tuple(found)))
    return out


def responsibility_markdown(report: Report) -> str:
    rows = responsibilities(report)
    lines = ["# Shared responsibility", "",
             "Who the contract makes responsible for each control. **Nobody** means the contract is silent: "
             "agree an owner before signing. Read from obligation sentences; check the quotes.", "",
             "| control | responsible under the contract | evidence |", "|---|---|---|"]
    for r in rows:
        ev = "<br>".join(f"{p} (line {line}): \u201c{q.replace('|', '/')}\u201d" for p, q, line in r.quotes)
        party = f"**{r.party}** — not addressed" if r.party == "Nobody" else r.party
        lines.append(f"| {r.control} | {party} | {ev or '—'} |")
    return "\n".join(lines) + "\n"
