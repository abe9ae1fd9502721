"""The topic catalogue: one YAML file per topic in `rules/topics/`, validated at load time.

A topic file holds everything about one topic — what it detects, its position ladder, the cue patterns that
tag a sentence with it, the signals that place the topic on a position, the parameters to extract, the ask, and
examples that must and must not match. Adding a topic means adding one file.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from termguard.errors import RuleError

FAMILIES = {
    "A": "Use of customer data for AI",
    "B": "Data lifecycle",
    "C": "Third parties and location",
    "D": "Ownership, IP and liability",
    "E": "Accountability",
    "F": "Security operations",
    "G": "Change, governance and compliance",
    "H": "Commercial terms",
}

Scope = Literal["sentence", "clause", "section", "document"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class Pattern(_Strict):
    """A regex that tags a sentence with the topic (a cue) or rules it out (an exclusion)."""

    name: str
    pattern: str
    score: float = Field(0.7, ge=0, le=1)
    near: list[str] = []  # context words that raise the score when found within `window` characters
    window: int = 150
    boost: float = 0.15
    unless: list[str] = []  # the pattern does not fire in a sentence matching any of these

    @field_validator("pattern", "unless")
    @classmethod
    def _valid_regex(cls, v: Any) -> Any:
        for p in [v] if isinstance(v, str) else v:
            try:
                _compile(p)
            except re.error as exc:
                raise ValueError(f"invalid regex {p!r}: {exc}") from exc
        return v


class Signal(Pattern):
    """A pattern that, found where the topic is discussed, places the document on `position`.

    scope: `sentence` — in a sentence tagged with the topic; `clause` — anywhere in a clause that has such a
    sentence (and in the definitions of terms it uses); `section` — anywhere under the same heading as such a
    clause (a licence sentence and its bulleted purposes); `document` — anywhere (use `requires` to stay on topic).
    """

    position: str
    scope: Scope = "sentence"
    requires: list[str] = []  # every one of these must also match the same sentence (any scope)
    priority: int = 0  # a signalled position with a higher priority wins over precedence order

    @field_validator("requires")
    @classmethod
    def _valid_requires(cls, v: list[str]) -> list[str]:
        for p in v:
            _compile(p)
        return v


class Position(_Strict):
    id: str
    label: str
    explain: str  # what this position means for the customer, in plain words


class AllOf(_Strict):
    """A position that needs several signals together ("on request AND at termination"); otherwise `otherwise`."""

    signals: list[str]
    otherwise: str | None = None


class Decide(_Strict):
    """How signals combine: among the signalled positions, the one whose strongest signal has the highest
    `priority` wins; ties go to the first in `precedence`. `all_of` demotes a position whose required signals
    did not all fire."""

    precedence: list[str]
    default: str | None = None  # when the topic is discussed but no signal fires
    conflicts: list[tuple[str, str]] = []  # both strongly present in different clauses → status conflicting
    all_of: dict[str, AllOf] = {}
    # Signals under audience headings ("Business Users") yield to the general terms when both take a position.
    prefer_general_terms: bool = False


class ParameterSpec(_Strict):
    name: str  # an extractor name from termguard.extract.registry
    many: bool = False  # collect every value (standards, regimes) instead of the first
    deciding_clauses_only: bool = False  # read only the clauses that decided the position


class Example(_Strict):
    text: str
    position: str | None = None
    params: dict[str, Any] = {}
    xfail_reason: str | None = None


class Examples(_Strict):
    match: list[Example]
    no_match: list[Example]


class Topic(_Strict):
    id: str
    family: Literal["A", "B", "C", "D", "E", "F", "G", "H"]
    title: str
    detects: str
    why: str
    positions: list[Position]
    cues: list[Pattern]
    exclude: list[Pattern] = []
    signals: list[Signal] = []
    decide: Decide
    parameters: list[ParameterSpec] = []
    ask: str
    fallback: str = ""
    walk_away: str = ""
    better_wording: str = ""
    references: list[str] = []
    examples: Examples
    source_file: str = ""

    @model_validator(mode="after")
    def _positions_known(self) -> Topic:
        ids = [p.id for p in self.positions]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate position ids")
        used = set(self.decide.precedence) | {s.position for s in self.signals}
        used |= {self.decide.default} if self.decide.default else set()
        used |= {p for pair in self.decide.conflicts for p in pair}
        used |= set(self.decide.all_of) | {a.otherwise for a in self.decide.all_of.values() if a.otherwise}
        used |= {e.position for e in self.examples.match if e.position}
        unknown = sorted(used - set(ids))
        if unknown:
            raise ValueError(f"unknown position ids {unknown}; the ladder has {ids}")
        if not self.why.strip():
            raise ValueError("empty 'why'")
        names = [c.name for c in self.cues] + [s.name for s in self.signals] + [e.name for e in self.exclude]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate pattern names {dupes}")
        signal_names = {s.name for s in self.signals}
        missing = sorted({n for a in self.decide.all_of.values() for n in a.signals} - signal_names)
        if missing:
            raise ValueError(f"decide.all_of names unknown signals {missing}")
        return self

    @property
    def ladder(self) -> list[str]:
        """Position ids, best for the customer first."""
        return [p.id for p in self.positions]

    def position(self, pid: str) -> Position | None:
        return next((p for p in self.positions if p.id == pid), None)


def _error_line(text: str, loc: tuple[Any, ...]) -> int:
    """Best-effort line number of the first key named in a pydantic error location."""
    for key in reversed([k for k in loc if isinstance(k, str)]):
        m = re.search(rf"^\s*-?\s*{re.escape(key)}\s*:", text, re.MULTILINE)
        if m:
            return text.count("\n", 0, m.start()) + 1
    return 1


def load_topic_file(path: Path) -> Topic:
    """Parse and validate one topic file; errors name the file, the line and the field."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise RuleError("E201", f"not valid YAML: {exc}", where=f"{path}:{line}") from exc
    if not isinstance(data, dict):
        raise RuleError("E202", "a topic file must be a mapping", where=f"{path}:1")
    try:
        topic = Topic.model_validate({**data, "source_file": path.name})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise RuleError("E203", f"{field}: {err['msg']}", where=f"{path}:{_error_line(text, err['loc'])}") from exc
    if path.stem != topic.id:
        raise RuleError("E204", f"file name must be the topic id {topic.id!r}", where=f"{path}:1")
    return topic


