"""The comparison matrix: topics as rows, documents (vendors) as columns, the best term per row marked.

A cell is `best` when no other column in its row is better (`ranking.compare_terms`) and at least one column
is worse — a row where everyone says the same has no lever, so nothing is highlighted there. Rows follow the
catalogue; `topics=` keeps only some (e.g. the data-use family).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from termguard.compare.ranking import compare_terms
from termguard.model.report import Report
from termguard.topics import Topic, load_catalogue


@dataclass(frozen=True)
class Cell:
    position: str
    status: str
    parameters: dict[str, Any]
    quote: str
    section: str | None
    best: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "status": self.status, "parameters": self.parameters,
                "quote": self.quote, "section": self.section, "best": self.best}


@dataclass(frozen=True)
class Row:
    topic: str
    title: str
    family: str
    cells: tuple[Cell, ...]

    @property
    def best_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.cells) if c.best]


@dataclass(frozen=True)
class Matrix:
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"columns": list(self.columns),
                "rows": [{"topic": r.topic, "title": r.title, "family": r.family,
                          "cells": [c.to_dict() for c in r.cells], "best": r.best_columns} for r in self.rows]}


def _cell(report: Report, topic: Topic) -> Cell:
    f = report.finding(topic.id)
    if f is None:
        return Cell("silent", "silent", {}, "", None)
    ev = f.evidence[0] if f.evidence else None
    return Cell(f.position, f.status.value, dict(f.parameters), ev.quote if ev else "", ev.section if ev else None)


def _mark_best(topic: Topic, cells: list[Cell]) -> list[Cell]:
    """Best = no other cell better. Highlighted only when it is a lever: some other *stated* term is worse,
    or the best is the ladder's top rung and the others are silent."""
    terms = [(c.position, c.parameters) for c in cells]
    stated = [i for i, c in enumerate(cells) if c.position != "silent"]
    best = [i for i in stated if all(compare_terms(topic, terms[i], terms[j]) <= 0 for j in stated)]
    if not best:
        return cells
    b = terms[best[0]]
    lever = any(compare_terms(topic, b, terms[j]) < 0 for j in stated)
    top = bool(topic.ladder) and b[0] == topic.ladder[0] and len(best) < len(cells)
    if not (lever or top):
        return cells
    return [replace(c, best=i in best) for i, c in enumerate(cells)]


def label_for(report: Report) -> str:
    from pathlib import PurePath

    d = report.document
    return d.title[:40] if d.title else PurePath(d.path.split("!")[-1]).stem


def compare(reports: Sequence[Report], labels: Sequence[str] | None = None,
            topics: Sequence[str] | None = None) -> Matrix:
    """Build the matrix. `labels` name the columns (default: document titles)."""
    if len(reports) < 2:
        raise ValueError("compare needs at least two documents")
    cols = tuple(labels) if labels else tuple(label_for(r) for r in reports)
    wanted = set(topics) if topics else None
    rows = []
    for t in load_catalogue():
        if wanted is not None and t.id not in wanted and t.family not in wanted:
            continue
        cells = _mark_best(t, [_cell(r, t) for r in reports])
        rows.append(Row(t.id, t.title, t.family, tuple(cells)))
    return Matrix(cols, tuple(rows))
