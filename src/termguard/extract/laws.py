"""Named laws and legal instruments (``regimes``), one Parameter per mention, canonical names.

"GDPR", "UK GDPR", "UK Data Protection Act 2018", "CCPA/CPRA", "HIPAA", "HIPAA BAA", "GLBA", "SOX",
"EU SCCs", "UK IDTA", "Swiss FADP", "LGPD", "PIPEDA", "APPI", "PDPA", "EU AI Act", "EU DSA", "COPPA",
"FERPA", "DPF", "Privacy Shield", "ePrivacy", "CAN-SPAM", "DMCA". Vague references ("applicable
law", "export control laws") are left to the classifier. Acronyms match case-sensitively.
"""

from __future__ import annotations

from termguard.extract._base import Term, TermTable
from termguard.model.parameter import Parameter

LAWS = "laws.v1"

_TERMS = [
    Term("UK GDPR", r"UK[\s-]+GDPR|United\s+Kingdom\s+General\s+Data\s+Protection\s+Regulation"),
    Term("UK Data Protection Act 2018", r"(?:UK\s+)?Data\s+Protection\s+Act\s+2018|DPA\s+2018"),
    Term("GDPR", r"(?:EU\s+)?GDPR", case=True),
    Term("GDPR", r"(?:EU\s+)?General\s+Data\s+Protection\s+Regulation(?:\s*\(\s*(?:EU\s*\)\s*)?2016/679\)?)?|"
         r"Regulation\s+\(EU\)\s+2016/679"),
    Term("CCPA/CPRA", r"CCPA(?:\s*/\s*CPRA)?|CPRA", case=True),
    Term("CCPA/CPRA", r"California\s+Consumer\s+Privacy\s+Act(?:\s+of\s+2018)?|California\s+Privacy\s+Rights\s+Act"),
    Term("HIPAA BAA", r"(?:HIPAA\s+)?(?:Business\s+Associate\s+(?:Agreement|Addendum|Amendment|Contract)s?)"),
    Term("HIPAA BAA", r"BAAs?|HIPAA\s+BAA", case=True),
    Term("HIPAA", r"HIPAA|HITECH(?:\s+Act)?", case=True),
    Term("HIPAA", r"Health\s+Insurance\s+Portability\s+and\s+Accountability\s+Act(?:\s+of\s+1996)?"),
    Term("GLBA", r"GLBA", case=True),
    Term("GLBA", r"Gramm[\s-]+Leach[\s-]+Bliley(?:\s+Act)?"),
    Term("SOX", r"SOX", case=True),
    Term("SOX", r"Sarbanes[\s-]+Oxley(?:\s+Act)?"),
    Term("UK IDTA", r"IDTA|UK\s+Addendum", case=True),
    Term("UK IDTA", r"International\s+Data\s+Transfer\s+(?:Agreement|Addendum)"),
    Term("EU SCCs", r"SCCs|(?:the|EU|UK|2021)\s+SCC", case=True),  # a lone "SCC" is also a subtitle format
    Term("EU SCCs", r"(?:EU\s+|EEA\s+)?Standard\s+Contractual\s+Clauses|(?:EU\s+)?Model\s+Contract(?:ual)?\s+Clauses"),
    Term("Swiss FADP", r"(?:Swiss\s+)?(?:rev)?FADP|Swiss\s+DPA", case=True),
    Term("Swiss FADP", r"(?:Swiss\s+)?Federal\s+Act\s+on\s+Data\s+Protection"),
    Term("LGPD", r"LGPD", case=True),
    Term("LGPD", r"Lei\s+Geral\s+de\s+Prote[çc][ãa]o\s+de\s+Dados(?:\s+Pessoais)?|Brazilian\s+General\s+Data\s+"
         r"Protection\s+Law"),
    Term("PIPEDA", r"PIPEDA", case=True),
    Term("PIPEDA", r"Personal\s+Information\s+Protection\s+and\s+Electronic\s+Documents\s+Act"),
    Term("APPI", r"APPI", case=True),
    Term("APPI", r"Act\s+on\s+(?:the\s+)?Protection\s+of\s+Personal\s+Information"),
    Term("PDPA", r"PDPA", case=True),
    Term("PDPA", r"Personal\s+Data\s+Protection\s+Act(?:\s+(?:of\s+)?2012)?"),
    Term("EU AI Act", r"(?:EU\s+)?(?:AI|Artificial\s+Intelligence)\s+Act|Regulation\s+\(EU\)\s+2024/1689"),
    Term("EU DSA", r"(?:EU\s+)?Digital\s+Services\s+Act"),
    Term("COPPA", r"COPPA", case=True),
    Term("COPPA", r"Children[’']?s\s+Online\s+Privacy\s+Protection\s+Act"),
    Term("FERPA", r"FERPA", case=True),
    Term("FERPA", r"Family\s+Educational\s+Rights\s+and\s+Privacy\s+Act"),
    Term("DPF", r"(?:(?:EU[\s-]+U\.?S\.?|Swiss[\s-]+U\.?S\.?|UK\s+Extension\s+to\s+the\s+EU[\s-]+U\.?S\.?)\s+)?"
         r"Data\s+Privacy\s+Framework(?:\s*\(\s*(?:EU[\s-]+U\.?S\.?\s+)?DPF\s*\))?"),
    Term("DPF", r"(?:EU[\s-]+U\.?S\.?\s+)?DPF", case=True),
    Term("Privacy Shield", r"(?:EU[\s-]+U\.?S\.?\s+(?:and\s+Swiss[\s-]+U\.?S\.?\s+)?)?Privacy\s+Shield"
         r"(?:\s+Framework)?"),
    Term("ePrivacy", r"e[\s-]?Privacy(?:\s+(?:Directive|Regulation))?|Directive\s+2002/58/EC"),
    Term("CAN-SPAM", r"CAN[\s-]SPAM(?:\s+Act)?", case=True),
    Term("DMCA", r"DMCA", case=True),
    Term("DMCA", r"Digital\s+Millennium\s+Copyright\s+Act"),
]
_KEYS = (
    "gdpr", "GDPR", "general data protection", "2016/679", "data protection act", "DPA 2018", "CCPA", "CPRA",
    "california", "business associate", "BAA", "HIPAA", "HITECH", "health insurance", "GLBA", "gramm", "SOX",
    "sarbanes", "IDTA", "UK Addendum", "international data transfer", "SCC", "standard contractual",
    "model contract", "FADP", "federal act on data", "Swiss DPA", "LGPD", "lei geral", "brazilian general",
    "PIPEDA", "personal information protection", "APPI", "protection of personal information", "PDPA",
    "personal data protection act", "ai act", "intelligence act", "2024/1689", "digital services act",
    "COPPA", "online privacy protection", "FERPA", "family educational", "data privacy framework", "DPF",
    "privacy shield", "eprivacy", "e-privacy", "e privacy", "2002/58", "CAN-SPAM", "CAN SPAM", "DMCA",
    "digital millennium",
)
_TABLE = TermTable("regimes", LAWS, _TERMS, _KEYS, reach=120)


def regimes(text: str, base: int = 0) -> list[Parameter]:
    """Every named law or instrument, canonical value, in order of appearance."""
    return _TABLE(text, base)
