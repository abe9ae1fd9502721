"""Does the contract name the compliance regimes the playbook's industry context switches on?

A healthcare customer needs HIPAA (a BAA) named; a bank needs GLBA; "applicable law" alone is not enough.
"""

from __future__ import annotations

import re

from termguard.model import Document
from termguard.model.report import RegimeCheck

REGIME_PATTERNS: dict[str, str] = {
    "GDPR": r"\bGDPR\b|General Data Protection Regulation|Regulation \(EU\) 2016/679",
    "CCPA": r"\bCCPA\b|\bCPRA\b|California Consumer Privacy Act",
    "HIPAA": r"\bHIPAA\b|Health Insurance Portability|Business Associate Agreement|\bBAA\b",
    "HITECH": r"\bHITECH\b",
    "GLBA": r"\bGLBA\b|Gramm[- ]Leach[- ]Bliley",
    "SOX": r"\bSOX\b|Sarbanes[- ]Oxley",
    "PCI DSS": r"\bPCI[- ]?DSS\b|Payment Card Industry Data Security Standard",
    "DORA": r"\bDORA\b|Digital Operational Resilience Act|Regulation \(EU\) 2022/2554",
    "FedRAMP": r"\bFedRAMP\b",
    "FISMA": r"\bFISMA\b|Federal Information Security",
    "CJIS": r"\bCJIS\b|Criminal Justice Information",
    "public records law": r"\bpublic records\b|\bfreedom of information\b|\bFOIA\b",
}


def check_regimes(doc: Document, regimes: list[str]) -> tuple[RegimeCheck, ...]:
    """One check per active regime; regimes without a known pattern are searched by name."""
    out = []
    for regime in regimes:
        pattern = REGIME_PATTERNS.get(regime, re.escape(regime))
        m = re.search(pattern, doc.text, re.IGNORECASE if regime not in ("SOX", "DORA", "BAA") else 0)
        if m is None:
            out.append(RegimeCheck(regime, False))
            continue
        lo = max(0, doc.text.rfind("\n", 0, m.start()) + 1)
        hi = doc.text.find("\n", m.end())
        hi = len(doc.text) if hi == -1 else hi
        quote = " ".join(doc.text[lo:hi].split())
        out.append(RegimeCheck(regime, True, quote[:240], doc.textmap.line(m.start())))
    return tuple(out)
