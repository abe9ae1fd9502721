"""Clauses, sentences and definitions found by the segmenter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """A unit of the document's own structure: a numbered section, a headed block, a definition."""

    id: str  # stable within a document: "c0007"
    start: int
    end: int
    section: str | None  # "4.2", "(a)", "Article IV"
    heading: str | None
    page: int | None
    level: int
    sentences: tuple[Sentence, ...]
    parent: str | None = None  # id of the enclosing clause
    path: tuple[str, ...] = ()  # headings from the outermost clause down, for context ("Business Terms")


@dataclass(frozen=True)
class Definition:
    term: str
    start: int  # span of the whole definition text
    end: int
    text: str
