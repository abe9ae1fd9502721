"""Word auto-numbering: rebuild the labels ("4.2", "(a)", "IV.") that Word draws but never stores as text.

Model (ECMA-376 §17.9): a paragraph names (numId, ilvl); numId → w:num → w:abstractNum, whose w:lvl gives
start, numFmt, lvlText ("%1.%2"), lvlRestart and isLgl. A w:num may override a level's start or the whole
level. Counters are shared by every w:num of one abstractNum unless the w:num overrides a start (that is how
Word writes "restart numbering"), in which case it counts on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True)
class Level:
    """One w:lvl. `restart` is lvlRestart (None: restart after any higher level; 0: never)."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True)
class Num:
    """One w:num: its abstractNum and per-level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass
class Definitions:
    """Everything numbering.xml defines, keyed by abstractNumId and numId."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    style_link: dict[str, str] = field(default_factory=dict)  # abstractNum id → numbering style it follows
    nums: dict[str, Num] = field(default_factory=dict)


def _val(el: etree._Element | None, w: str) -> str | None:
    return None if el is None else el.get(f"{{{w}}}val")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el: etree._Element | None, w: str) -> bool:
    """Read an OOXML on/off property: on when present without val, or val not false/0/off."""
    return el is not None and (_val(el, w) or "true").lower() not in ("0", "false", "off")


def parse_level(lvl: etree._Element, w: str, base: Level | None = None) -> Level:
    """Read one w:lvl; what it leaves out comes from `base` (the level a w:lvlOverride replaces)."""
    base = base or Level()

    def prop(tag: str) -> etree._Element | None:
        return lvl.find(f"{{{w}}}{tag}")

    start = _int(_val(prop("start"), w), base.start)
    return Level(
        start=base.start if start is None else start,
        fmt=_val(prop("numFmt"), w) or base.fmt,
        text=_val(prop("lvlText"), w) if prop("lvlText") is not None else base.text,
        restart=_int(_val(prop("lvlRestart"), w), base.restart),
        legal=_on(prop("isLgl"), w) if prop("isLgl") is not None else base.legal,
        style=_val(prop("pStyle"), w) or base.style,
    )


def parse_definitions(root: etree._Element | None, w: str) -> Definitions:
    """Read numbering.xml into Definitions (an absent part means no numbering)."""
    defs = Definitions()
    if root is None:
        return defs
    for absn in root.iter(f"{{{w}}}abstractNum"):
        aid = absn.get(f"{{{w}}}abstractNumId", "")
        levels = {}
        for lvl in absn.iter(f"{{{w}}}lvl"):
            levels[_int(lvl.get(f"{{{w}}}ilvl"), 0) or 0] = parse_level(lvl, w)
        defs.abstract[aid] = levels
        link = _val(absn.find(f"{{{w}}}numStyleLink"), w)
        if link:
            defs.style_link[aid] = link
    for num in root.iter(f"{{{w}}}num"):
        defs.nums[num.get(f"{{{w}}}numId", "")] = _parse_num(num, w, defs)
    return defs


def _parse_num(num: etree._Element, w: str, defs: Definitions) -> Num:
    result = Num(abstract=_val(num.find(f"{{{w}}}abstractNumId"), w) or "")
    for override in num.iter(f"{{{w}}}lvlOverride"):
        ilvl = _int(override.get(f"{{{w}}}ilvl"), 0) or 0
        start = _int(_val(override.find(f"{{{w}}}startOverride"), w))
        if start is not None:
            result.starts[ilvl] = start
        lvl = override.find(f"{{{w}}}lvl")
        if lvl is not None:
            base = defs.abstract.get(result.abstract, {}).get(ilvl)
            result.levels[ilvl] = parse_level(lvl, w, base)
    return result


def format_number(value: int, fmt: str) -> str:
    """Render one counter in a numFmt; unknown formats fall back to decimal (a number beats no number)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return _ordinal(value)
    if fmt == "none":
        return ""
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering repeats the letter: 26 → z, 27 → aa, 28 → bb."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if value <= 0:
        return str(value)
    out = []
    for number, numeral in _ROMAN:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


class Numberer:
    """Walks paragraphs in document order and returns each numbered paragraph's label.

    `style_num` resolves a numbering style id to the numId its paragraph properties name (numStyleLink).
    """

    def __init__(self, defs: Definitions, style_num: Callable[[str], str | None] = lambda _: None) -> None:
        """Start with no counters; `style_num` maps a numbering style id to a numId."""
        self._defs = defs
        self._style_num = style_num
        self._counters: dict[str, dict[int, int]] = {}

    def levels(self, num_id: str) -> dict[int, Level]:
        """Effective levels of a w:num: its abstractNum (following numStyleLink) with level overrides."""
        num = self._defs.nums.get(num_id)
        if num is None:
            return {}
        levels = dict(self._abstract_levels(num.abstract))
        levels.update(num.levels)
        return levels

    def _abstract_levels(self, abstract: str, depth: int = 0) -> dict[int, Level]:
        levels = self._defs.abstract.get(abstract, {})
        link = self._defs.style_link.get(abstract)
        if link and depth < 4:
            linked_num = self._style_num(link)
            linked = self._defs.nums.get(linked_num or "")
            if linked is not None and linked.abstract != abstract:
                return self._abstract_levels(linked.abstract, depth + 1) or levels
        return levels

    def level_for_style(self, num_id: str, style_id: str) -> int:
        """Return the ilvl of the level bound to a paragraph style (w:pStyle in w:lvl), else 0."""
        for ilvl, level in self.levels(num_id).items():
            if level.style == style_id:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters for (numId, ilvl) and render the label; None for bullets and unknown lists."""
        levels = self.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None
        num = self._defs.nums[num_id]
        starts = {k: num.starts.get(k, lv.start) for k, lv in levels.items()}
        counters = self._counters.setdefault(f"num:{num_id}" if num.starts else f"abs:{num.abstract}", {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else starts[ilvl]
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet" or not level.text:
            return None
        return self._render(level, levels, counters, starts)

    @staticmethod
    def _render(
        level: Level, levels: dict[int, Level], counters: dict[int, int], starts: dict[int, int]
    ) -> str | None:
        def one(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            value = counters.get(k, starts.get(k, 1))
            fmt = "decimal" if level.legal else (levels[k].fmt if k in levels else "decimal")
            return format_number(value, fmt)

        label = _PLACEHOLDER.sub(one, level.text or "").strip()
        return label or None
