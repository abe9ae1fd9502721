"""Places: ``regions`` (countries/regions named for data location and transfers) and ``jurisdiction``.

``regions`` reports every named country or region ("EEA", "EU", "UK", "United States", "Japan", ...),
skipping uses that are part of a law's or currency's name ("UK GDPR", "U.S. dollars", "US$") and
the pronoun "US" in all-caps passages. ``jurisdiction`` reports the place after a governing-law or
forum cue (governed by, laws of, courts of/in, venue, jurisdiction): "California, USA" for a US
state or a court seat in it ("Santa Clara County, California"), "England and Wales", "Ireland",
"Ontario, Canada".
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, Term, TermTable, make, sentence_bounds
from termguard.extract.places import CASE_SENSITIVE, COUNTRIES, KEYS_OF, PROVINCES, SEATS, US_STATES
from termguard.model.parameter import Parameter

REGIONS = "regions.v1"
JURISDICTION = "jurisdiction.v1"

_NOT_A_REGION_AFTER = re.compile(
    r"(?:[\s-]*(?:GDPR|Data\s+Protection\s+Act|AI\s+Act|Addendum|IDTA|Extension|SCCs?|Standard\s+Contractual|"
    r"Representative|\$|dollars?|federal\s+law)|-U\.?S\.?)",
    re.IGNORECASE,
)
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")


def _reject_region(text: str, start: int, end: int, canonical: str) -> bool:
    if canonical in ("EU", "UK", "United States", "Switzerland") and _NOT_A_REGION_AFTER.match(text, end):
        return True
    if text[start:end] == "US":
        around = text[max(0, start - 12):start] + text[end:end + 12]
        return bool(_CAPS_WORD.search(around))
    return False


_KEYS = tuple(
    sorted({k for canon in COUNTRIES for k in KEYS_OF[canon]} | {"US"})
)
_TABLE = TermTable(
    "regions", REGIONS,
    [Term(canon, pattern, case=canon in CASE_SENSITIVE) for canon, pattern in COUNTRIES.items()]
    + [Term("United States", r"US", case=True)],
    _KEYS,
    reject=_reject_region,
    reach=60,
)


def regions(text: str, base: int = 0) -> list[Parameter]:
    """Every named country or region, canonical value, in order of appearance."""
    return _TABLE(text, base)


def _alt(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


_STATE = rf"(?:State|Commonwealth)\s+of\s+(?P<st1>{_alt(US_STATES)})|(?P<st2>{_alt(US_STATES)})"
_SEAT = (rf"(?:City\s+and\s+)?(?:County\s+of\s+)?(?P<seat>{_alt(list(SEATS))})"
         rf"(?:\s+(?:County|Division))?(?:,?\s+(?:the\s+)?(?:State\s+of\s+)?(?:{_alt(US_STATES)}))?")
_PLACE_RE = re.compile(
    rf"(?<![\w-])(?:(?i:{_SEAT})|(?i:{_STATE})|(?i:(?P<prov>{_alt(list(PROVINCES))}))"
    + "".join(f"|(?P<c{i}>{'' if canon in CASE_SENSITIVE else '(?i:'}{pat}{'' if canon in CASE_SENSITIVE else ')'})"
              for i, (canon, pat) in enumerate(COUNTRIES.items()))
    + r")(?![\w])"
)
_COUNTRY_NAMES = list(COUNTRIES)
_CUE_RE = re.compile(
    r"(?i)\bgoverned\s+by\b|\bgoverning\s+law\b|\blaws?\s+of\b|\bcourts?\b|\bvenue\b|\bjurisdiction\b|"
    r"\bconstrued\s+(?:in\s+accordance\s+with|under)\b|\bseat\s+of\s+(?:the\s+)?arbitration\b"
)
_CUE_ANCHORED = Anchored(_CUE_RE, ("govern", "law", "court", "venue", "jurisdiction", "construed", "seat of"),
                         5, 60)
_REACH = 150


_CANON = {n.lower(): n for n in [*US_STATES, *SEATS, *PROVINCES]}


def _canon(name: str) -> str:
    return _CANON[" ".join(name.split()).lower()]


def _place_value(m: re.Match[str]) -> str:
    if m.group("seat"):
        return f"{SEATS[_canon(m.group('seat'))]}, USA"
    state = m.group("st1") or m.group("st2")
    if state:
        return f"{_canon(state)}, USA"
    if m.group("prov"):
        prov = _canon(m.group("prov"))
        return f"{prov}, {PROVINCES[prov]}"
    assert m.lastgroup is not None
    return _COUNTRY_NAMES[int(m.lastgroup[1:])]


def jurisdiction(text: str, base: int = 0) -> list[Parameter]:
    """Governing law / forum places, one Parameter per place named after a cue."""
    out: list[Parameter] = []
    seen: set[tuple[int, int]] = set()
    for cue in _CUE_ANCHORED.finditer(text):
        _, s_end = sentence_bounds(text, cue.start(), cue.end())
        m = _PLACE_RE.search(text, cue.end(), min(s_end, cue.end() + _REACH))
        if not m or (m.start(), m.end()) in seen:
            continue
        if m.lastgroup and m.lastgroup.startswith("c") and _reject_region(text, m.start(), m.end(), "x"):
            continue
        seen.add((m.start(), m.end()))
        out.append(make("jurisdiction", _place_value(m), text, m.start(), m.end(), base, JURISDICTION))
    return sorted(out, key=lambda p: p.start)
