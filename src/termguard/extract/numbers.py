"""English cardinal numbers and contract-style quantities ("thirty (30)", "10 (ten)", "1,000").

``parse_words("seventy-two") == 72``; ``qty_pattern("d")`` is a regex fragment with named groups
prefixed ``d`` that ``qty_value`` turns into ``(value, note)``. When words and digits disagree
("thirty (60)") the digits win and the note says so.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT_RE = rf"(?:{_alt(_UNITS)})"
_SMALL_RE = rf"(?:(?:{_alt(_TENS)})(?:[-\s]{_UNIT_RE}(?![\w-]))?|{_UNIT_RE})(?![\w])"
_HUNDREDS_RE = rf"(?:{_SMALL_RE}\s+hundred(?:(?:\s+and)?\s+{_SMALL_RE})?|{_SMALL_RE})"
#: A number written in words, up to the millions ("one hundred and twenty", "seventy-two").
WORDS = rf"(?:{_HUNDREDS_RE}(?:\s+(?:thousand|million)(?:(?:\s+and)?\s+{_HUNDREDS_RE})?)?)"
#: Digits with optional thousands separators ("1,000,000") and decimals.
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

_WORDS_FULL = re.compile(rf"(?i){WORDS}")


def parse_words(phrase: str) -> int | None:
    """Parse an English cardinal ("twenty four", "one hundred and five"); None if it is not one."""
    phrase = phrase.strip()
    if not phrase or not _WORDS_FULL.fullmatch(phrase):
        return None
    total, current = 0, 0
    for token in re.split(r"[\s-]+", phrase.lower()):
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        else:  # thousand / million
            total += (current or 1) * _SCALES[token]
            current = 0
    return total + current


def parse_digits(digits: str) -> int | float:
    """Parse "1,000" → 1000, "2.5" → 2.5."""
    clean = digits.replace(",", "")
    value = float(clean)
    return int(value) if value.is_integer() and "." not in clean else value


def parse_number(token: str) -> int | float | None:
    """Digits or words; None when neither."""
    token = token.strip()
    if re.fullmatch(DIGITS, token):
        return parse_digits(token)
    return parse_words(token)


def qty_pattern(p: str) -> str:
    """A quantity: "thirty (30)", "30 (thirty)", "30", "thirty"; group names start with ``p``."""
    return (
        rf"(?:(?P<{p}w1>{WORDS})\s*\(\s*(?P<{p}d1>{DIGITS})\s*\)"
        rf"|(?P<{p}d2>{DIGITS})\s*\(\s*(?P<{p}w2>{WORDS})\s*\)"
        rf"|(?P<{p}d3>{DIGITS})"
        rf"|(?P<{p}w3>{WORDS}))"
    )


def qty_value(m: re.Match[str], p: str) -> tuple[int | float, str | None]:
    """Value of a ``qty_pattern(p)`` match, and a note when words and digits disagree."""
    digits = m.group(f"{p}d1") or m.group(f"{p}d2") or m.group(f"{p}d3")
    words = m.group(f"{p}w1") or m.group(f"{p}w2") or m.group(f"{p}w3")
    word_value = parse_words(words) if words else None
    if digits is None:
        assert word_value is not None
        return word_value, None
    value = parse_digits(digits)
    if word_value is not None and word_value != value:
        return value, f"words say {words.strip()} ({word_value}), digits say {digits}; digits used"
    return value, None
