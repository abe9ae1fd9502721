"""Playbooks: per topic the required position, thresholds, severity and weight. YAML, validated at load."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from termguard.errors import RuleError

SeverityName = Literal["info", "low", "medium", "high", "critical"]


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_days: int | None = None
    max_hours: int | None = None
    min_notice_days: int | None = None
    min_per_year: float | None = None
    min_months_of_fees: int | None = None


class TopicPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    required: str
    partial: list[str] = []  # positions below `required` that still count as partial
    severity: SeverityName = "medium"
    silent_severity: SeverityName | None = None
    weight: float = Field(1.0, ge=0)
    thresholds: Thresholds = Thresholds()
    note: str = ""


class Playbook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    version: str = "1"
    description: str = ""
    extends: str | None = None
    context: Literal["general", "healthcare", "financial-services", "public-sector"] = "general"
    topics: dict[str, TopicPolicy]
    data_policy: dict[str, Any] = {}
    source: str = ""

    def policy(self, topic_id: str) -> TopicPolicy | None:
        return self.topics.get(topic_id)


def playbooks_dir() -> Path:
    return Path(str(resources.files("termguard") / "rules" / "playbooks"))


def shipped_playbooks() -> list[str]:
    return sorted(p.stem for p in playbooks_dir().glob("*.yaml"))


def _read(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise RuleError("E211", f"not valid YAML: {exc}", where=f"{path}:{line}") from exc
    if not isinstance(data, dict):
        raise RuleError("E212", "a playbook must be a mapping", where=f"{path}:1")
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _resolve(path: Path, depth: int = 0) -> dict[str, Any]:
    data = _read(path)
    parent = data.get("extends")
    if parent:
        if depth > 4:
            raise RuleError("E213", "playbook 'extends' chain too deep", where=f"{path}:1")
        base = _resolve(_locate(str(parent)), depth + 1)
        base.pop("extends", None)
        data = _merge(base, data)
    return data


def _locate(name_or_path: str) -> Path:
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml") or p.exists():
        if not p.exists():
            raise RuleError("E214", f"playbook file not found: {p}", where=str(p))
        return p
    shipped = playbooks_dir() / f"{name_or_path}.yaml"
    if not shipped.exists():
        raise RuleError("E215", f"unknown playbook {name_or_path!r}; shipped: {', '.join(shipped_playbooks())}",
                        where=name_or_path)
    return shipped


@functools.lru_cache(maxsize=16)
def load_playbook(name_or_path: str = "strict") -> Playbook:
    """A shipped playbook by name, or a YAML file (which may `extends:` a shipped one)."""
    path = _locate(name_or_path)
    data = _resolve(path)
    try:
        pb = Playbook.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        field = ".".join(str(x) for x in loc)
        text = path.read_text(encoding="utf-8")
        line = 1
        for key in reversed([k for k in loc if isinstance(k, str)]):
            m = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.MULTILINE)
            if m:
                line = text.count("\n", 0, m.start()) + 1
                break
        raise RuleError("E216", f"{field}: {err['msg']}", where=f"{path}:{line}") from exc
    return pb
