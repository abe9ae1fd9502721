"""Recognizers are registered automatically: one per topic file, plus any installed through entry points."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from termguard.classify.base import Recognizer
from termguard.classify.rules import RuleRecognizer
from termguard.topics import load_catalogue

ENTRY_POINT_GROUP = "termguard.recognizers"


@lru_cache(maxsize=1)
def rule_recognizers() -> tuple[RuleRecognizer, ...]:
    return tuple(RuleRecognizer(t) for t in load_catalogue())


def plugin_recognizers() -> list[Recognizer]:
    """Recognizers from other packages: an entry point names a zero-argument factory."""
    found: list[Recognizer] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.append(ep.load()())
    return found


def recognizers(extra: list[Recognizer] | None = None) -> list[Recognizer]:
    return [*rule_recognizers(), *plugin_recognizers(), *(extra or [])]
