"""Named security standards and attestations (``standards``), one Parameter per mention.

Canonical names: "SOC 2 Type II", "SOC 2 Type I", "SOC 2", "SOC 1", "SOC 3", "ISO/IEC 27001",
"ISO/IEC 27017", "ISO/IEC 27018", "ISO/IEC 27701", "ISO/IEC 42001", "ISO 22301", "ISO 9001",
"NIST SP 800-88", "NIST SP 800-53", "NIST SP 800-171", "NIST CSF", "NIST AI RMF", "PCI DSS",
"HITRUST", "CSA STAR", "FedRAMP", "C5", "penetration test". A list such as "ISO/IEC 27001, 27017
and 27018" gives one Parameter per number. "ISO 8601" (a date format) is not a security standard.
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, Term, TermTable, make, ordered
from termguard.model.parameter import Parameter

STANDARDS = "standards.v1"

_SOC = r"(?:SOC|Service\s+Organi[sz]ation\s+Controls?(?:\s+\(SOC\))?)\s*"
_TYPE2 = r"[\s,-]*(?:\(?\s*Type\s*(?:II|2)\b\s*\)?)"
_TYPE1 = r"[\s,-]*(?:\(?\s*Type\s*(?:I|1)\b\s*\)?)"
_NIST = r"NIST(?:'s)?\s+(?:(?:SP|Special\s+Publication)\s*)?"

_TERMS = [
    Term("SOC 2 Type II", _SOC + r"(?:2|II|Two)" + _TYPE2),
    Term("SOC 2 Type I", _SOC + r"(?:2|II|Two)" + _TYPE1),
    Term("SOC 2", _SOC + r"(?:2|II|Two)(?:\s+(?:\+|plus))?"),
    Term("SOC 1", _SOC + r"(?:1|I|One)(?:" + _TYPE2 + "|" + _TYPE1 + ")?"),
    Term("SOC 3", _SOC + r"(?:3|III|Three)"),
    Term("NIST SP 800-88", _NIST + r"800[-\s]88(?:\s*(?:Rev\.?|Revision)\s*\d)?"),
    Term("NIST SP 800-53", _NIST + r"800[-\s]53(?:\s*(?:Rev\.?|Revision)\s*\d)?"),
    Term("NIST SP 800-171", _NIST + r"800[-\s]171(?:\s*(?:Rev\.?|Revision)\s*\d)?"),
    Term("NIST AI RMF", r"NIST\s+(?:AI\s+RMF|AI\s+Risk\s+Management\s+Framework|Artificial\s+Intelligence\s+"
         r"Risk\s+Management\s+Framework)(?:\s*\(AI\s+RMF\))?"),
    Term("NIST CSF", r"NIST\s+(?:CSF|Cyber\s*security\s+Framework)(?:\s*\(CSF\))?"),
    Term("PCI DSS", r"PCI[\s-]?DSS(?:\s+(?:v(?:ersion)?\s*)?\d(?:\.\d)*)?|PCI\s+Data\s+Security\s+Standards?|"
         r"Payment\s+Card\s+Industry\s+(?:\(PCI\)\s+)?Data\s+Security\s+Standards?(?:\s*\(PCI[\s-]DSS\))?"),
    Term("HITRUST", r"HITRUST(?:\s+CSF)?(?:\s+(?:r2|i1|e1))?", case=True),
    Term("CSA STAR", r"CSA\s+STAR|Cloud\s+Security\s+Alliance(?:\s*\(CSA\))?\s+(?:STAR|Security,?\s+Trust)"),
    Term("FedRAMP", r"FedRAMP|Federal\s+Risk\s+and\s+Authori[sz]ation\s+Management\s+Program"),
    Term("C5", r"(?:BSI\s+)?C5(?=\s+(?:attestation|audit|report|certificat|catalogue|criteria))|BSI\s+C5|"
         r"Cloud\s+Computing\s+Compliance\s+(?:Criteria|Controls)\s+Catalogue", case=True),
    Term("penetration test", r"penetration[\s-]+test(?:s|ing)?|pen[\s-]?test(?:s|ing)?"),
]
_KEYS = ("soc", "service organi", "nist", "pci", "payment card", "hitrust", "HITRUST", "csa", "cloud security",
         "fedramp", "federal risk", "C5", "cloud computing", "penetration", "pen test", "pentest", "pen-test")
_TABLE = TermTable("standards", STANDARDS, _TERMS, _KEYS)

_ISO_NUMBERS = {"27001": "ISO/IEC 27001", "27002": "ISO/IEC 27002", "27017": "ISO/IEC 27017",
                "27018": "ISO/IEC 27018", "27701": "ISO/IEC 27701", "42001": "ISO/IEC 42001",
                "22301": "ISO 22301", "9001": "ISO 9001"}
_ISO_NUM = r"(?:27001|27002|27017|27018|27701|42001|22301|9001)(?::\s?\d{4})?(?![\d])"
_ISO_RE = re.compile(
    rf"(?i)(?<![\w-])(?:ISO|International\s+Organi[sz]ation\s+for\s+Standardi[sz]ation)"
    rf"(?:\s*/\s*IEC|\s+IEC)?[\s/-]*(?:\s*\(ISO(?:/IEC)?\)\s*)?(?P<first>{_ISO_NUM})"
)
_ISO_ANCHORED = Anchored(_ISO_RE, ("iso", "international organi"), 5, 90)
_ISO_MORE = re.compile(rf"(?i)(?:\s*(?:,|/|and|&|or)\s*(?:(?:ISO|IEC|ISO/IEC)[\s/-]*)?)+(?P<num>{_ISO_NUM})")


def _iso(text: str, base: int) -> list[Parameter]:
    out: list[Parameter] = []
    for m in _ISO_ANCHORED.finditer(text):
        spans = [(m.start(), m.end(), m.group("first")[:5].rstrip(":"))]
        pos = m.end()
        while (more := _ISO_MORE.match(text, pos)) is not None:
            spans.append((more.start("num"), more.end("num"), more.group("num")[:5].rstrip(":")))
            pos = more.end()
        for s, e, num in spans:
            out.append(make("standards", _ISO_NUMBERS[num], text, s, e, base, STANDARDS))
    return out


def standards(text: str, base: int = 0) -> list[Parameter]:
    """Every named standard, canonical value, in order of appearance."""
    return ordered(_TABLE(text, base) + _iso(text, base))
