"""Numbers as contract English writes them: "thirty (30)", "every quarter"."""

from __future__ import annotations

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0..9999 (enough for days, hours and months); digits beyond that."""
    if n < 0 or n > 9999:
        return str(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{spell(thousands)} thousand" + (f" {spell(rest)}" if rest else "")


def in_words(n: int) -> str:
    """The drafting convention that survives OCR and typos: words, then digits."""
    return f"{spell(n)} ({n})"


def cadence(per_year: float) -> str:
    """How often something happens, from a number per year: 4 → "every quarter"."""
    n = round(per_year)
    return {1: "once a year", 2: "twice a year", 3: "three times a year", 4: "every quarter",
            6: "every two months", 12: "every month"}.get(n, f"{spell(n)} times a year")


def join(items: list[str], conjunction: str = "and") -> str:
    """A, B and C (or A, B or C)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
