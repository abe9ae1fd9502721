"""Playbooks: per topic the required position, thresholds, severity and weight. YAML, validated at load.

A playbook may also carry the organisation's data policy (what each data tier may be used for in vendor
training), its industry context (which switches on compliance regimes and negotiation arguments), and
negotiation settings (what the customer can offer in trade). Every new section has a default, so playbooks
written before these sections existed still load unchanged.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from termguard.errors import RuleError

SeverityName = Literal["info", "low", "medium", "high", "critical"]
ContextName = Literal["general", "healthcare", "financial-services", "public-sector"]
TierName = Literal["threat-telemetry", "workflow-metadata", "public-content", "user-content",
                   "proprietary-content", "personal-data", "regulated-data"]
Decision = Literal["allow", "allow-with-guardrails", "deny"]
Guardrail = Literal["purpose-limitation", "aggregation", "no-general-model", "deletion"]

TIERS: tuple[str, ...] = TierName.__args__  # type: ignore[attr-defined]
GUARDRAILS: tuple[str, ...] = Guardrail.__args__  # type: ignore[attr-defined]

# Regimes each industry context switches on; a playbook's own `regimes:` list adds to these.
CONTEXT_REGIMES: dict[str, tuple[str, ...]] = {
    "general": ("GDPR", "CCPA"),
    "healthcare": ("HIPAA", "HITECH", "GDPR", "CCPA"),
    "financial-services": ("GLBA", "SOX", "PCI DSS", "DORA", "GDPR", "CCPA"),
    "public-sector": ("FedRAMP", "FISMA", "CJIS", "public records law", "GDPR"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(_Strict):
    max_days: int | None = Field(None, ge=0)
    max_hours: int | None = Field(None, ge=0)
    min_notice_days: int | None = Field(None, ge=0)
    min_per_year: float | None = Field(None, gt=0)
    min_months_of_fees: int | None = Field(None, ge=0)


class TopicPolicy(_Strict):
    required: str
    partial: list[str] = []  # positions below `required` that still count as partial
    severity: SeverityName = "medium"
    silent_severity: SeverityName | None = None
    weight: float = Field(1.0, ge=0)
    thresholds: Thresholds = Thresholds()
    note: str = ""


class TierRule(_Strict):
    """What vendor training may do with one data tier: allow, allow under named guardrails, or deny."""

    decision: Decision = "deny"
    guardrails: list[Guardrail] = []
    note: str = ""


def _deny_all() -> dict[str, TierRule]:
    return {t: TierRule() for t in TIERS}


class DataPolicy(_Strict):
    """The organisation's data tiers mapped to training decisions; tiers not listed are denied."""

    tiers: dict[TierName, TierRule] = Field(default_factory=_deny_all)  # type: ignore[arg-type]

    def rule(self, tier: str) -> TierRule:
        return self.tiers.get(tier, TierRule())  # type: ignore[call-overload]


class Negotiation(_Strict):
    """What the customer can offer and whom to escalate to; used by the brief's arguments."""

    commitment_offer: str = "a 24-month initial term instead of 12 months"
    tie_audit_to_price: bool = True
    escalate_privacy: str = "the vendor's Data Protection Officer or Chief Privacy Officer"
    escalate_legal: str = "the vendor's General Counsel"
    author: str = "termguard"
    regions: list[str] = ["the European Union", "the United Kingdom", "the United States"]


class Playbook(_Strict):
    name: str
    version: str = "1"
    description: str = ""
    extends: str | None = None
    context: ContextName = "general"
    regimes: list[str] = []  # added to the context's regimes
    topics: dict[str, TopicPolicy]
    data_policy: DataPolicy = DataPolicy()
    negotiation: Negotiation = Negotiation()
    source: str = ""

    def policy(self, topic_id: str) -> TopicPolicy | None:
        return self.topics.get(topic_id)

    @property
    def active_regimes(self) -> list[str]:
        """The context's regimes plus the playbook's own, in order, without repeats."""
        out: list[str] = []
        for r in (*CONTEXT_REGIMES.get(self.context, ()), *self.regimes):
            if r not in out:
                out.append(r)
        return out


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


def yaml_line(text: str, loc: tuple[Any, ...]) -> int:
    """1-based line of the deepest key of `loc` that exists in the YAML text (from the parser's node marks).

    Pydantic locations name the field path (`topics`, `retention.period`, `thresholds`, `max_days`); walking
    the composed node tree finds the line a user has to fix, even when the same key appears many times.
    """
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if nxt is None:
                break
            line, node = nxt[0].start_mark.line + 1, nxt[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def validation_errors(path: Path) -> list[RuleError]:
    """Every schema error of a playbook file (after `extends`), each naming the line and the field."""
    data = _resolve(path)
    try:
        Playbook.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        text = path.read_text(encoding="utf-8")
        out = []
        for err in exc.errors():
            loc = tuple(x for x in err["loc"] if not str(x).startswith("function-"))
            field = ".".join(str(x) for x in loc)
            out.append(RuleError("E216", f"{field}: {err['msg']}", where=f"{path}:{yaml_line(text, loc)}"))
        return out
    return []


@functools.lru_cache(maxsize=16)
def load_playbook(name_or_path: str = "strict") -> Playbook:
    """A shipped playbook by name, or a YAML file (which may `extends:` a shipped one)."""
    path = _locate(name_or_path)
    errors = validation_errors(path)
    if errors:
        raise errors[0]
    return Playbook.model_validate({**_resolve(path), "source": str(path)})


def check_file(path: Path) -> list[RuleError]:
    """Schema errors, then topic ids outside the catalogue and position ids not on the topic's ladder.

    Kept out of `load_playbook` so a review never fails because a playbook names a topic a rule pack lacks.
    """
    from termguard.topics import CATALOGUE_ORDER, load_catalogue

    errors = validation_errors(path)
    text = path.read_text(encoding="utf-8")
    data = _resolve(path)
    ladders = {t.id: t.ladder for t in load_catalogue()}
    for topic_id, policy in (data.get("topics") or {}).items():
        loc = ("topics", topic_id)
        if topic_id not in CATALOGUE_ORDER:
            errors.append(RuleError("E217", f"topics.{topic_id}: unknown topic id; see `termguard topics`",
                                    where=f"{path}:{yaml_line(text, loc)}"))
            continue
        ladder = ladders.get(topic_id)
        if not ladder or not isinstance(policy, dict):
            continue
        for field in ("required", "partial"):
            values = policy.get(field)
            for v in [values] if isinstance(values, str) else values or []:
                if v not in ladder:
                    errors.append(RuleError(
                        "E218", f"topics.{topic_id}.{field}: unknown position {v!r}; the ladder is "
                                f"{', '.join(ladder)}", where=f"{path}:{yaml_line(text, (*loc, field))}"))
    return errors
