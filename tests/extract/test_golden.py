"""Golden tables (STYLE.md 13): every ``<extractor>.csv`` row is a test, id ``<csv>:<row>``.

Columns ``text,name,value,unit,normalized``. Consecutive rows with the same ``text`` describe,
in order, everything the extractor named by the CSV's stem returns for it: row k checks result k,
and the number of results must equal the number of rows. ``name`` ``-`` means nothing is
extracted. Numbers compare numerically; an empty ``unit`` or ``normalized`` is not checked.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from termguard.extract.registry import EXTRACTORS
from termguard.model.parameter import Parameter

HERE = Path(__file__).resolve().parent
Row = dict[str, str]


def _cases() -> list[tuple[str, Row, int, int]]:
    """(extractor, row, position in its group, group size) for every row of every CSV."""
    cases: list[tuple[str, Row, int, int]] = []
    for path in sorted(HERE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        i = 0
        while i < len(rows):
            j = i
            while j < len(rows) and rows[j]["text"] == rows[i]["text"]:
                j += 1
            size = 0 if rows[i]["name"] == "-" else j - i
            for k in range(i, j):
                cases.append(pytest.param(path.stem, rows[k], k - i, size, id=f"{path.name}:{k + 2}"))
            i = j
    return cases


def _same(expected: str, actual: object) -> bool:
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        try:
            return abs(float(expected) - float(actual)) < 1e-9
        except ValueError:
            return False
    return expected == str(actual)


def _show(found: list[Parameter]) -> str:
    return "; ".join(f"{p.name}={p.value!r} unit={p.unit!r} norm={p.normalized!r} raw={p.raw!r}" for p in found)


@pytest.mark.parametrize("extractor,row,position,size", _cases())
def test_golden_row(extractor: str, row: Row, position: int, size: int) -> None:
    """The extractor returns exactly the rows of this text's group, in order."""
    assert extractor in EXTRACTORS, f"CSV {extractor}.csv names no registered extractor"
    found = EXTRACTORS[extractor](row["text"], 0)
    assert len(found) == size, _show(found)
    if size == 0:
        return
    got = found[position]
    assert got.name == row["name"], _show(found)
    assert _same(row["value"], got.value), _show(found)
    if row["unit"]:
        assert got.unit == row["unit"], _show(found)
    if row["normalized"]:
        assert got.normalized == row["normalized"], _show(found)


def test_every_family_has_enough_rows() -> None:
    """The main families keep at least 15 positive and 5 negative rows."""
    for stem in ("days", "hours", "notice_days", "per_year", "cap", "months_of_fees", "standards", "regimes",
                 "jurisdiction"):
        with (HERE / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        positive = sum(1 for r in rows if r["name"] != "-")
        negative = sum(1 for r in rows if r["name"] == "-")
        assert positive >= 15 and negative >= 5, (stem, positive, negative)
