"""Canned portfolio questions, answered per document from its stored findings (and text when the catalogue
cannot answer yet). `termguard scan --question usage-data` adds the answer as columns of the export.

`usage-data` — the first question legal ops asks of a legacy portfolio: which agreements grant the vendor
usage, derivative or aggregated data rights *without* a limit on AI training? Old agreements wrote these
grants for analytics; today the same words let a vendor train models. The answer comes from the
`training.derived-data` finding when the catalogue has it (`broad` → yes, `narrow` → no); otherwise a lexical
check finds a grant sentence over such data and looks for a no-training limit in it or the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


class FindingLike(Protocol):
    @property
    def topic(self) -> str: ...

    @property
    def position(self) -> str: ...

    @property
    def evidence(self) -> Sequence[object]: ...


@dataclass(frozen=True)
class Answer:
    hit: bool
    reason: str
    quote: str = ""


_DATA = re.compile(r"\b(?:usage|aggregated?|derivative|derived|de-?identified|anonymi[sz]ed|statistical|"
                   r"telemetry|performance|analytics|service|system)\s+(?:data|information|metrics)\b", re.IGNORECASE)
_GRANT = re.compile(r"\b(?:may|shall be (?:free|entitled)|is free|right|rights|licen[cs]e|own|owns|ownership|"
                    r"retain|exploit|commerciali[sz]e|use|disclose)\b", re.IGNORECASE)
_LIMIT = re.compile(r"\b(?:not|never|no|without)\b[^.;]{0,100}\b(?:train\w*|machine learning|artificial "
                    r"intelligence|AI|models?|large language)\b", re.IGNORECASE)
_SENT = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\"'])|\n{2,}")


def _quote(ev: object) -> str:
    return str(getattr(ev, "quote", ""))


def usage_data(findings: Sequence[FindingLike], text: str) -> Answer:
    by_topic = {f.topic: f for f in findings}
    derived = by_topic.get("training.derived-data")
    if derived is not None and derived.position != "silent":
        quote = _quote(derived.evidence[0]) if derived.evidence else ""
        if derived.position == "broad":
            return Answer(True, "usage/derived data: broad definition or free vendor use (training.derived-data)",
                          quote)
        return Answer(False, f"usage/derived data: {derived.position} (training.derived-data)", quote)
    sentences = [s.strip() for s in _SENT.split(text) if s.strip()]
    for i, s in enumerate(sentences):
        if _DATA.search(s) and _GRANT.search(s):
            window = s + " " + (sentences[i + 1] if i + 1 < len(sentences) else "")
            if _LIMIT.search(window):
                return Answer(False, "usage/derived data right with a no-training limit", s[:400])
            return Answer(True, "grants rights over usage/derived/aggregated data; no AI-training limit found",
                          s[:400])
    return Answer(False, "no usage, derivative or aggregated data grant found")


QUESTIONS: dict[str, tuple[str, Callable[[Sequence[FindingLike], str], Answer]]] = {
    "usage-data": ("grants usage, derivative or aggregated data rights without an AI-training limit", usage_data),
}
