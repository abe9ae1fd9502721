"""Frequencies (``per_year``): how many times per year something may or must happen.

"annually", "once per year", "once in any twelve (12) month period" → 1; "twice per contract year",
"semi-annually" → 2; "quarterly" → 4; "monthly" → 12; "once every two years" → 0.5; "every six
months" → 2. Values are floats; ``unit`` is "per year"; ``normalized`` restates the cadence.
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, make, ordered
from termguard.extract.numbers import qty_pattern, qty_value
from termguard.model.parameter import Parameter

FREQUENCY = "frequency.v1"

_PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 365.0 / 12, "quarter": 365.0 / 4, "year": 365.0}
_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}

_ADVERBS: list[tuple[str, float]] = [
    (r"semi[-\s]?annual(?:ly)?|bi[-\s]?annual(?:ly)?|half[-\s]yearly|twice[-\s]yearly", 2.0),
    (r"bi[-\s]?ennial(?:ly)?", 0.5),
    (r"annually|yearly", 1.0),
    ((r"annual(?=\s+(?:audits?|reviews?|assessments?|tests?|testing|penetration|reports?|certifications?|"
     r"basis|inspections?|training|re-?certification))"), 1.0),
    (r"quarterly", 4.0),
    (r"bi[-\s]?monthly", 6.0),
    (r"monthly", 12.0),
    (r"bi[-\s]?weekly|fortnightly", 26.0),
    (r"weekly", 52.0),
    (r"daily", 365.0),
]
_ADVERB_RE = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(_ADVERBS)) + r")(?![\w-])"
)

# "once per year", "twice in any twelve (12) month period", "two times each contract year",
# "once every two years", "every six months", "once a year".
_COUNTED_RE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<tw>once|twice|thrice)|(?P<tq>{qty_pattern('t')})\s+times?)?"
    r"(?:\s+|^|(?<=\W))(?:(?:(?:per|a|an|each|every|in\s+(?:any|a|each|one))\s+)"
    rf"(?:(?P<n>{qty_pattern('n')})[\s-]*(?:\(\s*\)\s*)?|other\s+)?)"
    r"(?:(?:calendar|contract|fiscal|billing|subscription)[\s-]+)?"
    r"(?P<per>days?|weeks?|months?|quarters?|years?)(?:[\s-]+period)?(?![\w])"
)


_KEYS = ("day", "daily", "week", "month", "quarter", "year", "annual", "bienn", "fortnight", "half")
_COUNTED_ANCHORED = Anchored(_COUNTED_RE, _KEYS, 90, 40)
_ADVERB_ANCHORED = Anchored(_ADVERB_RE, _KEYS, 20, 80)


def _count(m: re.Match[str]) -> float | None:
    if m.group("tw"):
        return float(_TIMES_WORDS[m.group("tw").lower()])
    if m.group("tq"):
        return float(qty_value(m, "t")[0])
    return None


def per_year(text: str, base: int = 0) -> list[Parameter]:
    """Frequencies as a number per year (float), one Parameter per mention."""
    out: list[Parameter] = []
    taken: list[tuple[int, int]] = []
    for m in _COUNTED_ANCHORED.finditer(text):
        lead = m.group(0).lstrip().lower()
        count = _count(m)
        every = bool(re.match(r"(?:once\s+|twice\s+|\S+\s+times?\s+)?(?:every|each)\b", lead))
        if count is None and not every:
            continue  # "per year" / "a month" alone is not a frequency ("USD 10 per month")
        n = 2.0 if re.search(r"(?i)\bother\s", m.group(0)) else float(qty_value(m, "n")[0]) if (
            m.group("n")) else 1.0
        per = m.group("per").lower().rstrip("s")
        value = (count or 1.0) * 365.0 / (n * _PERIOD_DAYS[per])
        value = round(value, 2)
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        note = f"{(count or 1):g} per {per}" if n == 1 else f"{(count or 1):g} per {n:g} {per}s"
        out.append(make("per_year", value, text, start, m.end(), base, FREQUENCY, "per year", note))
        taken.append((start, m.end()))
    for m in _ADVERB_ANCHORED.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        assert m.lastgroup is not None
        value = _ADVERBS[int(m.lastgroup[1:])][1]
        out.append(make("per_year", value, text, m.start(), m.end(), base, FREQUENCY, "per year",
                        m.group(0).lower()))
    return ordered(out)
