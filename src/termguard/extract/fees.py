"""Fee references in liability caps: ``months_of_fees`` and ``fee_multiple``.

"fees paid or payable in the twelve (12) months preceding" → 12; "amounts paid during the 6 months
prior" → 6; "fees paid in the prior year" → 12; "two times (2x) the fees paid in the preceding 12
months" → months 12 and fee_multiple 2.0. A period counts only when a fee/payment word precedes it
in the same sentence and it looks back (preceding, prior, previous, past, last, before).
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, make, window
from termguard.extract.numbers import DIGITS, qty_pattern, qty_value
from termguard.model.parameter import Parameter

FEE_PERIOD = "fee_period.v1"
FEE_MULTIPLE = "fee_multiple.v1"

_BACK = r"(?:immediately\s+)?(?:prior|preceding|previous|past|last|before)"
_PERIOD_RE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<back>{_BACK})\s+)?(?:(?P<q>{qty_pattern('m')})[\s-]*(?:\(\s*\)\s*)?)?"
    r"(?:calendar[\s-]+|contract[\s-]+)?(?P<unit>months?|years?)(?![\w])(?:\**[\s-]+period)?"
    rf"(?:\**\s*(?P<after>{_BACK}|preceding|prior\s+to|immediately))?"
)
_PERIOD_ANCHORED = Anchored(_PERIOD_RE, ("month", "year"), 90, 60)
_FEE_CUE = re.compile(
    r"(?i)\b(?:fees?|amounts?|sums?|charges?|paid|payable|consumed|spent|payments?|consideration)\b"
)


def fee_periods(text: str) -> list[tuple[int, int, int, str | None]]:
    """Look-back periods attached to fees: (start, end, months, note)."""
    out: list[tuple[int, int, int, str | None]] = []
    for m in _PERIOD_ANCHORED.finditer(text):
        if not (m.group("back") or m.group("after")):
            continue
        if not m.group("q") and not m.group("back"):
            continue
        before, _ = window(text, m.start(), m.end(), 300)
        if not _FEE_CUE.search(before):
            continue
        count, note = qty_value(m, "m") if m.group("q") else (1, None)
        months = int(count) * (12 if m.group("unit").lower().startswith("year") else 1)
        end = m.end("unit") if m.group("after") and m.group("after").lower() == "immediately" else m.end()
        out.append((m.start(), end, months, note))
    return out


def months_of_fees(text: str, base: int = 0) -> list[Parameter]:
    """Months of fees a cap looks back over, as int months."""
    return [
        make("months_of_fees", months, text, s, e, base, FEE_PERIOD, "months", note)
        for s, e, months, note in fee_periods(text)
    ]


_MULT_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0}
_MULTIPLE_RE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<q>{qty_pattern('x')})\s*(?:\(\s*(?P<x1>{DIGITS})\s*[x×]\s*\)\s*)?times"
    rf"(?:\s*\(\s*(?P<x2>{DIGITS})\s*[x×]\s*\))?"
    rf"|(?P<x3>{DIGITS})\s*[x×](?![\w])|(?P<tw>twice|double|triple|treble)"
    rf"|(?P<pct>{DIGITS})\s*(?:%|percent|per\s+cent)\s+of)"
    r"(?=\s*(?:the\s+|all\s+)?(?:total\s+|aggregate\s+)?(?:annual\s+|annualized\s+)?"
    r"(?:fees?|amounts?|charges|sums|subscription|consideration|price))"
)


_MULTIPLE_ANCHORED = Anchored(
    _MULTIPLE_RE, ("times", "×", "%", "percent", "per cent", "twice", "double", "triple", "treble")
    + tuple(f"{d}x" for d in range(10)), 90, 90)


def fee_multiple(text: str, base: int = 0) -> list[Parameter]:
    """Multiples of fees ("two times (2x) the fees", "2x the fees", "150% of the fees") as float."""
    out: list[Parameter] = []
    for m in _MULTIPLE_ANCHORED.finditer(text):
        note = None
        if m.group("tw"):
            value = _MULT_WORDS[m.group("tw").lower()]
        elif m.group("pct"):
            value = float(m.group("pct").replace(",", "")) / 100
            note = f"{m.group('pct')}% of fees"
        elif m.group("x3"):
            value = float(m.group("x3").replace(",", ""))
        else:
            count, note = qty_value(m, "x")
            value = float(count)
            x = m.group("x1") or m.group("x2")
            if x and float(x) != value:
                note = f"words say {count:g}, parenthetical says {x}x; parenthetical used"
                value = float(x)
        out.append(make("fee_multiple", value, text, m.start(), m.end(), base, FEE_MULTIPLE, "x", note))
    return out
