"""Qualifier flags: ``licence_flags``, ``carve_outs`` and the opt-in/opt-out ``mechanism``.

Licence flags: perpetual, irrevocable, worldwide, royalty-free, fully paid, sublicensable,
transferable, exclusive, and their negations ("non-transferable", "non-exclusive",
"non-sublicensable", "revocable"), each a Parameter whose value is the canonical flag.
Carve-outs: "aggregated", "de-identified", "anonymized", "pseudonymized" data.
Mechanism: "opt-in" / "opt-out" plus how, e.g. "opt-out via settings", "opt-in by written consent".
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, Term, TermTable, make, sentence_bounds
from termguard.model.parameter import Parameter

LICENCE = "licence_flags.v1"
CARVE_OUTS = "carve_outs.v1"
MECHANISM = "mechanism.v1"

_NON = r"(?:non|not)[\s-]?"
_LICENCE_TERMS = [
    Term("non-transferable", _NON + r"(?:transferr?able|assignable)"),
    Term("non-sublicensable", _NON + r"sub-?licen[cs](?:e)?able"),
    Term("non-exclusive", _NON + r"exclusive"),
    Term("perpetual", r"perpetual(?:ly)?"),
    Term("irrevocable", r"irrevocabl[ey]"),
    Term("revocable", r"revocable"),
    Term("worldwide", r"world[\s-]?wide|throughout\s+the\s+world"),
    Term("royalty-free", r"royalty[\s-]free|free\s+of\s+(?:any\s+)?royalt(?:y|ies)"),
    Term("fully paid", r"fully[\s-]paid(?:[\s-]up)?"),
    Term("sublicensable", r"sub-?licen[cs](?:e)?able|(?:with\s+the\s+)?right\s+to\s+(?:grant\s+)?sub-?licen[cs]e"),
    Term("transferable", r"transferr?able"),
    Term("exclusive", r"exclusive"),
]
_LICENCE_CONTEXT = re.compile(r"(?i)licen[cs]|\bright|\bgrant")


def _not_a_licence(text: str, start: int, end: int, canonical: str) -> bool:
    if canonical not in ("exclusive", "transferable", "revocable"):
        return False
    s, e = sentence_bounds(text, start, end)
    return not _LICENCE_CONTEXT.search(text, s, e) or bool(
        re.match(r"\s+(?:jurisdiction|venue|remedy|remedies|forum|property)", text[end:end + 20], re.IGNORECASE))


_LICENCE_KEYS = ("transfer", "assignable", "licens", "licenc", "exclusive", "perpetual", "irrevocab", "revocable",
                 "world", "royalt", "fully", "right to")
_LICENCE_TABLE = TermTable("licence_flags", LICENCE, _LICENCE_TERMS, _LICENCE_KEYS, reject=_not_a_licence,
                           reach=40)

_CARVE_TERMS = [
    Term("de-identified", r"de-?identif(?:ied|y|ying|ication)|deidentified"),
    Term("pseudonymized", r"pseudonymi[sz](?:ed|ation|e)|pseudonymous"),
    Term("anonymized", r"anonymi[sz](?:ed|ation|e|ing)|anonymous(?=\s+(?:data|information|form|basis|statistics))"),
    Term("aggregated", r"aggregated|aggregate(?=\s+(?:data|information|form|basis|statistics|usage|metrics|and))"),
]
_CARVE_TABLE = TermTable("carve_outs", CARVE_OUTS, _CARVE_TERMS, ("identif", "pseudonym", "anonym", "aggregat"))


def licence_flags(text: str, base: int = 0) -> list[Parameter]:
    """Each licence qualifier, canonical flag value; negated forms keep their negation."""
    return _LICENCE_TABLE(text, base)


def carve_outs(text: str, base: int = 0) -> list[Parameter]:
    """Aggregated / de-identified / anonymized / pseudonymized data mentions."""
    return _CARVE_TABLE(text, base)


_OPT_RE = re.compile(
    r"(?i)\b(?P<dir>opt(?:s|ed|ing)?[\s-]?(?P<io>in|out))\b|"
    r"\b(?P<consent>(?:only\s+)?with\s+your\s+(?:prior\s+|explicit\s+|express\s+|separate\s+|written\s+)*"
    r"(?:consent|permission|authori[sz]ation)|(?:unless|until)\s+(?:you|customer)\s+"
    r"(?:(?:has|have)\s+)?(?:expressly\s+|explicitly\s+|affirmatively\s+)?"
    r"(?:agrees?|consents?|enables?|opts?\s+in|chooses?\s+to|elects?\s+to|turns?\s+on))\b|"
    r"\b(?P<off>(?:you|customer)\s+(?:can|may)\s+(?:turn\s+off|disable|switch\s+off|deactivate)|"
    r"(?:unless|until)\s+(?:you|customer)\s+(?:turns?\s+off|disables?|objects?))\b"
)
_OPT_ANCHORED = Anchored(_OPT_RE, ("opt", "consent", "permission", "authori", "unless", "until", "turn off",
                                   "disable", "switch off", "deactivate"), 60, 80)
_HOW = [
    ("via settings", r"setting|preference|toggle|control|dashboard|console|account\s+page|privacy\s+center"),
    ("by contacting support", r"contact(?:ing)?\s+(?:us|support)|support@|e-?mail|write\s+to\s+us|request\s+to"),
    ("via form", r"\bform\b"),
    ("by written consent", r"written\s+(?:consent|agreement|permission|authori[sz]ation)|in\s+writing"),
    ("by consent", r"consent|permission|agree"),
]


def mechanism(text: str, base: int = 0) -> list[Parameter]:
    """Opt-in / opt-out mechanisms, value like "opt-out via settings" (one per mention)."""
    out: list[Parameter] = []
    for m in _OPT_ANCHORED.finditer(text):
        if m.group("dir"):
            kind = f"opt-{m.group('io').lower()}"
        else:
            kind = "opt-in" if m.group("consent") else "opt-out"
        s, e = sentence_bounds(text, m.start(), m.end())
        sentence = text[s:e]
        how = next((label for label, pat in _HOW if re.search(pat, sentence, re.IGNORECASE)), None)
        if how == "by consent" and kind == "opt-out":
            how = None
        value = f"{kind} {how}" if how else kind
        out.append(make("mechanism", value, text, m.start(), m.end(), base, MECHANISM, None,
                        " ".join(m.group(0).split()).lower()))
    return out
