"""The changed clauses of a diff, as plain data for the template: what kind of change, where, which words.

`termguard.diff.diff(old, new).to_dict()` lists the changed clauses (moved, renumbered, edited, added,
removed) with word-level operations for edited ones. We keep the clauses that touch data use and turn each
into a list of `(op, text)` pieces, op being `equal`, `ins` or `del`. The template prints every piece through
autoescape inside `<ins>`/`<del>`: the contract's text is never rendered as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termguard.diff import DiffResult

# Topic families about what happens to the customer's data (see termguard.topics.FAMILIES).
DATA_USE_FAMILIES = ("A", "B", "C")
KIND_ORDER = ("edited", "added", "removed", "moved", "renumbered")


@dataclass(frozen=True)
class ClauseChange:
    kind: str
    old_label: str
    new_label: str
    similarity: float
    topics: tuple[str, ...]
    pieces: tuple[tuple[str, str], ...]  # (equal | ins | del, text)

    @property
    def inserted(self) -> int:
        """Words inserted (punctuation counts as a word, as in the diff's tokens)."""
        return sum(len(t.split()) for op, t in self.pieces if op == "ins")

    @property
    def deleted(self) -> int:
        return sum(len(t.split()) for op, t in self.pieces if op == "del")


def _label(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "—"
    section, heading = ref.get("section"), ref.get("heading")
    parts = [f"§ {section}" if section else "", str(heading or "")]
    return " ".join(p for p in parts if p) or str(ref.get("id", "clause"))


def pieces_from_words(ops: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """`word_diff` operations → pieces; a replacement is its deletion followed by its insertion."""
    out: list[tuple[str, str]] = []
    for op in ops:
        if op.get("op") == "equal":
            out.append(("equal", op.get("text", "")))
            continue
        if op.get("old"):
            out.append(("del", op["old"]))
        if op.get("new"):
            out.append(("ins", op["new"]))
    return tuple(out)


def _data_use_topics() -> set[str]:
    from termguard.topics import load_catalogue

    return {t.id for t in load_catalogue() if t.family in DATA_USE_FAMILIES}


def clause_changes(result: DiffResult) -> list[ClauseChange]:
    """Changed clauses of `diff(old, new)` touching data use, edited ones first."""
    from termguard.diff.words import word_diff

    listed = result.to_dict().get("clauses", [])
    aligned = result.changed_clauses()  # same order as to_dict()["clauses"]; gives the clauses' text
    wanted = _data_use_topics()
    out = []
    for d, a in zip(listed, aligned, strict=False):
        topics = tuple(d.get("topics", ()))
        if not (d.get("data_use") or wanted.intersection(topics)):
            continue
        old_text, new_text = (a.old.text if a.old else ""), (a.new.text if a.new else "")
        if d.get("words"):
            pieces = pieces_from_words(d["words"])
        elif a.old and a.new:
            pieces = pieces_from_words(word_diff(old_text, new_text)) if old_text != new_text \
                else (("equal", new_text),)
        elif a.new:
            pieces = (("ins", new_text),)
        else:
            pieces = (("del", old_text),)
        out.append(ClauseChange(str(d.get("kind", "")), _label(d.get("old")), _label(d.get("new")),
                                float(d.get("similarity") or 0.0), topics, pieces))
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(out, key=lambda c: rank.get(c.kind, len(rank)))
