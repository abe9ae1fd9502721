"""Durations: ``days``, ``hours``, ``notice_days`` and vague timing words (``vague``).

Conversions (documented, fixed for ``duration.v1``): 1 week = 7 days, 1 month = 30 days,
1 year = 365 days; so "12 months" is 360 days and "one year" is 365. Business/working days are
counted as written (value 3 for "3 business days", unit "business days"). ``unit`` is the unit as
written (days, business days, calendar days, weeks, months, years, hours); ``value`` is always in
the parameter's own unit, and ``normalized`` explains any conversion or words/digits mismatch.
Ages ("18 years of age", "13 years old") and recurrences ("every 30 days") are not durations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from termguard.extract._base import Anchored, make, ordered, window
from termguard.extract.numbers import qty_pattern, qty_value
from termguard.model.parameter import Parameter

DURATION = "duration.v1"
NOTICE = "notice.v1"
VAGUE = "vague_timing.v1"

_DURATION_RE = re.compile(
    rf"(?i)(?<![\w.,$§-]){qty_pattern('q')}[\s-]*"
    r"(?:(?P<kind>business|working|calendar)[\s-]+)?"
    r"(?P<unit>days?|weeks?|months?|years?|hours?|hrs?\b|minutes?|mins?\b)(?![\w])"
    r"(?!\s*(?:of\s+age|old|or\s+(?:older|over|above))\b)(?!-old)"
)
_DURATION_ANCHORED = Anchored(_DURATION_RE, ("day", "week", "month", "year", "hour", "hrs", " hr", "-hr", "minute",
                                             "mins"), 90, 40)
_RECURRENCE_BEFORE = re.compile(r"(?i)(?:\bevery|\beach|\bper|age\s+of|\baged)\s*$")
_DEADLINE_BEFORE = re.compile(
    r"(?i)(?:within|later\s+than|no\s+more\s+than|up\s+to|maximum\s+of)\s*$"
)
_DAYS_PER = {"day": 1, "week": 7, "month": 30, "year": 365}

Raw = tuple[int, int, int | float, str, str | None]  # start, end, count, unit as written, note


def _unit_word(unit: str) -> str:
    u = unit.lower()
    if u.startswith(("hour", "hr")):
        return "hour"
    if u.startswith("min"):
        return "minute"
    return u.rstrip("s")


@lru_cache(maxsize=8)
def _durations(text: str) -> tuple[Raw, ...]:
    """Every duration mention: (start, end, count, unit-as-written, mismatch note)."""
    out: list[Raw] = []
    for m in _DURATION_ANCHORED.finditer(text):
        if _RECURRENCE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        count, note = qty_value(m, "q")
        unit = _unit_word(m.group("unit"))
        kind = (m.group("kind") or "").lower()
        if kind == "working":
            kind = "business"
        written = f"{kind} {unit}s".strip() if unit == "day" and kind else f"{unit}s"
        out.append((m.start(), m.end(), count, written, note))
    return tuple(out)


def _join(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return "; ".join(kept) if kept else None


def days(text: str, base: int = 0) -> list[Parameter]:
    """Durations of a day or longer, as whole days (see module docstring for conversions)."""
    out: list[Parameter] = []
    for start, end, count, unit, note in _durations(text):
        word = unit.split()[-1].rstrip("s")
        if word not in _DAYS_PER:
            continue
        value = count * _DAYS_PER[word]
        conv = None if word == "day" else f"{count:g} {word}{'' if count == 1 else 's'} = {value:g} days"
        out.append(make("days", round(value), text, start, end, base, DURATION, unit, _join(conv, note)))
    return out


def hours(text: str, base: int = 0) -> list[Parameter]:
    """Durations in hours ("72 hours", "48-hour", "24 hrs"); short deadlines in days ("within 2 days") as hours."""
    out: list[Parameter] = []
    for start, end, count, unit, note in _durations(text):
        if unit == "hours":
            out.append(make("hours", round(count), text, start, end, base, DURATION, "hours", note))
        elif unit in ("days", "calendar days") and count <= 7 and _DEADLINE_BEFORE.search(
            text, max(0, start - 25), start
        ):
            conv = f"{count:g} day{'' if count == 1 else 's'} = {count * 24:g} hours"
            out.append(make("hours", int(count * 24), text, start, end, base, DURATION, unit, _join(conv, note)))
    return out


_NOTICE_CUE = re.compile(
    r"(?i)\bnotice|\bnotif|\bin\s+advance|\badvance\b|\bprior\s+(?:to|written|notice)|"
    r"\b(?:take|takes|taking|took|become|becomes|became)\s+effect|\beffective\b|"
    r"\bcontinued\s+use|\bcontinue\s+(?:to\s+use|using)|"
    # "emailing you at least fourteen (14) days before the new version applies", "inform … before it begins"
    r"\bbefore\s+(?:the\s+)?(?:new|updated|revised|changed|amended)?\s*(?:version|terms?|changes?|update|it|they)?\s*"
    r"(?:appl(?:y|ies)|begins?|starts?|commences?)\b|\b(?:inform|email|e-mail|alert|tell)\w*\s+(?:the\s+)?(?:you|customer|account\s+owners?|admin\w*|users?)\b"
)
_MONEY_CUE = re.compile(r"(?i)\bfees\b|\bamounts?\s+(?:paid|payable)|\bpaid\s+or\s+payable|\bliabilit")


_TERM_LENGTH = re.compile(r"(?i)^[\s)-]*(?:-?\s*)?(?:renewal\s+)?(?:periods?|terms?)\b")


def notice_days(text: str, base: int = 0) -> list[Parameter]:
    """Day durations that are a notice period: a notice / notify / in advance / takes effect cue nearby.

    The duration nearest its cue comes first, and a term length ("successive twelve (12) month periods")
    is not a notice period even when the notice clause follows it.
    """
    found: list[tuple[int, Parameter]] = []
    for p in days(text, base):
        s, e = p.start - base, p.end - base
        before, after = window(text, s, e, 80)
        near = before + " " + after
        if not _NOTICE_CUE.search(near) or _MONEY_CUE.search(near) or _TERM_LENGTH.match(text[e:e + 20]):
            continue
        cues = [abs(m.start() - len(before)) for m in _NOTICE_CUE.finditer(before)]
        cues += [m.start() for m in _NOTICE_CUE.finditer(after)]
        found.append((min(cues) if cues else 999, make("notice_days", p.value, text, s, e, base, NOTICE,
                                                         p.unit, p.normalized)))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


_VAGUE = [
    ("as soon as reasonably practicable", (r"as\s+soon\s+as\s+(?:reasonably|commercially\s+reasonably)\s+"
     r"(?:practicable|practical|possible)")),
    ("as soon as practicable", r"as\s+soon\s+as\s+(?:practicable|practical|possible|feasible)"),
    ("without undue delay", r"without\s+(?:undue|unreasonable)\s+delay"),
    ("in a timely manner", r"in\s+a\s+timely\s+(?:manner|fashion)|timely\s+basis"),
    ("reasonable time", r"(?:a\s+)?reasonable\s+(?:period\s+of\s+)?(?:time|period)"),
    ("as long as necessary", (r"(?:for\s+)?(?:as|so)\s+long\s+as\s+(?:is\s+)?(?:reasonably\s+|strictly\s+)?"
     r"(?:necessary|needed|required|we\s+need)")),
    ("promptly", r"promptly"),
]
_VAGUE_RE = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<v{i}>{p})" for i, (_, p) in enumerate(_VAGUE))
                       + r")(?![\w])")


_VAGUE_ANCHORED = Anchored(_VAGUE_RE, ("promptly", "delay", "as soon as", "timely", "reasonable", "as long as",
                                       "so long as"), 40, 60)


def vague(text: str, base: int = 0) -> list[Parameter]:
    """Vague timing ("promptly", "without undue delay", "as long as necessary"), value canonical phrase."""
    out: list[Parameter] = []
    for m in _VAGUE_ANCHORED.finditer(text):
        assert m.lastgroup is not None
        canonical = _VAGUE[int(m.lastgroup[1:])][0]
        out.append(make("vague", canonical, text, m.start(), m.end(), base, VAGUE, None,
                        " ".join(m.group(0).lower().split())))
    return ordered(out)
