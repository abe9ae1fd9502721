"""The clause library: for every topic a model clause (the customer's opening position), a fallback and a
walk-away note, in `rules/clauses/<topic-id>.yaml`, with {variables} filled from the playbook.

The library is written by the project. The rider is built only from it, and a test reviews a rider made of
every clause with the `strict` playbook: each clause must place its own topic at `meets`.
"""

from __future__ import annotations

import functools
import re
import string
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from termguard.assess.playbook import Playbook, yaml_line
from termguard.errors import RuleError
from termguard.negotiate.regimes import regime_commitments
from termguard.negotiate.words import cadence, in_words, join

VARIABLES = ("days", "days_in_words", "hours", "notice_days", "notice_days_in_words", "per_year", "cadence",
             "months_of_fees", "months_in_words", "regions", "regime_commitments")


class Clause(BaseModel):
    """One library entry. `opening` is a list of sub-clauses; `variables_from` borrows another topic's
    thresholds (model isolation certifies at the assurance cadence)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: str
    title: str
    opening: list[str]
    fallback: str
    walk_away: str
    variables_from: str | None = None
    source_file: str = ""

    @field_validator("opening", "fallback", "walk_away")
    @classmethod
    def _known_variables(cls, v: str | list[str]) -> str | list[str]:
        for text in [v] if isinstance(v, str) else v:
            for _, name, _, _ in string.Formatter().parse(text):
                if name is not None and name not in VARIABLES:
                    raise ValueError(f"unknown variable {{{name}}}; known: {', '.join(VARIABLES)}")
        return v


def clauses_dir() -> Path:
    return Path(str(resources.files("termguard") / "rules" / "clauses"))


def load_clause_file(path: Path) -> Clause:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError("E221", f"not valid YAML: {exc}", where=f"{path}:1") from exc
    try:
        clause = Clause.model_validate({**(data or {}), "source_file": path.name})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise RuleError("E222", f"{field}: {err['msg']}", where=f"{path}:{yaml_line(text, err['loc'])}") from exc
    if clause.topic != path.stem:
        raise RuleError("E223", f"file name must be the topic id {clause.topic!r}", where=f"{path}:1")
    return clause


@functools.lru_cache(maxsize=2)
def load_library(directory: str | None = None) -> dict[str, Clause]:
    folder = Path(directory) if directory else clauses_dir()
    return {c.topic: c for c in (load_clause_file(p) for p in sorted(folder.glob("*.yaml")))}


def variables(clause: Clause, playbook: Playbook) -> dict[str, str]:
    """Values for every variable, from the topic's thresholds (or those of `variables_from`), with defaults."""
    policy = playbook.policy(clause.variables_from or clause.topic) or playbook.policy(clause.topic)
    t = policy.thresholds if policy else None
    days = t.max_days if t and t.max_days is not None else 30
    notice = t.min_notice_days if t and t.min_notice_days is not None else 30
    per_year = t.min_per_year if t and t.min_per_year is not None else 1
    months = t.min_months_of_fees if t and t.min_months_of_fees is not None else 12
    hours = t.max_hours if t and t.max_hours is not None else 72
    return {
        "days": str(days), "days_in_words": in_words(days), "hours": str(hours),
        "notice_days": str(notice), "notice_days_in_words": in_words(notice),
        "per_year": f"{per_year:g}", "cadence": cadence(per_year),
        "months_of_fees": str(months), "months_in_words": in_words(months),
        "regions": join(list(playbook.negotiation.regions), "or"),
        "regime_commitments": regime_commitments(playbook.active_regimes),
    }


def fill(text: str, values: dict[str, str]) -> str:
    """Fill {variables}; collapse the whitespace a folded YAML block or an empty variable leaves."""
    out = text.format_map(values)
    return re.sub(r"\s+", " ", out).strip()


def opening(clause: Clause, playbook: Playbook) -> list[str]:
    values = variables(clause, playbook)
    return [fill(p, values) for p in clause.opening if fill(p, values)]


def fallback(clause: Clause, playbook: Playbook) -> str:
    return fill(clause.fallback, variables(clause, playbook))


def walk_away(clause: Clause, playbook: Playbook) -> str:
    return fill(clause.walk_away, variables(clause, playbook))
