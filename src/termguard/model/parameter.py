"""A number or qualifier pulled from the text that decides a position."""

from __future__ import annotations

from dataclasses import dataclass

Value = int | float | str | bool | tuple[str, ...] | None


@dataclass(frozen=True)
class Parameter:
    """`name` is what the report keys on ("days", "hours", "standards"); `extractor` is versioned ("duration.v1")."""

    name: str
    value: Value
    raw: str
    start: int
    end: int
    extractor: str
    unit: str | None = None
    normalized: str | None = None