def topics_dir() -> Path:
    return Path(str(resources.files("termguard") / "rules" / "topics"))


@functools.lru_cache(maxsize=4)
def load_catalogue(directory: str | None = None) -> tuple[Topic, ...]:
    """Every topic, ordered by family then file name."""
    folder = Path(directory) if directory else topics_dir()
    topics = [load_topic_file(p) for p in sorted(folder.glob("*.yaml"))]
    return tuple(sorted(topics, key=lambda t: (t.family, _catalogue_order(t.id))))


def _catalogue_order(topic_id: str) -> int:
    try:
        return CATALOGUE_ORDER.index(topic_id)
    except ValueError:
        return len(CATALOGUE_ORDER)


def get_topic(topic_id: str) -> Topic:
    for t in load_catalogue():
        if t.id == topic_id:
            return t
    raise KeyError(topic_id)


# The SPEC's catalogue order, used for stable report ordering.
CATALOGUE_ORDER = [
    "training.customer-content", "training.outputs", "training.feedback", "training.fine-tuning",
    "training.retrieval-data", "training.derived-data", "training.model-isolation", "ai.optional-features",
    "ai.disclosure",
    "retention.period", "retention.human-review", "deletion.on-request", "deletion.certification",
    "logging.content",
    "subprocessors", "third-party-models", "data-residency",
    "ownership.inputs-outputs", "ip-indemnity", "liability.cap", "liability.data-breach",
    "audit-rights", "assurance.certification", "security.attestations", "remedies.termination",
    "data-boundary", "security.controls", "incident-notification", "access-control", "secrets-management",
    "environments", "vulnerability-management",
    "change-of-terms", "governance", "compliance.regulatory", "confidentiality",
    "commercial.governing-law", "commercial.termination", "commercial.renewal", "commercial.assignment",
    "commercial.warranty",
]
