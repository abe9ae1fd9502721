"""The English cardinal-number parser and contract-style quantities."""

from __future__ import annotations

import re

import pytest

from termguard.extract.numbers import parse_number, parse_words, qty_pattern, qty_value


@pytest.mark.parametrize(
    "phrase,value",
    [("one", 1), ("twelve", 12), ("nineteen", 19), ("thirty", 30), ("seventy-two", 72), ("twenty four", 24),
     ("ninety-nine", 99), ("one hundred", 100), ("one hundred and twenty", 120), ("three hundred sixty-five", 365),
     ("two thousand", 2000), ("one million", 1_000_000), ("Sixty", 60), ("forty-eight", 48)],
)
def test_parse_words(phrase: str, value: int) -> None:
    """Cardinals from one to the millions, hyphenated or spaced, any case."""
    assert parse_words(phrase) == value


@pytest.mark.parametrize("phrase", ["", "a", "sevens", "many", "twenty-", "and"])
def test_parse_words_rejects_non_numbers(phrase: str) -> None:
    """Anything that is not a cardinal gives None."""
    assert parse_words(phrase) is None


def test_parse_number_digits() -> None:
    """Digits with separators and decimals."""
    assert parse_number("1,000,000") == 1_000_000
    assert parse_number("2.5") == 2.5
    assert parse_number("thirty") == 30


_QTY = re.compile(rf"(?i){qty_pattern('q')}\s*days")


@pytest.mark.parametrize(
    "text,value,note",
    [("thirty (30) days", 30, None), ("30 (thirty) days", 30, None), ("sixty days", 60, None),
     ("1,000 days", 1000, None),
     ("thirty (60) days", 60, "words say thirty (30), digits say 60; digits used")],
)
def test_quantities(text: str, value: int, note: str | None) -> None:
    """A parenthetical duplicate is one quantity; on a mismatch the digits win, with a note."""
    m = _QTY.fullmatch(text)
    assert m is not None
    assert qty_value(m, "q") == (value, note)
