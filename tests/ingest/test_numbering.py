"""Word numbering rules, checked on hand-written numbering.xml (ECMA-376 §17.9)."""

from __future__ import annotations

import pytest
from lxml import etree

from termguard.ingest.numbering import Numberer, format_number, parse_definitions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numberer(
    abstract_levels: str, nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
) -> Numberer:
    xml = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{abstract_levels}</w:abstractNum>'
        f"{nums}</w:numbering>"
    )
    return Numberer(parse_definitions(etree.fromstring(xml), W))


def labels(n: Numberer, sequence: list[tuple[str, int]]) -> list[str | None]:
    return [n.label(num, ilvl) for num, ilvl in sequence]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "decimal", "4"),
        (3, "lowerLetter", "c"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (5, "decimalZero", "05"),
        (2, "ordinal", "2nd"),
        (13, "ordinal", "13th"),
        (7, "someFutureFormat", "7"),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_legal_numbering_with_parentheses_and_restart_of_deeper_levels() -> None:
    n = numberer(lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2") + lvl(2, "lowerLetter", "(%3)"))
    seq = [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 0), ("1", 2), ("1", 1)]
    assert labels(n, seq) == ["1.", "1.1", "(a)", "(b)", "1.2", "2.", "(a)", "2.1"]


def test_is_lgl_renders_roman_parent_as_decimal() -> None:
    n = numberer(lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
    assert labels(n, [("1", 0), ("1", 0), ("1", 1)]) == ["I.", "II.", "2.1"]


def test_lvl_restart_zero_never_restarts() -> None:
    n = numberer(lvl(0, "decimal", "%1.") + lvl(1, "decimal", "Note %2", extra='<w:lvlRestart w:val="0"/>'))
    assert labels(n, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["1.", "Note 1", "2.", "Note 2"]


def test_lvl_restart_only_after_named_level() -> None:
    levels = (
        lvl(0, "decimal", "%1")
        + lvl(1, "decimal", "%1.%2")
        + lvl(2, "lowerLetter", "(%3)", extra='<w:lvlRestart w:val="1"/>')
    )
    n = numberer(levels)
    # level 3 restarts only when level 1 (ilvl 0) is used, not after level 2 (ilvl 1)
    assert labels(n, [("1", 0), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 2)]) == [
        "1",
        "(a)",
        "1.1",
        "(b)",
        "2",
        "(a)",
    ]


def test_start_value_and_bullets() -> None:
    n = numberer(lvl(0, "decimal", "%1.", start=5) + lvl(1, "bullet", "\uf0b7"))
    assert labels(n, [("1", 0), ("1", 1), ("1", 0)]) == ["5.", None, "6."]


def test_nums_sharing_an_abstract_continue_unless_they_override_the_start() -> None:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    n = numberer(lvl(0, "decimal", "%1."), nums)
    assert labels(n, [("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)]) == ["1.", "2.", "1.", "2.", "3."]


def test_level_override_replaces_the_format() -> None:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        f"{lvl(0, 'upperLetter', 'Article %1')}</w:lvlOverride></w:num>"
    )
    n = numberer(lvl(0, "decimal", "%1."), nums)
    assert labels(n, [("1", 0), ("1", 0)]) == ["Article A", "Article B"]


def test_unknown_num_or_level_has_no_label() -> None:
    n = numberer(lvl(0, "decimal", "%1."))
    assert n.label("99", 0) is None
    assert n.label("1", 5) is None
